import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';

/**
 * Route 53's newer rules and calls through Debian's AWS CLI v2 (a client this project did not write).
 * Like aws-cli.smoke.test.ts: skipped without /usr/bin/aws locally, required in CI.
 */
const AWS = '/usr/bin/aws';
const present = fs.existsSync(AWS);
const run = promisify(execFile);

describe.runIf(present)('AWS CLI (route53) zone count, tags and alias rules', { timeout: 120_000 }, () => {
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const route53 = async (...args: string[]) =>
    (
      await run(AWS, ['--endpoint-url', emulator.url, '--output', 'json', 'route53', ...args], {
        env,
        cwd: dir,
      })
    ).stdout;
  const failure = (...args: string[]) =>
    route53(...args).then(
      () => undefined,
      (e: { stderr: string; code: number }) => e,
    );

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-cli-route53-'));
    fs.writeFileSync(path.join(dir, 'config'), '');
    env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'config'),
    };
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when zones are created, then get-hosted-zone-count counts them and a TLD zone is refused', async () => {
    expect(JSON.parse(await route53('get-hosted-zone-count'))).toEqual({ HostedZoneCount: 0 });
    await route53('create-hosted-zone', '--name', 'cli-count.test', '--caller-reference', 'c1');
    expect(JSON.parse(await route53('get-hosted-zone-count'))).toEqual({ HostedZoneCount: 1 });
    const tld = await failure('create-hosted-zone', '--name', 'com', '--caller-reference', 'c2');
    expect(tld?.code).toBe(254);
    expect(tld?.stderr).toContain(
      'An error occurred (InvalidDomainName) when calling the CreateHostedZone operation: com is reserved by AWS!',
    );
  });

  it('when an alias names a target that is not in the zone, then the CLI prints InvalidChangeBatch with AWS text', async () => {
    const zone = JSON.parse(
      await route53('create-hosted-zone', '--name', 'cli-alias.test', '--caller-reference', 'a1'),
    );
    const zoneId = (zone.HostedZone.Id as string).replace('/hostedzone/', '');
    const batch = (target: string) =>
      JSON.stringify({
        Changes: [
          {
            Action: 'CREATE',
            ResourceRecordSet: {
              Name: 'cli-alias.test',
              Type: 'A',
              AliasTarget: { HostedZoneId: zoneId, DNSName: target, EvaluateTargetHealth: false },
            },
          },
        ],
      });
    const refused = await failure(
      'change-resource-record-sets',
      '--hosted-zone-id',
      zoneId,
      '--change-batch',
      batch('www.cli-alias.test'),
    );
    expect(refused?.stderr).toContain(
      `An error occurred (InvalidChangeBatch) when calling the ChangeResourceRecordSets operation: [Tried to create an alias that targets www.cli-alias.test., type A in zone ${zoneId}, but that target was not found]`,
    );
    await route53(
      'change-resource-record-sets',
      '--hosted-zone-id',
      zoneId,
      '--change-batch',
      JSON.stringify({
        Changes: [
          {
            Action: 'CREATE',
            ResourceRecordSet: {
              Name: 'www.cli-alias.test',
              Type: 'A',
              TTL: 60,
              ResourceRecords: [{ Value: '192.0.2.10' }],
            },
          },
        ],
      }),
    );
    const ok = JSON.parse(
      await route53(
        'change-resource-record-sets',
        '--hosted-zone-id',
        zoneId,
        '--change-batch',
        batch('www.cli-alias.test'),
      ),
    );
    expect(ok.ChangeInfo.Status).toBe('PENDING');
  });

  it('when tags and a comment are changed with the CLI, then list-tags-for-resource(s) and get-hosted-zone show them', async () => {
    const zone = JSON.parse(
      await route53('create-hosted-zone', '--name', 'cli-tags.test', '--caller-reference', 't1'),
    );
    const zoneId = (zone.HostedZone.Id as string).replace('/hostedzone/', '');
    await route53(
      'change-tags-for-resource',
      '--resource-type',
      'hostedzone',
      '--resource-id',
      zoneId,
      '--add-tags',
      'Key=team,Value=mail',
      'Key=env,Value=dev',
    );
    await route53(
      'change-tags-for-resource',
      '--resource-type',
      'hostedzone',
      '--resource-id',
      zoneId,
      '--remove-tag-keys',
      'env',
    );
    expect(
      JSON.parse(
        await route53('list-tags-for-resource', '--resource-type', 'hostedzone', '--resource-id', zoneId),
      ),
    ).toEqual({
      ResourceTagSet: {
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        Tags: [{ Key: 'team', Value: 'mail' }],
      },
    });
    const many = JSON.parse(
      await route53('list-tags-for-resources', '--resource-type', 'hostedzone', '--resource-ids', zoneId),
    );
    expect(many.ResourceTagSets).toEqual([
      { ResourceType: 'hostedzone', ResourceId: zoneId, Tags: [{ Key: 'team', Value: 'mail' }] },
    ]);
    const updated = JSON.parse(
      await route53('update-hosted-zone-comment', '--id', zoneId, '--comment', 'from the CLI'),
    );
    expect(updated.HostedZone.Config.Comment).toBe('from the CLI');
  });
});
