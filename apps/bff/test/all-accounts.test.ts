import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { apiPaths, listAllAccountsIdentitiesResponseSchema } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, type Harness, startHarness, unique } from './support/harness.js';

const STAGING = '222222222222';
const SANDBOX = '333333333333';
const REGIONS = ['us-east-1', 'eu-west-1'];

/** GET /api/all-accounts/identities in emulator mode: the own account and two roles on the emulator's STS. */
describe('GET /api/all-accounts/identities (every account × Region)', () => {
  let h: Harness;
  const clients: SESv2Client[] = [];
  /** The emulator's SES v2 in `account` (its 12-digit key), for seeding. */
  const sesIn = (account: string, region: string) => {
    const client = new SESv2Client({
      region,
      endpoint: h.emulator.url,
      credentials: { accessKeyId: account, secretAccessKey: 'test' },
    });
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    h = await startHarness({
      regions: REGIONS,
      accounts: [
        { id: ACCOUNT_ID, name: 'production' },
        { id: STAGING, name: 'staging', roleArn: `arn:aws:iam::${STAGING}:role/ses-console` },
        {
          id: SANDBOX,
          name: 'sandbox',
          roleArn: `arn:aws:iam::${SANDBOX}:role/ses-console`,
          regions: ['us-east-1'],
        },
      ],
    });
  });
  afterEach(async () => {
    await fetch(`${h.emulator.url}/_emulator/faults`, { method: 'DELETE' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await h?.close();
  });

  it('when identities live in several accounts and Regions, then each row comes once with its account and Region, matching the contract', async () => {
    const marker = unique('allacct');
    await sesIn(ACCOUNT_ID, 'eu-west-1').send(
      new CreateEmailIdentityCommand({ EmailIdentity: `${marker}.com` }),
    );
    await sesIn(STAGING, 'us-east-1').send(
      new CreateEmailIdentityCommand({ EmailIdentity: `${marker}.com` }),
    );
    await sesIn(SANDBOX, 'us-east-1').send(
      new CreateEmailIdentityCommand({ EmailIdentity: `me@${marker}.com` }),
    );
    // Not offered in sandbox (its regions): never listed.
    await sesIn(SANDBOX, 'eu-west-1').send(
      new CreateEmailIdentityCommand({ EmailIdentity: `hidden.${marker}.com` }),
    );

    const res = await request(h.app).get(apiPaths.allAccountsIdentities).query({ name: marker });
    expect(res.status).toBe(200);
    const body = listAllAccountsIdentitiesResponseSchema.parse(res.body);
    expect(body, 'no field the contract does not know').toEqual(res.body);
    expect(body.identities.map((i) => `${i.account} ${i.region} ${i.name}`).sort()).toEqual(
      [
        `${ACCOUNT_ID} eu-west-1 ${marker}.com`,
        `${STAGING} us-east-1 ${marker}.com`,
        `${SANDBOX} us-east-1 me@${marker}.com`,
      ].sort(),
    );
    expect(body.loads).toEqual([
      { account: ACCOUNT_ID, region: 'us-east-1', outcome: 'loaded', count: 0 },
      { account: ACCOUNT_ID, region: 'eu-west-1', outcome: 'loaded', count: 1 },
      { account: STAGING, region: 'us-east-1', outcome: 'loaded', count: 1 },
      { account: STAGING, region: 'eu-west-1', outcome: 'loaded', count: 0 },
      { account: SANDBOX, region: 'us-east-1', outcome: 'loaded', count: 1 },
    ]);
  });

  it('when one Region fails, then each account reports it failed there and the other Regions still load', async () => {
    const marker = unique('allacctfail');
    await sesIn(STAGING, 'us-east-1').send(
      new CreateEmailIdentityCommand({ EmailIdentity: `${marker}.com` }),
    );
    await fetch(`${h.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [
          { service: 'sesv2', operation: 'ListEmailIdentities', region: 'eu-west-1', errorProbability: 1 },
        ],
      }),
    });
    const res = await request(h.app).get(apiPaths.allAccountsIdentities).query({ name: marker });
    expect(res.status).toBe(200);
    const body = listAllAccountsIdentitiesResponseSchema.parse(res.body);
    expect(body.identities.map((i) => `${i.account} ${i.region} ${i.name}`)).toEqual([
      `${STAGING} us-east-1 ${marker}.com`,
    ]);
    expect(body.loads.map((l) => `${l.account} ${l.region} ${l.outcome}`)).toEqual([
      `${ACCOUNT_ID} us-east-1 loaded`,
      `${ACCOUNT_ID} eu-west-1 failed`,
      `${STAGING} us-east-1 loaded`,
      `${STAGING} eu-west-1 failed`,
      `${SANDBOX} us-east-1 loaded`,
    ]);
    const failed = body.loads.find((l) => l.outcome === 'failed');
    expect(failed?.outcome === 'failed' && failed.error.code).toBe('ServiceUnavailable');
  });

  it('when a filter or the Region is not valid, then the answer is 400 naming the field', async () => {
    const badType = await request(h.app).get(apiPaths.allAccountsIdentities).query({ type: 'NOPE' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.fieldErrors[0].field).toBe('type');
    const badRegion = await request(h.app)
      .get(apiPaths.allAccountsIdentities)
      .query({ region: 'eu-central-1' });
    expect(badRegion.status).toBe(400);
    expect(badRegion.body.error.fieldErrors).toEqual([
      { field: 'region', message: 'Region eu-central-1 is not enabled in this console (REGIONS)' },
    ]);
  });
});
