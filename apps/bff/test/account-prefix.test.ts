import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import { accountApiPath, apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, type Harness, REGION, startHarness, unique, url } from './support/harness.js';

/** Two more accounts besides the emulator's own: their roles are assumed on the emulator's STS. */
const STAGING = '222222222222';
const UNKNOWN = '999999999999';

describe('account prefix without ACCOUNTS (one account)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('when meta is asked, then it lists no accounts and no default account', async () => {
    const res = await request(h.app).get(apiPaths.meta);
    expect(res.status).toBe(200);
    expect(res.body.accounts).toBeUndefined();
    expect(res.body.defaultAccount).toBeUndefined();
  });

  it('when a route is asked under an account prefix, then 404 AccountNotFound says the console serves one account', async () => {
    const res = await request(h.app).get(accountApiPath(ACCOUNT_ID, apiPaths.identities, { region: REGION }));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('AccountNotFound');
    expect(res.body.error.message).toContain(ACCOUNT_ID);
    expect(res.body.error.message).toContain('no ACCOUNTS');
  });
});

describe('account prefix with ACCOUNTS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      verificationMode: 'auto',
      accounts: [
        { id: ACCOUNT_ID, name: 'production' },
        {
          id: STAGING,
          name: 'staging',
          roleArn: `arn:aws:iam::${STAGING}:role/ses-console`,
          regions: ['eu-west-1'],
        },
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('when meta is asked, then it lists the accounts with their Regions and the first as default', async () => {
    const res = await request(h.app).get(apiPaths.meta);
    expect(res.status).toBe(200);
    expect(res.body.accounts).toEqual([
      { id: ACCOUNT_ID, name: 'production', regions: ['us-east-1', 'eu-west-1'] },
      { id: STAGING, name: 'staging', regions: ['eu-west-1'] },
    ]);
    expect(res.body.defaultAccount).toBe(ACCOUNT_ID);
  });

  it('when an identity is created without a prefix, then it lands in the default account and its prefixed list shows it', async () => {
    const domain = `${unique('prefix')}.example.com`;
    const created = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain });
    expect(created.status).toBe(201);
    // An independent view: the emulator's SES, signed as the default account.
    const seen = await h.ses().send(new ListEmailIdentitiesCommand({}));
    expect(seen.EmailIdentities?.map((i) => i.IdentityName)).toContain(domain);
    const listed = await request(h.app).get(
      `${accountApiPath(ACCOUNT_ID, apiPaths.identities, { region: REGION })}?name=${domain}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.identities.map((i: { name: string }) => i.name)).toEqual([domain]);
    const detail = await request(h.app).get(
      accountApiPath(ACCOUNT_ID, apiPaths.identity, { region: REGION, identity: domain }),
    );
    expect(detail.status).toBe(200);
    expect(detail.body.arn).toBe(`arn:aws:ses:${REGION}:${ACCOUNT_ID}:identity/${domain}`);
  });

  it('when the account is not configured, then 404 AccountNotFound names it', async () => {
    const res = await request(h.app).get(accountApiPath(UNKNOWN, apiPaths.identities, { region: REGION }));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'AccountNotFound' });
    expect(res.body.error.message).toContain(UNKNOWN);
    expect(res.body.error.message).toContain('ACCOUNTS');
  });

  it('when the account is not a 12-digit id, then 400 names the account field', async () => {
    const res = await request(h.app).get('/api/accounts/prod/regions/us-east-1/identities');
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field: 'account', message: 'account must be a 12-digit AWS account id' },
    ]);
  });

  it('when a route that acts in no account is asked under a prefix, then 404', async () => {
    for (const path of [apiPaths.meta, apiPaths.session, apiPaths.audit, apiPaths.allAccountsIdentities]) {
      const res = await request(h.app).get(`/api/accounts/${ACCOUNT_ID}${path.slice('/api'.length)}`);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('RouteNotFound');
    }
    const nested = await request(h.app).get(
      `/api/accounts/${ACCOUNT_ID}/accounts/${ACCOUNT_ID}/regions/us-east-1/identities`,
    );
    expect(nested.status).toBe(404);
  });

  it('when a Region is not offered in the account, then 400 names the region and the account', async () => {
    const res = await request(h.app).get(accountApiPath(STAGING, apiPaths.identities, { region: REGION }));
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field: 'region', message: `Region ${REGION} is not offered in account staging (${STAGING})` },
    ]);
  });

  it('when a change is refused under a prefix, then the audit entry keeps the path as sent', async () => {
    const path = accountApiPath(ACCOUNT_ID, apiPaths.identities, { region: REGION });
    const res = await request(h.app).post(path).send({ type: 'DOMAIN', name: 'bad name' });
    expect(res.status).toBe(400);
    const audit = await request(h.app).get(`${apiPaths.audit}?action=identity.create`);
    expect(audit.body.entries.map((e: { path: string }) => e.path)).toContain(path);
  });
});
