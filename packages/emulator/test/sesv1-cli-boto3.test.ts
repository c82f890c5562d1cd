import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { mailbox, servesSns, sesClient, startTestEmulator, verificationLink } from './helpers.js';

/**
 * SES v1 through clients this project did not write: Debian's AWS CLI v2 (`/usr/bin/aws ses …`) and
 * boto3's `ses` client (`python3`). Like the sesv2 CLI smoke test, each is skipped locally when it is
 * missing and FAILS in CI (CI=true), where .ci/run installs both.
 */
const AWS = '/usr/bin/aws';
const inCi = process.env.CI === 'true';
const cliPresent = fs.existsSync(AWS);
/** The first Python on PATH, else Debian's (python3-boto3, which .ci/run installs), that has boto3. */
const PYTHON = ['python3', '/usr/bin/python3'].find((python) => {
  try {
    execFileSync(python, ['-c', 'import boto3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const botoPresent = PYTHON !== undefined;
const run = promisify(execFile);

describe('SES v1 client prerequisites', () => {
  it.runIf(inCi)('when running in CI, then the AWS CLI and boto3 are installed', () => {
    expect(cliPresent, `${AWS} is missing`).toBe(true);
    expect(botoPresent, 'python3 cannot import boto3').toBe(true);
  });
});

/** A home directory with no AWS config: nothing but the environment configures the clients. */
function isolatedEnv(dir: string): NodeJS.ProcessEnv {
  fs.writeFileSync(path.join(dir, 'config'), '');
  fs.writeFileSync(path.join(dir, 'credentials'), '');
  return {
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
}

// Each CLI / Python start takes ~1 s, hence the longer timeout.
describe.runIf(cliPresent)('AWS CLI `aws ses` (SES v1) against the emulator', { timeout: 60_000 }, () => {
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const aws = async (...args: string[]) =>
    (await run(AWS, ['--endpoint-url', emulator.url, '--output', 'json', ...args], { env, cwd: dir })).stdout;
  const ses = async (...args: string[]) => JSON.parse((await aws('ses', ...args)) || '{}');

  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'realistic' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-ses-v1-'));
    env = isolatedEnv(dir);
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when verify-email-identity, list-identities and get-identity-verification-attributes run, then the address goes Pending → Success, as v2 sees it', async () => {
    await ses('verify-email-identity', '--email-address', 'cli@v1cli.example');
    expect((await ses('list-identities')).Identities).toContain('cli@v1cli.example');
    const pending = await ses('get-identity-verification-attributes', '--identities', 'cli@v1cli.example');
    expect(pending).toEqual({
      VerificationAttributes: { 'cli@v1cli.example': { VerificationStatus: 'Pending' } },
    });
    await fetch(await verificationLink(emulator, 'cli@v1cli.example'));
    const verified = await ses('get-identity-verification-attributes', '--identities', 'cli@v1cli.example');
    expect(verified.VerificationAttributes['cli@v1cli.example'].VerificationStatus).toBe('Success');
    const v2 = await sesClient(emulator).send(
      new GetEmailIdentityCommand({ EmailIdentity: 'cli@v1cli.example' }),
    );
    expect(v2.VerificationStatus).toBe('SUCCESS');
  });

  it('when send-email runs with --from/--to/--subject/--text, then the message is captured', async () => {
    const sent = await ses(
      'send-email',
      '--from',
      'cli@v1cli.example',
      '--to',
      // A mailbox-simulator address: the account is in the sandbox, as on AWS.
      'success@simulator.amazonses.com',
      '--subject',
      'From the CLI',
      '--text',
      'Plain body',
    );
    expect(sent.MessageId).toMatch(/^0100[0-9a-f]{12}-.*-000000$/);
    const [captured] = await mailbox(emulator, `?id=${sent.MessageId}`);
    expect(captured).toMatchObject({
      Subject: 'From the CLI',
      Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
    });
  });

  it('when get-identity-notification-attributes and set-identity-notification-topic (clearing) run, then the defaults read back', async () => {
    await ses(
      'set-identity-notification-topic',
      '--identity',
      'cli@v1cli.example',
      '--notification-type',
      'Bounce',
    );
    const attributes = await ses('get-identity-notification-attributes', '--identities', 'cli@v1cli.example');
    expect(attributes.NotificationAttributes['cli@v1cli.example']).toEqual({
      ForwardingEnabled: true,
      HeadersInBounceNotificationsEnabled: false,
      HeadersInComplaintNotificationsEnabled: false,
      HeadersInDeliveryNotificationsEnabled: false,
    });
  });

  it.runIf(servesSns())(
    'when set-identity-notification-topic names a topic from `aws sns create-topic`, then get-identity-notification-attributes shows it',
    async () => {
      const topic = JSON.parse(await aws('sns', 'create-topic', '--name', 'cli-feedback')).TopicArn as string;
      await ses(
        'set-identity-notification-topic',
        '--identity',
        'cli@v1cli.example',
        '--notification-type',
        'Bounce',
        '--sns-topic',
        topic,
      );
      const attributes = await ses(
        'get-identity-notification-attributes',
        '--identities',
        'cli@v1cli.example',
      );
      expect(attributes.NotificationAttributes['cli@v1cli.example'].BounceTopic).toBe(topic);
    },
  );

  it('when a call is refused, then the CLI prints the SES v1 error code and message', async () => {
    const error = await aws(
      'ses',
      'send-email',
      '--from',
      'stranger@nowhere.example',
      '--to',
      'a@example.net',
      '--subject',
      's',
      '--text',
      't',
    ).then(
      () => undefined,
      (e: { stderr: string; code: number }) => e,
    );
    expect(error?.code).toBe(254);
    expect(error?.stderr).toContain(
      'An error occurred (MessageRejected) when calling the SendEmail operation: Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@nowhere.example',
    );
    const bad = await aws('ses', 'verify-email-identity', '--email-address', 'not-an-address').then(
      () => undefined,
      (e: { stderr: string }) => e,
    );
    expect(bad?.stderr).toContain(
      "An error occurred (InvalidParameterValue) when calling the VerifyEmailIdentity operation: Missing final '@domain'",
    );
  });
});

describe.runIf(botoPresent)('boto3 `ses` (SES v1) against the emulator', { timeout: 60_000 }, () => {
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  /** Runs a Python body with `ses` (a boto3 SES client on the emulator) and `out` (a dict printed as JSON). */
  async function boto(body: string): Promise<Record<string, unknown>> {
    const script = [
      'import boto3, json, os',
      'from botocore.exceptions import ClientError',
      "ses = boto3.client('ses', endpoint_url=os.environ['EMULATOR_URL'], region_name='eu-west-1')",
      'out = {}',
      body,
      'print(json.dumps(out, default=str))',
    ].join('\n');
    const { stdout } = await run(PYTHON as string, ['-c', script], {
      env: { ...env, EMULATOR_URL: emulator.url },
      cwd: dir,
    });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'realistic' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boto3-ses-v1-'));
    env = isolatedEnv(dir);
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when boto3 verifies a domain and an address, pages list_identities and reads attributes, then it sees SES v1’s shapes', async () => {
    const out = await boto(
      [
        "out['token'] = ses.verify_domain_identity(Domain='boto.example')['VerificationToken']",
        "out['again'] = ses.verify_domain_identity(Domain='boto.example')['VerificationToken']",
        "ses.verify_email_identity(EmailAddress='py@boto.example')",
        "out['dkim'] = ses.verify_domain_dkim(Domain='boto.example')['DkimTokens']",
        "out['attrs'] = ses.get_identity_verification_attributes(Identities=['boto.example', 'py@boto.example'])['VerificationAttributes']",
        "pages = ses.get_paginator('list_identities').paginate(PaginationConfig={'PageSize': 1})",
        "out['listed'] = [i for page in pages for i in page['Identities']]",
        'quota = ses.get_send_quota()',
        "out['quota'] = [quota['Max24HourSend'], quota['MaxSendRate'], quota['SentLast24Hours']]",
        "out['notifications'] = ses.get_identity_notification_attributes(Identities=['py@boto.example'])['NotificationAttributes']",
      ].join('\n'),
    );
    expect(out.token).toMatch(/^[A-Za-z0-9+/]{44}$/);
    expect(out.again).toBe(out.token);
    expect(out.dkim).toHaveLength(3);
    expect(out.attrs).toEqual({
      'boto.example': { VerificationStatus: 'Pending', VerificationToken: out.token },
      'py@boto.example': { VerificationStatus: 'Pending' },
    });
    expect(out.listed).toEqual(['boto.example', 'py@boto.example']);
    expect(out.quota).toEqual([200, 1, 0]);
    expect(out.notifications).toEqual({
      'py@boto.example': {
        ForwardingEnabled: true,
        HeadersInBounceNotificationsEnabled: false,
        HeadersInComplaintNotificationsEnabled: false,
        HeadersInDeliveryNotificationsEnabled: false,
      },
    });
    const v2 = await sesClient(emulator, 'eu-west-1').send(
      new GetEmailIdentityCommand({ EmailIdentity: 'boto.example' }),
    );
    expect(v2.DkimAttributes?.Tokens).toEqual(out.dkim);
  });

  it('when boto3 sends before and after the address is verified, then ClientError MessageRejected, then a MessageId in the mailbox', async () => {
    const refused = await boto(
      [
        'try:',
        "    ses.send_email(Source='py@boto.example', Destination={'ToAddresses': ['success@simulator.amazonses.com']}, Message={'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 'b'}}})",
        'except ClientError as e:',
        "    out['error'] = [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]",
      ].join('\n'),
    );
    expect(refused.error).toEqual([
      'MessageRejected',
      'Email address is not verified. The following identities failed the check in region EU-WEST-1: py@boto.example',
      400,
    ]);
    await fetch(await verificationLink(emulator, 'py@boto.example'));
    const sent = await boto(
      "out['id'] = ses.send_email(Source='py@boto.example', Destination={'ToAddresses': ['success@simulator.amazonses.com']}, Message={'Subject': {'Data': 'From boto3'}, 'Body': {'Text': {'Data': 'b'}}})['MessageId']",
    );
    const [captured] = await mailbox(emulator, `?id=${sent.id as string}`);
    expect(captured?.Subject).toBe('From boto3');
  });

  it('when boto3 sends a bad enum or a missing member, then ClientError ValidationError names it', async () => {
    const out = await boto(
      [
        'try:',
        "    ses.set_identity_mail_from_domain(Identity='boto.example', MailFromDomain='m.boto.example', BehaviorOnMXFailure='Sometimes')",
        'except ClientError as e:',
        "    out['error'] = [e.response['Error']['Code'], e.response['Error']['Message']]",
      ].join('\n'),
    );
    expect(out.error).toEqual([
      'ValidationError',
      "1 validation error detected: Value 'Sometimes' at 'behaviorOnMXFailure' failed to satisfy constraint: Member must satisfy enum value set: [RejectMessage, UseDefaultValue]",
    ]);
  });
});
