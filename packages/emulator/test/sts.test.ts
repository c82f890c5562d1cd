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
import { advanceClock, failure, postForm, startTestEmulator } from './helpers.js';

/** Credentials as the SDK clients take them: a static key, or the temporary ones AssumeRole issued. */
type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const staticKey = (accessKeyId: string): Keys => ({ accessKeyId, secretAccessKey: 'test' });
const temporary = (c: Credentials | undefined): Keys => ({
  accessKeyId: c?.AccessKeyId ?? '',
  secretAccessKey: c?.SecretAccessKey ?? '',
  sessionToken: c?.SessionToken,
});

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
});
