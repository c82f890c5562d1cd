import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type RunningEmulator, startEmulator } from '@ses-console/emulator';
import { EmulatorClient } from '@ses-console/emulator/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assumedRoleCredentials } from '../src/clients/assumed-role-credentials.js';
import { createAccountClients, createStsClient } from '../src/clients/aws-clients.js';
import { AccountUnavailableError } from '../src/errors/account-unavailable.js';
import { callAws } from '../src/errors/aws-error-map.js';

const STAGING = '222222222222';
const role = {
  accountId: STAGING,
  accountName: 'staging',
  roleArn: `arn:aws:iam::${STAGING}:role/ses-console`,
  sessionName: 'ses-console',
};

/** Credentials of one account's role, assumed on the emulator's STS (the BFF's clients, in emulator mode). */
describe('assumed-role credentials against the emulator STS', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let sts: STSClient;
  const options = () => ({ emulatorEndpoint: emulator.url, requestTimeoutMs: 5_000, maxAttempts: 1 });
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, verificationMode: 'auto' });
    control = new EmulatorClient(emulator.url);
    sts = createStsClient(options(), 'us-east-1');
  });
  afterEach(async () => {
    await control.clearRoles();
  });
  afterAll(async () => {
    sts?.destroy();
    control?.close();
    await emulator?.close();
  });

  it('when the credentials are asked twice, then one AssumeRole serves both; near their expiry they are assumed again', async () => {
    let now = Date.now();
    const credentials = assumedRoleCredentials(sts, role, { now: () => now });
    const [first, concurrent] = await Promise.all([credentials(), credentials()]);
    expect(first.accessKeyId).toMatch(/^ASIA/);
    expect(concurrent).toBe(first);
    expect(credentials.assumeCount).toBe(1);
    expect(await credentials()).toBe(first);
    // Independent view: STS itself says whose credentials these are.
    const caller = new STSClient({ region: 'us-east-1', endpoint: emulator.url, credentials: first });
    const identity = await caller.send(new GetCallerIdentityCommand({}));
    caller.destroy();
    expect(identity.Account).toBe(STAGING);
    expect(identity.Arn).toBe(`arn:aws:sts::${STAGING}:assumed-role/ses-console/ses-console`);

    // Four minutes before they expire (inside the five-minute window), the role is assumed again.
    now = (first.expiration as Date).getTime() - 4 * 60_000;
    const second = await credentials();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(credentials.assumeCount).toBe(2);
  });

  it("when the emulator clock passes the credentials' expiry, then the account's next SES call assumes the role again and succeeds", async () => {
    const { clients, credentials } = createAccountClients(options(), sts, role);
    await clients.ses('us-east-1').send(new ListEmailIdentitiesCommand({}));
    expect(credentials.assumeCount).toBe(1);
    const used = await credentials();
    await control.advanceClock(2 * 3600);
    // The old credentials are refused now (an independent check through a plain SDK client) …
    const stale = new STSClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: used,
      maxAttempts: 1,
    });
    await expect(stale.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'ExpiredToken',
    });
    stale.destroy();
    // … yet the account's clients answer, with fresh credentials.
    const out = await clients.ses('us-east-1').send(new ListEmailIdentitiesCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(credentials.assumeCount).toBe(2);
    expect((await credentials()).accessKeyId).not.toBe(used.accessKeyId);
    clients.destroy();
  });

  it('when the role cannot be assumed, then SES calls fail with AccountUnavailable naming the account and the role', async () => {
    await control.setRoles([{ arn: role.roleArn, externalId: 'the-right-one' }]);
    const { clients } = createAccountClients(options(), sts, { ...role, externalId: 'a-wrong-one' });
    const failure = await callAws(() =>
      clients.ses('us-east-1').send(new ListEmailIdentitiesCommand({})),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AccountUnavailableError);
    expect(failure).toMatchObject({ status: 502, code: 'AccountUnavailable' });
    expect((failure as Error).message).toBe(
      `Account staging (${STAGING}) is not available: the console could not assume its role ${role.roleArn} (STS answered AccessDenied). Check the role's trust policy and external id.`,
    );
    clients.destroy();
  });

  it('when STS cannot be reached, then the account is unavailable and the message says STS did not answer', async () => {
    // A loopback port nothing listens on: the connection is refused.
    const unreachable = createStsClient(
      { emulatorEndpoint: 'http://127.0.0.1:9', requestTimeoutMs: 2_000, maxAttempts: 1 },
      'us-east-1',
    );
    const credentials = assumedRoleCredentials(unreachable, role);
    const failure = await credentials().catch((error: unknown) => error);
    unreachable.destroy();
    expect(failure).toBeInstanceOf(AccountUnavailableError);
    expect((failure as Error).message).toContain(
      `could not assume its role ${role.roleArn} (STS did not answer)`,
    );
  });
});
