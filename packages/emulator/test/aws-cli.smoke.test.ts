import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { mailbox, startTestEmulator, verificationLink } from './helpers.js';

/**
 * Smoke test with Debian's AWS CLI v2 (package awscli 2.9, installed by .ci/run). It installs
 * nothing: without /usr/bin/aws it is skipped locally and FAILS in CI (CI=true). The explicit path
 * avoids a pyenv `aws` v1 shim earlier on PATH.
 */
const AWS = '/usr/bin/aws';
const present = fs.existsSync(AWS);
const inCi = process.env.CI === 'true';
const run = promisify(execFile);

if (!present && !inCi) {
  console.warn(
    `aws-cli smoke test skipped: ${AWS} is missing (apt-get install awscli); in CI it fails instead.`,
  );
}

describe('AWS CLI smoke test prerequisites', () => {
  it.runIf(inCi)('when running in CI, then /usr/bin/aws is installed', () => {
    expect(fs.existsSync(AWS), `${AWS} is missing: .ci/run installs the awscli package`).toBe(true);
  });
});

// Each CLI call starts Python (~0.5-1 s), hence the longer timeout.
describe.runIf(present)('AWS CLI (sesv2) against the emulator', { timeout: 60_000 }, () => {
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  async function aws(...args: string[]): Promise<string> {
    return awsService('sesv2', ...args);
  }

  async function awsService(service: string, ...args: string[]): Promise<string> {
    const { stdout } = await run(
      AWS,
      ['--endpoint-url', emulator.url, '--output', 'json', service, ...args],
      {
        env,
        cwd: dir,
      },
    );
    return stdout;
  }

  beforeAll(async () => {
    emulator = await startTestEmulator();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-cli-smoke-'));
    fs.writeFileSync(path.join(dir, 'config'), '');
    fs.writeFileSync(path.join(dir, 'credentials'), '');
    fs.writeFileSync(
      path.join(dir, 'destination.json'),
      JSON.stringify({ ToAddresses: ['recipient@example.net'], CcAddresses: [], BccAddresses: [] }),
    );
    fs.writeFileSync(
      path.join(dir, 'content.json'),
      JSON.stringify({
        Simple: {
          Subject: { Data: 'Test email', Charset: 'UTF-8' },
          Body: { Text: { Data: 'This is the message body in text format.', Charset: 'UTF-8' } },
        },
      }),
    );
    env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    };
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("when the SES guide's default-configuration-set and send-email commands run, then they work as documented", async () => {
    await aws('create-configuration-set', '--configuration-set-name', 'ConfigSet');
    await aws('create-email-identity', '--email-identity', 'sender@example.com');
    await fetch(await verificationLink(emulator, 'sender@example.com'));
    // A new account is in the sandbox: the recipient must be a verified identity too.
    await aws('create-email-identity', '--email-identity', 'recipient@example.net');
    await fetch(await verificationLink(emulator, 'recipient@example.net'));

    await aws(
      'put-email-identity-configuration-set-attributes',
      '--email-identity',
      'sender@example.com',
      '--configuration-set-name',
      'ConfigSet',
    );
    const withSet = JSON.parse(await aws('get-email-identity', '--email-identity', 'sender@example.com'));
    expect(withSet).toMatchObject({
      ConfigurationSetName: 'ConfigSet',
      VerificationStatus: 'SUCCESS',
      IdentityType: 'EMAIL_ADDRESS',
    });

    const sent = JSON.parse(
      await aws(
        'send-email',
        '--from-email-address',
        'sender@example.com',
        '--destination',
        'file://destination.json',
        '--content',
        'file://content.json',
        '--configuration-set-name',
        'ConfigSet',
      ),
    );
    expect(sent.MessageId).toMatch(/^0100[0-9a-f]{12}-/);
    const [captured] = await mailbox(emulator, `?id=${sent.MessageId}`);
    expect(captured).toMatchObject({
      Subject: 'Test email',
      ConfigurationSetName: 'ConfigSet',
      Destination: { ToAddresses: ['recipient@example.net'] },
    });

    await aws('put-email-identity-configuration-set-attributes', '--email-identity', 'sender@example.com');
    const withoutSet = JSON.parse(await aws('get-email-identity', '--email-identity', 'sender@example.com'));
    expect(withoutSet.ConfigurationSetName).toBeUndefined();
  });

  it('when the CLI creates a template and sends with --content Template={…}, then the captured message is rendered', async () => {
    await aws('create-email-identity', '--email-identity', 'tpl-sender@example.com');
    await fetch(await verificationLink(emulator, 'tpl-sender@example.com'));
    await aws(
      'create-email-template',
      '--template-name',
      'cli-welcome',
      '--template-content',
      '{"Subject":"Hi {{name}}","Text":"Hello {{name}} from the CLI"}',
    );
    const got = JSON.parse(await aws('get-email-template', '--template-name', 'cli-welcome'));
    expect(got).toEqual({
      TemplateName: 'cli-welcome',
      TemplateContent: { Subject: 'Hi {{name}}', Text: 'Hello {{name}} from the CLI' },
    });
    const sent = JSON.parse(
      await aws(
        'send-email',
        '--from-email-address',
        'tpl-sender@example.com',
        '--destination',
        'ToAddresses=success@simulator.amazonses.com',
        '--content',
        `Template={TemplateName=cli-welcome,TemplateData='{"name":"Cli"}'}`,
      ),
    );
    const [captured] = await mailbox(emulator, `?id=${sent.MessageId}`);
    expect(captured).toMatchObject({
      Subject: 'Hi Cli',
      Body: { text_part: 'Hello Cli from the CLI' },
      Template: 'cli-welcome',
    });
    const missing = await aws('get-email-template', '--template-name', 'ghost').catch(
      (error: { stderr: string }) => error.stderr,
    );
    expect(missing).toContain(
      'An error occurred (NotFoundException) when calling the GetEmailTemplate operation: Template ghost does not exist.',
    );
  });

  it('when the CLI puts, lists, gets and deletes suppressed destinations, then the list follows', async () => {
    await aws('put-suppressed-destination', '--email-address', 'gone@example.net', '--reason', 'BOUNCE');
    await aws('put-suppressed-destination', '--email-address', 'angry@example.net', '--reason', 'COMPLAINT');
    const got = JSON.parse(await aws('get-suppressed-destination', '--email-address', 'gone@example.net'));
    expect(got.SuppressedDestination).toMatchObject({ EmailAddress: 'gone@example.net', Reason: 'BOUNCE' });
    const complaints = JSON.parse(await aws('list-suppressed-destinations', '--reasons', 'COMPLAINT'));
    expect(
      complaints.SuppressedDestinationSummaries.map((s: { EmailAddress: string }) => s.EmailAddress),
    ).toEqual(['angry@example.net']);
    await aws('delete-suppressed-destination', '--email-address', 'gone@example.net');
    const missing = await aws('get-suppressed-destination', '--email-address', 'gone@example.net').catch(
      (error: { stderr: string }) => error.stderr,
    );
    expect(missing).toContain(
      'An error occurred (NotFoundException) when calling the GetSuppressedDestination operation: Email address gone@example.net does not exist on your suppression list.',
    );
  });

  it('when list-email-identities runs (the GET route of CLI 2.9), then it lists the identities', async () => {
    await aws('create-email-identity', '--email-identity', 'cli.example.com');
    const listed = JSON.parse(await aws('list-email-identities'));
    expect(listed.EmailIdentities).toEqual(
      expect.arrayContaining([
        {
          IdentityType: 'EMAIL_ADDRESS',
          IdentityName: 'sender@example.com',
          SendingEnabled: true,
          VerificationStatus: 'SUCCESS',
        },
        {
          IdentityType: 'DOMAIN',
          IdentityName: 'cli.example.com',
          SendingEnabled: false,
          VerificationStatus: 'PENDING',
        },
      ]),
    );
    const page = JSON.parse(await aws('list-email-identities', '--page-size', '1'));
    expect(page.EmailIdentities).toHaveLength(1);
    expect(page.NextToken).toBeTruthy();
  });

  it('when the CLI hits an error, then it prints the AWS error code and message', async () => {
    const error = await aws('get-email-identity', '--email-identity', 'missing.example.com').then(
      () => undefined,
      (e: { stderr: string; code: number }) => e,
    );
    expect(error?.code).toBe(254);
    expect(error?.stderr).toContain(
      'An error occurred (NotFoundException) when calling the GetEmailIdentity operation: Email identity missing.example.com does not exist.',
    );
  });

  it('when Route 53 change-resource-record-sets runs with a file:// change batch, then the records are there', async () => {
    const zone = JSON.parse(
      await awsService(
        'route53',
        'create-hosted-zone',
        '--name',
        'cli-zone.example.com',
        '--caller-reference',
        `cli-${Date.now()}`,
      ),
    );
    const zoneId = zone.HostedZone.Id as string;
    fs.writeFileSync(
      path.join(dir, 'batch.json'),
      JSON.stringify({
        Comment: 'SES DKIM',
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: 'tok1._domainkey.cli-zone.example.com',
              Type: 'CNAME',
              TTL: 1800,
              ResourceRecords: [{ Value: 'tok1.dkim.amazonses.com' }],
            },
          },
        ],
      }),
    );
    const change = JSON.parse(
      await awsService(
        'route53',
        'change-resource-record-sets',
        '--hosted-zone-id',
        zoneId,
        '--change-batch',
        'file://batch.json',
      ),
    );
    expect(change.ChangeInfo.Status).toBe('PENDING');
    expect(change.ChangeInfo.Id).toMatch(/^\/change\/C/);
    const listed = JSON.parse(
      await awsService(
        'route53',
        'list-resource-record-sets',
        '--hosted-zone-id',
        zoneId,
        '--query',
        "ResourceRecordSets[?Type=='CNAME']",
      ),
    );
    expect(listed).toEqual([
      {
        Name: 'tok1._domainkey.cli-zone.example.com.',
        Type: 'CNAME',
        TTL: 1800,
        ResourceRecords: [{ Value: 'tok1.dkim.amazonses.com' }],
      },
    ]);
  });
});
