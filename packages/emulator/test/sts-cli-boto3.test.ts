import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorControlClient } from '../src/client/index.js';
import { emulatorOptionsFromEnv } from '../src/options.js';
import { boto3 } from './boto3.js';
import { type ChildEmulator, ensureBuilt, startChildEmulator } from './child-emulator.js';
import { startUntilExit } from './start-up-probes.js';

/**
 * STS through clients this project did not write: the AWS CLI (`/usr/bin/aws`, botocore signing and
 * parsing) and boto3, against `pnpm emulator` started with
 * EMULATOR_ROLES, so the variable is exercised as users set it.
 */
const AWS = '/usr/bin/aws';
const hasCli = fs.existsSync(AWS);
const mainJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

const PRODUCTION = '210987654321';
const STAGING = '123412341234';
const prodRole = `arn:aws:iam::${PRODUCTION}:role/ConsoleRole`;
const stagingRole = `arn:aws:iam::${STAGING}:role/ConsoleRole`;
const ROLES = JSON.stringify([
  { arn: prodRole, externalId: 'cli-external-id' },
  { arn: stagingRole, maxSessionDuration: 7200 },
]);

describe('EMULATOR_ROLES at start-up', () => {
  beforeAll(() => ensureBuilt());

  it('when an entry is bad, then the options name the entry and the rule', () => {
    const bad = (value: string) => () => emulatorOptionsFromEnv({ EMULATOR_ROLES: value });
    expect(bad('[{"arn":"arn:aws:iam::123456789012:role/A"},{"arn":"role/B"}]')).toThrow(
      'EMULATOR_ROLES entry 2 (role/B): arn must be an IAM role ARN like arn:aws:iam::123456789012:role/ConsoleRole',
    );
    expect(bad('[{"arn":"arn:aws:iam::123456789012:role/A","maxSessionDuration":"1h"}]')).toThrow(
      'EMULATOR_ROLES entry 1 (arn:aws:iam::123456789012:role/A): maxSessionDuration must be a whole number of seconds from 3600 to 43200',
    );
    expect(bad('[{"arn":"arn:aws:iam::123456789012:role/A","externalID":"x"}]')).toThrow(
      'EMULATOR_ROLES entry 1 (arn:aws:iam::123456789012:role/A) has unknown field externalID: only arn, externalId and maxSessionDuration are read',
    );
    expect(
      bad('[{"arn":"arn:aws:iam::123456789012:role/A"},{"arn":"arn:aws:iam::123456789012:role/A"}]'),
    ).toThrow('EMULATOR_ROLES entry 2 (arn:aws:iam::123456789012:role/A): the role is listed twice');
    expect(bad('{"arn":"x"}')).toThrow(/^EMULATOR_ROLES must be a JSON list of roles/);
    expect(bad('[{')).toThrow(/^EMULATOR_ROLES must be JSON like \[/);
    expect(emulatorOptionsFromEnv({}).roles).toBeUndefined();
    expect(emulatorOptionsFromEnv({ EMULATOR_ROLES: ROLES }).roles).toEqual(JSON.parse(ROLES));
  });

  it('when pnpm emulator starts with a bad EMULATOR_ROLES, then it prints that one line and exits non-zero', async () => {
    const { code, output } = await startUntilExit(
      mainJs,
      {
        EMULATOR_PORT: '0',
        EMULATOR_DNS_PORT: 'off',
        EMULATOR_ROLES: '[{"arn":"arn:aws:iam::123456789012:role/A","externalId":"x"}]',
      },
      'ready on',
    );
    expect(code).not.toBe(0);
    expect(output).toBe(
      'EMULATOR_ROLES entry 1 (arn:aws:iam::123456789012:role/A): externalId must be 2–1224 characters of letters, digits and _+=,.@:/-\n',
    );
  });
});

describe('STS through the AWS CLI and boto3 (pnpm emulator with EMULATOR_ROLES)', { timeout: 60_000 }, () => {
  let emulator: ChildEmulator;
  let control: EmulatorControlClient;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sts-cli-'));

  beforeAll(async () => {
    ensureBuilt();
    emulator = await startChildEmulator(dataDir, { EMULATOR_ROLES: ROLES, EMULATOR_VERIFICATION: 'auto' });
    control = new EmulatorControlClient(emulator.url);
  });
  afterAll(async () => {
    emulator.process.kill('SIGTERM');
    await emulator.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The CLI with only the given credentials, the emulator as AWS_ENDPOINT_URL, no config files. */
  function aws(
    keys: { id: string; secret: string; token?: string },
    args: string[],
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        AWS,
        // --endpoint-url: Debian's CLI (2.9) predates AWS_ENDPOINT_URL (2.13) and would ignore it.
        ['--endpoint-url', emulator.url, '--region', 'us-east-1', '--output', 'json', ...args],
        {
          env: {
            PATH: process.env.PATH,
            HOME: dataDir,
            AWS_ACCESS_KEY_ID: keys.id,
            AWS_SECRET_ACCESS_KEY: keys.secret,
            ...(keys.token ? { AWS_SESSION_TOKEN: keys.token } : {}),
            AWS_CONFIG_FILE: path.join(dataDir, 'none'),
            AWS_SHARED_CREDENTIALS_FILE: path.join(dataDir, 'none'),
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_PAGER: '',
            AWS_MAX_ATTEMPTS: '1',
          },
          timeout: 60_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }
  const caller = { id: 'AKIACLICALLER0000001', secret: 'cli-secret' };

  it.runIf(hasCli)(
    'when aws sts assume-role is run with the external id, then get-caller-identity and sesv2 calls with the temporary credentials act in the role’s account',
    async () => {
      const assumed = await aws(caller, [
        'sts',
        'assume-role',
        '--role-arn',
        prodRole,
        '--role-session-name',
        'cli-session',
        '--external-id',
        'cli-external-id',
      ]);
      expect(assumed.stderr).toBe('');
      const out = JSON.parse(assumed.stdout) as {
        Credentials: {
          AccessKeyId: string;
          SecretAccessKey: string;
          SessionToken: string;
          Expiration: string;
        };
        AssumedRoleUser: { Arn: string; AssumedRoleId: string };
      };
      expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/);
      expect(Number.isNaN(Date.parse(out.Credentials.Expiration))).toBe(false);
      expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${PRODUCTION}:assumed-role/ConsoleRole/cli-session`);
      const temp = {
        id: out.Credentials.AccessKeyId,
        secret: out.Credentials.SecretAccessKey,
        token: out.Credentials.SessionToken,
      };
      const who = JSON.parse((await aws(temp, ['sts', 'get-caller-identity'])).stdout) as Record<
        string,
        string
      >;
      expect(who).toEqual({
        UserId: out.AssumedRoleUser.AssumedRoleId,
        Account: PRODUCTION,
        Arn: out.AssumedRoleUser.Arn,
      });
      const created = await aws(temp, [
        'sesv2',
        'create-email-identity',
        '--email-identity',
        'cli.prod.example',
      ]);
      expect(created.code, created.stderr).toBe(0);
      const list = (key: string) =>
        aws({ id: key, secret: 'x' }, ['sesv2', 'list-email-identities']).then(
          (r) =>
            (JSON.parse(r.stdout) as { EmailIdentities: Array<{ IdentityName: string }> }).EmailIdentities,
        );
      expect((await list(PRODUCTION)).map((i) => i.IdentityName)).toContain('cli.prod.example');
      expect((await list(STAGING)).map((i) => i.IdentityName)).not.toContain('cli.prod.example');
      const root = JSON.parse(
        (await aws({ id: STAGING, secret: 'x' }, ['sts', 'get-caller-identity'])).stdout,
      );
      expect(root).toEqual({ UserId: STAGING, Account: STAGING, Arn: `arn:aws:iam::${STAGING}:root` });
    },
  );

  it.runIf(hasCli)(
    'when aws sts assume-role has a wrong external id or names an unlisted role, then it fails with AccessDenied',
    async () => {
      const wrong = await aws(caller, [
        'sts',
        'assume-role',
        '--role-arn',
        prodRole,
        '--role-session-name',
        'cli',
        '--external-id',
        'not-it',
      ]);
      expect(wrong.code).not.toBe(0);
      // With AWS_MAX_ATTEMPTS=1 the CLI adds "(reached max retries: 0)" after the operation name.
      expect(wrong.stderr).toContain(
        'An error occurred (AccessDenied) when calling the AssumeRole operation',
      );
      expect(wrong.stderr).toContain(
        `: User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: ${prodRole}\n`,
      );
      const unlisted = await aws(caller, [
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::${STAGING}:role/Other`,
        '--role-session-name',
        'cli',
      ]);
      expect(unlisted.stderr).toContain('(AccessDenied) when calling the AssumeRole operation');
      const bad = await aws(caller, [
        'sts',
        'assume-role',
        '--role-arn',
        stagingRole,
        '--role-session-name',
        'a b',
      ]);
      expect(bad.stderr).toContain('(ValidationError) when calling the AssumeRole operation');
      expect(bad.stderr).toContain(
        ": 1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*\n",
      );
    },
  );

  it('when boto3 assumes a role and uses the credentials for SNS and SES v1, then they act in the role’s account until the clock passes the expiry', async () => {
    const result = (await boto3(
      emulator.url,
      [
        'sts = client("sts")',
        `out = sts.assume_role(RoleArn=${JSON.stringify(stagingRole)}, RoleSessionName="boto3", DurationSeconds=7200)`,
        'c = out["Credentials"]',
        'def temp(name):',
        '    return boto3.client(name, region_name="eu-west-1", endpoint_url=sts.meta.endpoint_url,',
        '        aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],',
        '        aws_session_token=c["SessionToken"], config=botocore.config.Config(retries={"max_attempts": 1}))',
        'topic = temp("sns").create_topic(Name="boto3-topic")["TopicArn"]',
        'temp("ses").verify_email_identity(EmailAddress="boto3@staging.example")',
        'who = temp("sts").get_caller_identity()',
        'print(json.dumps({"topic": topic, "arn": who["Arn"], "account": who["Account"],',
        '  "expiration": c["Expiration"].isoformat(),',
        '  "key": c["AccessKeyId"], "secret": c["SecretAccessKey"], "token": c["SessionToken"],',
        '  "denied": error_of(lambda: sts.assume_role(RoleArn="arn:aws:iam::999999999999:role/Nope", RoleSessionName="xy")),',
        '  "invalid": error_of(lambda: sts.assume_role(RoleArn="not-an-arn-at-all-really", RoleSessionName="xy"))}))',
      ].join('\n'),
    )) as Record<string, unknown>;
    expect(result.topic).toBe(`arn:aws:sns:eu-west-1:${STAGING}:boto3-topic`);
    expect(result.arn).toBe(`arn:aws:sts::${STAGING}:assumed-role/ConsoleRole/boto3`);
    expect(result.account).toBe(STAGING);
    expect(result.denied).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/Nope`,
      status: 403,
    });
    expect(result.invalid).toEqual({
      code: 'ValidationError',
      message: 'not-an-arn-at-all-really is invalid',
      status: 400,
    });

    await control.advanceClock(7200);
    const expired = (await boto3(
      emulator.url,
      [
        'def temp(name):',
        `    return boto3.client(name, region_name="eu-west-1", endpoint_url=${JSON.stringify(emulator.url)},`,
        `        aws_access_key_id=${JSON.stringify(result.key)}, aws_secret_access_key=${JSON.stringify(result.secret)},`,
        `        aws_session_token=${JSON.stringify(result.token)}, config=botocore.config.Config(retries={"max_attempts": 1}))`,
        'print(json.dumps({"sts": error_of(lambda: temp("sts").get_caller_identity()),',
        '  "sesv2": error_of(lambda: temp("sesv2").list_email_identities())}))',
      ].join('\n'),
    )) as Record<string, unknown>;
    expect(expired).toEqual({
      sts: {
        code: 'ExpiredToken',
        message: 'The security token included in the request is expired',
        status: 403,
      },
      sesv2: {
        code: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
        status: 403,
      },
    });
  });
});
