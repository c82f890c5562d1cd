import { ListEmailIdentitiesCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { accountApiPath, apiPaths } from '@ses-console/contract';
import { startEmulator } from '@ses-console/emulator';
import {
  encodeLabel,
  encodeLabelRaw,
  FUZZ_SEED,
  trickyString,
} from '@ses-console/emulator/testing/fuzz-inputs';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createAppFromConfig } from '../src/server.js';
import { asConsole, openSession } from './support/console-session.js';
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

  it('when All accounts is asked, then 404 says the console serves one account', async () => {
    const res = await request(h.app).get(apiPaths.allAccountsIdentities);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('AccountsNotConfigured');
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

  it('when the account segment is any text at all, then the answer is a 400 or 404 envelope, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          trickyString,
          fc.stringMatching(/^\d{10,14}$/),
          fc.constantFrom(ACCOUNT_ID, STAGING, UNKNOWN),
        ),
        fc.boolean(),
        async (segment, raw) => {
          const encoded = raw ? encodeLabelRaw(segment) : encodeLabel(segment);
          const path = `/api/accounts/${encoded}/regions/us-east-1/identities`;
          const res = await request(h.app).get(path);
          const what = `${path} -> ${res.status} ${res.text.slice(0, 200)}`;
          expect(res.status, what).toBeLessThan(500);
          if (segment === ACCOUNT_ID) expect(res.status, what).toBe(200);
          else expect([400, 404], what).toContain(res.status);
          if (res.status !== 200) expect(typeof res.body.error?.code, what).toBe('string');
        },
      ),
      { seed: FUZZ_SEED, numRuns: 200, endOnFailure: true },
    );
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

  /** The emulator's SES v2 in the staging account (its 12-digit key): an independent view. */
  const stagingSes = () =>
    new SESv2Client({
      region: 'eu-west-1',
      endpoint: h.emulator.url,
      credentials: { accessKeyId: STAGING, secretAccessKey: 'test' },
    });

  it("when an identity is created under a role account's prefix, then it lands in that account, assumed on the emulator's STS", async () => {
    const domain = `${unique('staging')}.example.com`;
    const created = await request(h.app)
      .post(accountApiPath(STAGING, apiPaths.identities, { region: 'eu-west-1' }))
      .send({ type: 'DOMAIN', name: domain });
    expect(created.status).toBe(201);
    const ses = stagingSes();
    const inStaging = await ses.send(new ListEmailIdentitiesCommand({}));
    ses.destroy();
    expect(inStaging.EmailIdentities?.map((i) => i.IdentityName)).toContain(domain);
    const inDefault = await h.ses('eu-west-1').send(new ListEmailIdentitiesCommand({}));
    expect(inDefault.EmailIdentities?.map((i) => i.IdentityName)).not.toContain(domain);
    const detail = await request(h.app).get(
      accountApiPath(STAGING, apiPaths.identity, { region: 'eu-west-1', identity: domain }),
    );
    expect(detail.body.arn).toBe(`arn:aws:ses:eu-west-1:${STAGING}:identity/${domain}`);
  });

  it('when All accounts is listed, then each row has its account and Region, one load per account × offered Region', async () => {
    const mine = `${unique('both')}@example.com`;
    expect(
      (
        await request(h.app)
          .post(url(apiPaths.identities, { region: REGION }))
          .send({ type: 'EMAIL_ADDRESS', name: mine })
      ).status,
    ).toBe(201);
    expect(
      (
        await request(h.app)
          .post(accountApiPath(STAGING, apiPaths.identities, { region: 'eu-west-1' }))
          .send({ type: 'EMAIL_ADDRESS', name: mine })
      ).status,
    ).toBe(201);
    const res = await request(h.app).get(
      `${apiPaths.allAccountsIdentities}?name=${encodeURIComponent(mine)}`,
    );
    expect(res.status).toBe(200);
    expect(
      res.body.identities.map((i: { account: string; region: string }) => `${i.account}/${i.region}`).sort(),
    ).toEqual([`${ACCOUNT_ID}/${REGION}`, `${STAGING}/eu-west-1`].sort());
    expect(
      res.body.loads.map((l: { account: string; region: string }) => `${l.account}/${l.region}`),
    ).toEqual([`${ACCOUNT_ID}/us-east-1`, `${ACCOUNT_ID}/eu-west-1`, `${STAGING}/eu-west-1`]);
    const bad = await request(h.app).get(`${apiPaths.allAccountsIdentities}?region=ap-south-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors[0].field).toBe('region');
  });

  it("when production access is granted under an account's prefix, then only that account's sandbox changes", async () => {
    const granted = await request(h.app)
      .post(accountApiPath(STAGING, apiPaths.emulatorAccount))
      .send({ region: 'eu-west-1', productionAccess: true });
    expect(granted.status).toBe(200);
    expect(granted.body.productionAccessEnabled).toBe(true);
    const staging = await request(h.app).get(
      accountApiPath(STAGING, apiPaths.account, { region: 'eu-west-1' }),
    );
    expect(staging.body.productionAccessEnabled).toBe(true);
    const own = await request(h.app).get(url(apiPaths.account, { region: 'eu-west-1' }));
    expect(own.body.productionAccessEnabled).toBe(false);
  });
});

describe('ACCOUNTS from the environment, embedded emulator (createAppFromConfig)', () => {
  it("when the configuration names a role account, then its routes act there through the emulator's STS and the own entry stays the emulator's account", async () => {
    const emulator = await startEmulator({ port: 0, verificationMode: 'auto' });
    const config = loadConfig(
      {
        REGIONS: 'us-east-1',
        ACCOUNTS: JSON.stringify([
          { id: ACCOUNT_ID, name: 'emulator' },
          {
            id: STAGING,
            name: 'staging',
            roleArn: `arn:aws:iam::${STAGING}:role/console`,
            sessionName: 'it',
          },
        ]),
      },
      '/tmp/no-console',
    );
    const { app: raw, clients } = createAppFromConfig(config, { emulatorUrl: emulator.url });
    try {
      const app = asConsole(raw, await openSession(raw));
      const meta = await request(app).get(apiPaths.meta);
      expect(meta.body.defaultAccount).toBe(ACCOUNT_ID);
      const name = `${unique('env')}@example.com`;
      const created = await request(app)
        .post(accountApiPath(STAGING, apiPaths.identities, { region: REGION }))
        .send({ type: 'EMAIL_ADDRESS', name });
      expect(created.status).toBe(201);
      const ses = new SESv2Client({
        region: REGION,
        endpoint: emulator.url,
        credentials: { accessKeyId: STAGING, secretAccessKey: 'test' },
      });
      const seen = await ses.send(new ListEmailIdentitiesCommand({}));
      ses.destroy();
      expect(seen.EmailIdentities?.map((i) => i.IdentityName)).toContain(name);
      const own = await request(app).get(
        `${url(apiPaths.identities, { region: REGION })}?name=${encodeURIComponent(name)}`,
      );
      expect(own.body.identities).toEqual([]);
    } finally {
      clients.destroy();
      await emulator.close();
    }
  });
});
