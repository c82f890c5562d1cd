import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { parseCredentials } from '../src/protocol/sigv4.js';

/**
 * The AWS CLI to test with: Debian's v2 at /usr/bin/aws first, else whatever `aws` is on PATH (a v1
 * CLI passes too; one is enough, each call costs a second or more of Python start-up).
 */
function installedClis(): string[] {
  const found = new Set<string>();
  for (const dir of ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter)]) {
    const candidate = path.join(dir, 'aws');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      found.add(candidate);
    } catch {
      // not here
    }
  }
  return [...found].slice(0, 1);
}

const clis = installedClis();

describe.skipIf(clis.length === 0)('EMULATOR_AUTH=sigv4 with the AWS CLI (botocore signing)', () => {
  let emulator: RunningEmulator;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-cli-home-'));
  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      auth: { mode: 'sigv4', credentials: parseCredentials('AKIDCLI:cli-secret:333333333333') },
    });
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  function aws(
    cli: string,
    secret: string,
    args: string[],
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        cli,
        ['--endpoint-url', emulator.url, '--region', 'eu-west-1', '--output', 'json', ...args],
        {
          env: {
            PATH: process.env.PATH,
            HOME: home,
            AWS_ACCESS_KEY_ID: 'AKIDCLI',
            AWS_SECRET_ACCESS_KEY: secret,
            AWS_CONFIG_FILE: path.join(home, 'none'),
            AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'),
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_PAGER: '',
          },
          timeout: 60_000,
        },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
        },
      );
    });
  }

  for (const cli of clis) {
    it(`when ${cli} signs with the right secret, then create, tag, untag with repeated keys and Route 53 calls are served`, async () => {
      const name = `cli+${path.basename(path.dirname(cli))}@sigv4.example`;
      const created = await aws(cli, 'cli-secret', [
        'sesv2',
        'create-email-identity',
        '--email-identity',
        name,
        '--tags',
        'Key=a,Value=1',
        'Key=b c,Value=2',
        'Key=kept,Value=3',
      ]);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const arn = `arn:aws:ses:eu-west-1:333333333333:identity/${name}`;
      const untagged = await aws(cli, 'cli-secret', [
        'sesv2',
        'untag-resource',
        '--resource-arn',
        arn,
        '--tag-keys',
        'a',
        'b c',
      ]);
      expect(untagged.stderr).toBe('');
      const tags = await aws(cli, 'cli-secret', ['sesv2', 'list-tags-for-resource', '--resource-arn', arn]);
      expect(JSON.parse(tags.stdout).Tags).toEqual([{ Key: 'kept', Value: '3' }]);
      const zones = await aws(cli, 'cli-secret', ['route53', 'list-hosted-zones']);
      expect(zones.stderr).toBe('');
      expect(JSON.parse(zones.stdout)).toHaveProperty('HostedZones');
    }, 120_000);

    it(`when ${cli} signs with a wrong secret, then it fails with InvalidSignatureException`, async () => {
      const out = await aws(cli, 'wrong', ['sesv2', 'get-account']);
      expect(out.code).not.toBe(0);
      expect(out.stderr).toContain('InvalidSignatureException');
    }, 60_000);
  }
});
