import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs a python3 script with boto3 against the emulator: `client(name)` in the script is a boto3
 * client for `endpoint`; the script prints one JSON value, which is returned.
 */
export async function boto3(endpoint: string, script: string, region = 'us-east-1'): Promise<unknown> {
  const prelude = [
    'import json, boto3, botocore',
    'def client(name):',
    `    return boto3.client(name, region_name=${JSON.stringify(region)}, endpoint_url=${JSON.stringify(endpoint)},`,
    "        aws_access_key_id='test', aws_secret_access_key='test',",
    "        config=botocore.config.Config(retries={'max_attempts': 1}))",
    'def error_of(call):',
    '    try:',
    '        call()',
    "        return {'ok': True}",
    '    except botocore.exceptions.ClientError as e:',
    "        return {'code': e.response['Error']['Code'], 'message': e.response['Error']['Message'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}",
  ].join('\n');
  const { stdout } = await run('python3', ['-c', `${prelude}\n${script}`], {
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_PROXY: '*' },
  });
  return JSON.parse(stdout) as unknown;
}
