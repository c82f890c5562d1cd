import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateHostedZoneCommand, ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import { ListIdentitiesCommand, SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { CreateEmailIdentityCommand, ListEmailIdentitiesCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  AssumeRoleCommand,
  type Credentials,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorClient, EmulatorControlError } from '../src/client/index.js';
import type { RunningEmulator } from '../src/index.js';
import { parseCredentials } from '../src/protocol/sigv4.js';
import { advanceClock, failure, postForm, startTestEmulator } from './helpers.js';

/** Credentials as the SDK clients take them: a static key, or the temporary ones AssumeRole issued. */
type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const staticKey = (accessKeyId: string): Keys => ({ accessKeyId, secretAccessKey: 'test' });
const temporary = (c: Credentials | undefined): Keys => ({
  accessKeyId: c?.AccessKeyId ?? '',
  secretAccessKey: c?.SecretAccessKey ?? '',
  sessionToken: c?.SessionToken,
});

const run = promisify(execFile);
const PRODUCTION = '111122223333';
const STAGING = '444455556666';
const roleIn = (account: string, name = 'ConsoleRole') => `arn:aws:iam::${account}:role/${name}`;

describe('STS AssumeRole and temporary credentials (real SDK clients)', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    control = new EmulatorClient(emulator.url);
  });
  afterAll(async () => {
    control.close();
    await emulator.close();
  });
  afterEach(() => control.clearRoles());

  const config = (credentials: Keys, region = 'us-east-1') => ({
    region,
    endpoint: emulator.url,
    credentials,
    maxAttempts: 1,
  });
  const sts = (credentials: Keys = staticKey('test')) => new STSClient(config(credentials));
  const assume = (input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]> = {}, caller?: Keys) =>
    sts(caller).send(
      new AssumeRoleCommand({ RoleArn: roleIn(PRODUCTION), RoleSessionName: 'ses-console', ...input }),
    );

  it('when a role is assumed, then the answer has ASIA credentials expiring in an hour on the emulator clock and the assumed-role user', async () => {
    const before = Date.parse((await control.clock()).now);
    const out = await assume({ RoleArn: roleIn(PRODUCTION, 'team/ConsoleRole') });
    const after = Date.parse((await control.clock()).now);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials?.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(out.Credentials?.SessionToken?.length).toBeGreaterThan(100);
    const expires = out.Credentials?.Expiration?.getTime() ?? 0;
    expect(expires).toBeGreaterThanOrEqual(before + 3600_000);
    expect(expires).toBeLessThanOrEqual(after + 3600_000);
    // The path is not part of the assumed-role ARN; the role id is stable per role.
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PRODUCTION}:assumed-role/ConsoleRole/ses-console`);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:ses-console$/);
    const again = await assume({ RoleArn: roleIn(PRODUCTION, 'team/ConsoleRole'), RoleSessionName: 'other' });
    expect(again.AssumedRoleUser?.AssumedRoleId?.split(':')[0]).toBe(
      out.AssumedRoleUser?.AssumedRoleId?.split(':')[0],
    );
    expect(again.Credentials?.AccessKeyId).not.toBe(out.Credentials?.AccessKeyId);
    expect(out.PackedPolicySize).toBeUndefined();
  });

  it('when SES v2 is called with the temporary credentials, then the identity lands in the role’s account and no other', async () => {
    const { Credentials: creds } = await assume();
    const sesAs = (keys: Keys) => new SESv2Client(config(keys, 'eu-west-1'));
    await sesAs(temporary(creds)).send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'prod-only.example' }),
    );
    const names = async (keys: Keys) =>
      ((await sesAs(keys).send(new ListEmailIdentitiesCommand({}))).EmailIdentities ?? []).map(
        (i) => i.IdentityName,
      );
    expect(await names(staticKey(PRODUCTION))).toContain('prod-only.example');
    expect(await names(staticKey(STAGING))).not.toContain('prod-only.example');
    expect(await names(staticKey('test'))).not.toContain('prod-only.example');
    expect(await names(temporary(creds))).toContain('prod-only.example');
  });

  it('when SES v1, SNS and Route 53 are called with the temporary credentials, then each acts in the role’s account', async () => {
    const { Credentials: creds } = await assume({ RoleArn: roleIn(STAGING) });
    const keys = temporary(creds);
    await new SESClient(config(keys)).send(
      new VerifyEmailIdentityCommand({ EmailAddress: 'v1@staging.example' }),
    );
    const v1Names = async (k: Keys) =>
      (await new SESClient(config(k)).send(new ListIdentitiesCommand({}))).Identities ?? [];
    expect(await v1Names(staticKey(STAGING))).toContain('v1@staging.example');
    expect(await v1Names(staticKey(PRODUCTION))).not.toContain('v1@staging.example');

    const topic = await new SNSClient(config(keys, 'eu-west-3')).send(
      new CreateTopicCommand({ Name: 'feedback' }),
    );
    expect(topic.TopicArn).toBe(`arn:aws:sns:eu-west-3:${STAGING}:feedback`);

    await new Route53Client(config(keys)).send(
      new CreateHostedZoneCommand({ Name: 'staging-zone.example', CallerReference: 'sts-1' }),
    );
    const zones = async (k: Keys) =>
      ((await new Route53Client(config(k)).send(new ListHostedZonesCommand({}))).HostedZones ?? []).map(
        (z) => z.Name,
      );
    expect(await zones(staticKey(STAGING))).toContain('staging-zone.example.');
    expect(await zones(staticKey(PRODUCTION))).not.toContain('staging-zone.example.');
  });

  it('when GetCallerIdentity is called, then a 12-digit key is its account’s root and assumed credentials are the assumed role', async () => {
    const root = await sts(staticKey(PRODUCTION)).send(new GetCallerIdentityCommand({}));
    expect({ Account: root.Account, Arn: root.Arn, UserId: root.UserId }).toEqual({
      Account: PRODUCTION,
      Arn: `arn:aws:iam::${PRODUCTION}:root`,
      UserId: PRODUCTION,
    });
    const other = await sts(staticKey('test')).send(new GetCallerIdentityCommand({}));
    expect(other.Account).toBe('000000000000');
    const { Credentials: creds, AssumedRoleUser } = await assume({ RoleSessionName: 'alice@example.com' });
    const assumed = await sts(temporary(creds)).send(new GetCallerIdentityCommand({}));
    expect(assumed.Account).toBe(PRODUCTION);
    expect(assumed.Arn).toBe(`arn:aws:sts::${PRODUCTION}:assumed-role/ConsoleRole/alice@example.com`);
    expect(assumed.UserId).toBe(AssumedRoleUser?.AssumedRoleId);
  });

  it('when the emulator clock passes the expiry, then every service refuses the credentials as expired (403), in its own protocol', async () => {
    const { Credentials: creds } = await assume({ DurationSeconds: 900 });
    const keys = temporary(creds);
    await advanceClock(emulator, 899);
    expect((await sts(keys).send(new GetCallerIdentityCommand({}))).Account).toBe(PRODUCTION);
    await advanceClock(emulator, 1);
    const v2 = await failure(new SESv2Client(config(keys)).send(new ListEmailIdentitiesCommand({})));
    expect(v2).toEqual({
      name: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      status: 403,
    });
    for (const call of [
      () => sts(keys).send(new GetCallerIdentityCommand({})),
      () => new SESClient(config(keys)).send(new ListIdentitiesCommand({})),
      () => new SNSClient(config(keys)).send(new CreateTopicCommand({ Name: 'late' })),
      () => new Route53Client(config(keys)).send(new ListHostedZonesCommand({})),
    ]) {
      expect(await failure(call())).toEqual({
        name: 'ExpiredToken',
        message: 'The security token included in the request is expired',
        status: 403,
      });
    }
  });

  it('when the session token is not the issued one, missing, or an ASIA key was never issued, then the token is invalid (403)', async () => {
    const { Credentials: creds } = await assume();
    const wrongToken = { ...temporary(creds), sessionToken: `${creds?.SessionToken}x` };
    expect(
      await failure(new SESv2Client(config(wrongToken)).send(new ListEmailIdentitiesCommand({}))),
    ).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
    const noToken = { ...temporary(creds), sessionToken: undefined };
    expect(await failure(sts(noToken).send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'InvalidClientTokenId',
      status: 403,
    });
    const neverIssued = {
      accessKeyId: 'ASIAAAAAAAAAAAAAAAAA',
      secretAccessKey: 'x',
      sessionToken: 'made-up',
    };
    expect(await failure(sts(neverIssued).send(new GetCallerIdentityCommand({})))).toEqual({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
    // A static key that merely looks temporary, without a token, keeps the default account (as before).
    const lookalike = await sts(staticKey('ASIAAAAAAAAAAAAAAAAA')).send(new GetCallerIdentityCommand({}));
    expect(lookalike.Account).toBe('000000000000');
  });

  it('when credentials expired more than a week ago and new ones are issued, then the old key is forgotten and refused as never issued', async () => {
    const old = temporary((await assume({ DurationSeconds: 900 })).Credentials);
    await advanceClock(emulator, 900 + 7 * 24 * 3600 - 60);
    await assume();
    expect((await failure(sts(old).send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken');
    await advanceClock(emulator, 120);
    await assume();
    expect(await failure(sts(old).send(new GetCallerIdentityCommand({})))).toEqual({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
  });

  it('when AssumeRole breaks a model constraint, then ValidationError names every member and rule as AWS words it', async () => {
    expect(await failure(assume({ RoleSessionName: 'Session1:2' }))).toEqual({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      status: 400,
    });
    const two = await failure(assume({ RoleSessionName: 'x', DurationSeconds: 899 }));
    expect(two.message).toBe(
      "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect((await failure(assume({ DurationSeconds: 43201 }))).message).toBe(
      "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    expect((await failure(assume({ RoleSessionName: 's'.repeat(65) }))).message).toMatch(
      /at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64$/,
    );
    const missing = await postForm(
      emulator,
      'Action=AssumeRole&Version=2011-06-15&RoleSessionName=ok',
      'sts',
    );
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain(
      "<Message>1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null</Message>",
    );
  });

  it('when the role ARN is malformed, then ValidationError says it is invalid', async () => {
    for (const arn of [
      'nothing-valid-in-here',
      'arn:aws:iam::123:role/short-account',
      roleIn(PRODUCTION).replace(':role/', ':user/'),
    ]) {
      expect(await failure(assume({ RoleArn: arn }))).toEqual({
        name: 'ValidationError',
        message: `${arn} is invalid`,
        status: 400,
      });
    }
  });

  it('when DurationSeconds exceeds the role’s maximum session (default 3600), then ValidationError in AWS’s words', async () => {
    expect(await failure(assume({ DurationSeconds: 3601 }))).toEqual({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      status: 400,
    });
    await control.setRoles([{ arn: roleIn(PRODUCTION), maxSessionDuration: 7200 }]);
    const longer = await assume({ DurationSeconds: 7200 });
    const now = Date.parse((await control.clock()).now);
    expect((longer.Credentials?.Expiration?.getTime() ?? 0) - now).toBeGreaterThan(7100_000);
  });

  it('when assumed credentials assume another role for over an hour, then role chaining’s limit refuses it', async () => {
    await control.setRoles([
      { arn: roleIn(PRODUCTION), maxSessionDuration: 43200 },
      { arn: roleIn(STAGING), maxSessionDuration: 43200 },
    ]);
    const first = temporary((await assume()).Credentials);
    expect(await failure(assume({ RoleArn: roleIn(STAGING), DurationSeconds: 3601 }, first))).toEqual({
      name: 'ValidationError',
      message:
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      status: 400,
    });
    const chained = await assume({ RoleArn: roleIn(STAGING), RoleSessionName: 'chained' }, first);
    const who = await sts(temporary(chained.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:sts::${STAGING}:assumed-role/ConsoleRole/chained`);
  });

  it('when roles are restricted, then an unlisted role and a wrong or missing external id are AccessDenied naming the caller and the role', async () => {
    await control.setRoles([{ arn: roleIn(PRODUCTION), externalId: 'ses-console-prod' }]);
    const denied = (roleArn: string, caller = `arn:aws:iam::${STAGING}:root`) => ({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      status: 403,
    });
    const asStaging = staticKey(STAGING);
    expect(await failure(assume({ RoleArn: roleIn(STAGING) }, asStaging))).toEqual(denied(roleIn(STAGING)));
    expect(await failure(assume({}, asStaging))).toEqual(denied(roleIn(PRODUCTION)));
    expect(await failure(assume({ ExternalId: 'ses-console-staging' }, asStaging))).toEqual(
      denied(roleIn(PRODUCTION)),
    );
    const ok = await assume({ ExternalId: 'ses-console-prod' }, asStaging);
    expect(ok.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PRODUCTION}:assumed-role/ConsoleRole/ses-console`);
    // An assumed role calling is named by its assumed-role ARN.
    const asAssumed = temporary(ok.Credentials);
    expect(await failure(assume({ RoleArn: roleIn(STAGING) }, asAssumed))).toEqual(
      denied(roleIn(STAGING), ok.AssumedRoleUser?.Arn),
    );
    // Lifting the restriction: any well-formed role again, external id or not.
    await control.clearRoles();
    expect((await assume({ RoleArn: roleIn(STAGING) })).AssumedRoleUser?.Arn).toContain(STAGING);
  });

  it('when /_emulator/roles is read and set through the typed client, then bad entries are a 400 naming the entry and change nothing', async () => {
    expect(await control.roles()).toEqual({ restricted: false, roles: [] });
    const set = await control.setRoles([
      { arn: roleIn(PRODUCTION), externalId: 'abc', maxSessionDuration: 7200 },
    ]);
    expect(set).toEqual({
      restricted: true,
      roles: [{ arn: roleIn(PRODUCTION), externalId: 'abc', maxSessionDuration: 7200 }],
    });
    const refusal = async (roles: unknown) => {
      const error = await control.setRoles(roles as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmulatorControlError);
      expect((error as EmulatorControlError).status).toBe(400);
      return ((error as EmulatorControlError).body as { message: string }).message;
    };
    expect(await refusal([{ arn: roleIn(STAGING) }, { arn: 'arn:aws:iam::1:role/x' }])).toBe(
      'roles entry 2 (arn:aws:iam::1:role/x): arn must be an IAM role ARN like arn:aws:iam::123456789012:role/ConsoleRole',
    );
    expect(await refusal([{ arn: roleIn(STAGING), maxSessionDuration: 100 }])).toBe(
      `roles entry 1 (${roleIn(STAGING)}): maxSessionDuration must be a whole number of seconds from 3600 to 43200`,
    );
    expect(await refusal([{ arn: roleIn(STAGING), externalId: 'a' }])).toMatch(
      /^roles entry 1 .*: externalId must be 2–1224/,
    );
    expect(await refusal('not a list')).toMatch(/^roles must be a JSON list/);
    expect(await control.roles()).toEqual(set);
  });

  it('when GetSessionToken is called, then the credentials act in the caller’s own account (root held to an hour) and session credentials may not call it', async () => {
    const out = await sts(staticKey(STAGING)).send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
    const now = Date.parse((await control.clock()).now);
    const lifetime = (out.Credentials?.Expiration?.getTime() ?? 0) - now;
    expect(lifetime).toBeLessThanOrEqual(3600_000);
    expect(lifetime).toBeGreaterThan(3500_000);
    const who = await sts(temporary(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: STAGING, Arn: `arn:aws:iam::${STAGING}:root` });
    expect(await failure(sts(temporary(out.Credentials)).send(new GetSessionTokenCommand({})))).toEqual({
      name: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
      status: 403,
    });
  });

  it('when GetAccessKeyInfo is asked about an issued key, then it names the role’s account; a too-short key id is a ValidationError', async () => {
    const { Credentials: creds } = await assume({ RoleArn: roleIn(STAGING) });
    const info = await sts().send(new GetAccessKeyInfoCommand({ AccessKeyId: creds?.AccessKeyId }));
    expect(info.Account).toBe(STAGING);
    expect(
      (await sts().send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }))).Account,
    ).toBe('000000000000');
    expect(
      (await failure(sts().send(new GetAccessKeyInfoCommand({ AccessKeyId: PRODUCTION })))).message,
    ).toBe(
      `1 validation error detected: Value '${PRODUCTION}' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16`,
    );
  });

  it('when session policies and tags are passed, then they are validated, PackedPolicySize is reported, and a policy that is not JSON is refused', async () => {
    const out = await assume({
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'ses:*', Resource: '*' }],
      }),
      Tags: [{ Key: 'team', Value: 'mail' }],
      TransitiveTagKeys: ['team'],
      SourceIdentity: 'alice',
    });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.PackedPolicySize).toBeLessThanOrEqual(100);
    expect(out.SourceIdentity).toBe('alice');
    // The wire code is MalformedPolicyDocument; the SDK raises its modeled class for it.
    expect(await failure(assume({ Policy: '{not json' }))).toEqual({
      name: 'MalformedPolicyDocumentException',
      message: 'Syntax errors in policy.',
      status: 400,
    });
    expect(await failure(assume({ Tags: [{ Key: 'a', Value: '1' }], TransitiveTagKeys: ['b'] }))).toEqual({
      name: 'InvalidParameterValue',
      message: 'The specified transitive tag key must be included in the requested tags.',
      status: 400,
    });
    const large = await failure(assume({ Policy: JSON.stringify({ Statement: 'x'.repeat(3000) }) }));
    expect(large.name).toBe('PackedPolicyTooLargeException');
    expect(large.message).toMatch(
      /^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/,
    );
  });
});

describe('STS temporary credentials across a restart', () => {
  it('when the emulator restarts on the same data directory, then issued credentials still act in the role’s account', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sts-persist-'));
    try {
      let emulator = await startTestEmulator({ dataDir });
      const config = (credentials: Keys) => ({
        region: 'us-east-1',
        endpoint: emulator.url,
        credentials,
        maxAttempts: 1,
      });
      const out = await new STSClient(config(staticKey('test'))).send(
        new AssumeRoleCommand({ RoleArn: roleIn(STAGING), RoleSessionName: 'restart' }),
      );
      await emulator.close();
      emulator = await startTestEmulator({ dataDir });
      try {
        const who = await new STSClient(config(temporary(out.Credentials))).send(
          new GetCallerIdentityCommand({}),
        );
        expect(who.Arn).toBe(`arn:aws:sts::${STAGING}:assumed-role/ConsoleRole/restart`);
      } finally {
        await emulator.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('STS temporary credentials with EMULATOR_AUTH=sigv4', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({
      auth: { mode: 'sigv4', credentials: parseCredentials('AKIDBFF:bff-secret:999988887777') },
    });
  });
  afterAll(() => emulator.close());
  const config = (credentials: Keys) => ({
    region: 'eu-west-1',
    endpoint: emulator.url,
    credentials,
    maxAttempts: 1,
  });
  const bff = { accessKeyId: 'AKIDBFF', secretAccessKey: 'bff-secret' };

  it('when temporary credentials sign with the issued secret and token, then SES and STS serve them in the role’s account', async () => {
    const out = await new STSClient(config(bff)).send(
      new AssumeRoleCommand({ RoleArn: roleIn(PRODUCTION), RoleSessionName: 'signed' }),
    );
    const keys = temporary(out.Credentials);
    await new SESv2Client(config(keys)).send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'signed.example' }),
    );
    const who = await new STSClient(config(keys)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:sts::${PRODUCTION}:assumed-role/ConsoleRole/signed`);
    const caller = await new STSClient(config(bff)).send(new GetCallerIdentityCommand({}));
    expect(caller.Account).toBe('999988887777');
  });

  it('when boto3 assumes a role and signs SES v2 calls with the temporary credentials, then botocore’s signature verifies and a forged token is refused', async () => {
    const script = [
      'import json, boto3, botocore',
      'def make(name, key, secret, token=None):',
      `    return boto3.client(name, region_name="eu-west-1", endpoint_url=${JSON.stringify(emulator.url)},`,
      '        aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token,',
      '        config=botocore.config.Config(retries={"max_attempts": 1}))',
      'def error_of(call):',
      '    try:',
      '        call()',
      '        return None',
      '    except botocore.exceptions.ClientError as e:',
      '        return [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]',
      `c = make("sts", "AKIDBFF", "bff-secret").assume_role(RoleArn=${JSON.stringify(roleIn(STAGING))}, RoleSessionName="boto3")["Credentials"]`,
      'ses = make("sesv2", c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"])',
      'ses.create_email_identity(EmailIdentity="boto3.signed.example")',
      'forged = make("sesv2", c["AccessKeyId"], c["SecretAccessKey"], "forged")',
      'print(json.dumps({"names": [i["IdentityName"] for i in ses.list_email_identities()["EmailIdentities"]],',
      '  "forged": error_of(lambda: forged.list_email_identities())}))',
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script], {
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_PROXY: '*' },
    });
    expect(JSON.parse(stdout)).toEqual({
      names: ['boto3.signed.example'],
      forged: ['UnrecognizedClientException', 403],
    });
  });

  it('when temporary credentials come with a wrong token or a wrong secret, then they are refused', async () => {
    const out = await new STSClient(config(bff)).send(
      new AssumeRoleCommand({ RoleArn: roleIn(PRODUCTION), RoleSessionName: 'signed' }),
    );
    const keys = temporary(out.Credentials);
    expect(
      await failure(
        new SESv2Client(config({ ...keys, sessionToken: 'forged' })).send(new ListEmailIdentitiesCommand({})),
      ),
    ).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
    const wrongSecret = await failure(
      new SESv2Client(config({ ...keys, secretAccessKey: 'guess' })).send(new ListEmailIdentitiesCommand({})),
    );
    expect(wrongSecret.name).toBe('InvalidSignatureException');
    expect(wrongSecret.status).toBe(403);
    expect(
      await failure(
        new STSClient(config({ ...bff, secretAccessKey: 'guess' })).send(new GetCallerIdentityCommand({})),
      ),
    ).toMatchObject({
      name: 'SignatureDoesNotMatch',
      status: 403,
    });
  });
});
