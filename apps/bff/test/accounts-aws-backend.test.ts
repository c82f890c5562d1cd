import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetEmailIdentityCommand, ListEmailIdentitiesCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { accountApiPath, apiPaths } from '@ses-console/contract';
import { type RunningEmulator, startEmulator } from '@ses-console/emulator';
import { EmulatorClient } from '@ses-console/emulator/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffProcess, bffEnvAgainstEmulator, startBffProcess } from './support/bff-process.js';
import { type ConsoleSession, openSessionAt } from './support/console-session.js';
import { unique } from './support/harness.js';

const PRODUCTION = '111111111111';
const STAGING = '222222222222';
const SANDBOX = '333333333333';
/** Its role exists, but wants another external id than the one configured: it cannot be assumed. */
const LOCKED = '444444444444';
const ACCOUNTS = [PRODUCTION, STAGING, SANDBOX];
const roleIn = (account: string) => `arn:aws:iam::${account}:role/ses-console`;
const REGIONS = ['us-east-1', 'eu-west-1'];

// biome-ignore lint/suspicious/noExplicitAny: the test reads arbitrary JSON answers
type Json = any;

/**
 * SES_BACKEND=aws with ACCOUNTS: three accounts reached through their roles, assumed with STS, on a
 * separately started emulator that the BFF reaches only through the AWS_ENDPOINT_URL_* variables (the
 * real-AWS code path). Every change is checked through the emulator with that account's own key (a
 * 12-digit access key id is the account): an independent view of where it landed.
 */
describe('SES_BACKEND=aws with ACCOUNTS: three roles assumed through STS', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let bff: BffProcess;
  let session: ConsoleSession;
  const sesOf = new Map<string, SESv2Client>();
  /** The emulator's SES v2 in `account`, signing with that account's 12-digit key (not the BFF's way in). */
  const sesIn = (account: string, region = 'us-east-1') => {
    const key = `${account}/${region}`;
    let client = sesOf.get(key);
    if (!client) {
      client = new SESv2Client({
        region,
        endpoint: emulator.url,
        credentials: { accessKeyId: account, secretAccessKey: 'test' },
      });
      sesOf.set(key, client);
    }
    return client;
  };

  async function call(
    method: string,
    apiPath: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${bff.url}${apiPath}`, {
      method,
      headers: { ...session.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      verificationMode: 'auto',
      // EMULATOR_ROLES: only these roles exist; the locked account's trust policy wants another external id.
      roles: [
        ...ACCOUNTS.map((account) => ({ arn: roleIn(account), externalId: `ext-${account}` })),
        { arn: roleIn(LOCKED), externalId: 'the-right-one' },
      ],
    });
    control = new EmulatorClient(emulator.url);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-accounts-home-'));
    bff = await startBffProcess(
      // The BFF reaches SES v2, SES v1, SNS, Route 53 and STS through AWS_ENDPOINT_URL_* only.
      bffEnvAgainstEmulator(emulator.url, home, {
        REGIONS: REGIONS.join(','),
        ACCOUNTS: JSON.stringify([
          ...ACCOUNTS.map((account, i) => ({
            id: account,
            name: ['production', 'staging', 'sandbox'][i],
            roleArn: roleIn(account),
            externalId: `ext-${account}`,
          })),
          { id: LOCKED, name: 'locked', roleArn: roleIn(LOCKED), externalId: 'a-wrong-one' },
        ]),
      }),
    );
    session = await openSessionAt(bff.url);
  }, 60_000);

  afterAll(async () => {
    await bff?.stop();
    for (const client of sesOf.values()) client.destroy();
    control?.close();
    await emulator?.close();
  });

  it('when meta is asked, then it lists the four accounts and the first as default', async () => {
    const meta = await call('GET', apiPaths.meta);
    expect(meta.status).toBe(200);
    expect(meta.body.accounts).toEqual([
      { id: PRODUCTION, name: 'production', regions: REGIONS },
      { id: STAGING, name: 'staging', regions: REGIONS },
      { id: SANDBOX, name: 'sandbox', regions: REGIONS },
      { id: LOCKED, name: 'locked', regions: REGIONS },
    ]);
    expect(meta.body.defaultAccount).toBe(PRODUCTION);
  });

  it('when an identity is created, listed, read, tagged and deleted in each account, then each step lands in that account only', async () => {
    const names = new Map(
      ACCOUNTS.map((account) => [account, `${unique(`acct${account.slice(0, 1)}`)}.example.com`]),
    );
    for (const account of ACCOUNTS) {
      const domain = names.get(account) as string;
      const at = (template: string, params: Record<string, string> = {}) =>
        accountApiPath(account, template, { region: 'us-east-1', ...params });
      const created = await call('POST', at(apiPaths.identities), { type: 'DOMAIN', name: domain });
      expect(created.status, account).toBe(201);
      const inAccount = await sesIn(account).send(new ListEmailIdentitiesCommand({}));
      expect(inAccount.EmailIdentities?.map((i) => i.IdentityName)).toContain(domain);

      const listed = await call('GET', at(apiPaths.identities));
      expect(listed.status).toBe(200);
      const listedNames = listed.body.identities.map((i: { name: string }) => i.name);
      expect(listedNames).toContain(domain);
      for (const other of ACCOUNTS.filter((a) => a !== account)) {
        expect(listedNames).not.toContain(names.get(other));
      }

      const detail = await call('GET', at(apiPaths.identity, { identity: domain }));
      expect(detail.status).toBe(200);
      expect(detail.body.arn).toBe(`arn:aws:ses:us-east-1:${account}:identity/${domain}`);

      const tagged = await call('PUT', at(apiPaths.tags, { identity: domain }), {
        tags: [{ key: 'account', value: account }],
      });
      expect(tagged.status).toBe(200);
      const read = await sesIn(account).send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
      expect(read.Tags).toEqual([{ Key: 'account', Value: account }]);
    }
    // Each account's identity exists in that account alone.
    for (const account of ACCOUNTS) {
      const seen = (await sesIn(account).send(new ListEmailIdentitiesCommand({}))).EmailIdentities?.map(
        (i) => i.IdentityName,
      );
      for (const [owner, name] of names) {
        if (owner === account) expect(seen).toContain(name);
        else expect(seen).not.toContain(name);
      }
    }
    for (const account of ACCOUNTS) {
      const domain = names.get(account) as string;
      const deleted = await call(
        'DELETE',
        accountApiPath(account, apiPaths.identity, { region: 'us-east-1', identity: domain }),
      );
      expect(deleted.status).toBe(204);
      const after = await sesIn(account).send(new ListEmailIdentitiesCommand({}));
      expect(after.EmailIdentities?.map((i) => i.IdentityName)).not.toContain(domain);
    }
  });

  it('when a route without the account prefix is called, then it acts in the default account', async () => {
    const domain = `${unique('default')}.example.com`;
    const created = await call(
      'POST',
      accountApiPath(undefined, apiPaths.identities, { region: 'us-east-1' }),
      {
        type: 'DOMAIN',
        name: domain,
      },
    );
    expect(created.status).toBe(201);
    const inProduction = await sesIn(PRODUCTION).send(new ListEmailIdentitiesCommand({}));
    expect(inProduction.EmailIdentities?.map((i) => i.IdentityName)).toContain(domain);
    const inStaging = await sesIn(STAGING).send(new ListEmailIdentitiesCommand({}));
    expect(inStaging.EmailIdentities?.map((i) => i.IdentityName)).not.toContain(domain);
  });

  it("when an account's role cannot be assumed, then its routes answer AccountUnavailable naming it and the role", async () => {
    const res = await call('GET', accountApiPath(LOCKED, apiPaths.identities, { region: 'us-east-1' }));
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('AccountUnavailable');
    expect(res.body.error.message).toContain(`locked (${LOCKED})`);
    expect(res.body.error.message).toContain(roleIn(LOCKED));
    expect(res.body.error.message).toContain('AccessDenied');
  });

  it('when All accounts × All regions is listed, then the three accounts list and the locked one is one warning', async () => {
    const seeded = new Map<string, string>();
    for (const [i, account] of ACCOUNTS.entries()) {
      const name = `${unique('all')}@example.com`;
      const region = REGIONS[i % 2] as string;
      const created = await call('POST', accountApiPath(account, apiPaths.identities, { region }), {
        type: 'EMAIL_ADDRESS',
        name,
      });
      expect(created.status).toBe(201);
      seeded.set(account, `${region}/${name}`);
    }
    const res = await call('GET', apiPaths.allAccountsIdentities);
    expect(res.status).toBe(200);
    const rows = res.body.identities.map(
      (i: { account: string; region: string; name: string }) => `${i.account}/${i.region}/${i.name}`,
    );
    for (const [account, where] of seeded) expect(rows).toContain(`${account}/${where}`);
    expect(res.body.loads.filter((l: { account: string }) => l.account === LOCKED)).toEqual([
      {
        account: LOCKED,
        region: null,
        outcome: 'failed',
        error: { code: 'AccountUnavailable', message: expect.stringContaining(roleIn(LOCKED)) },
      },
    ]);
    for (const account of ACCOUNTS) {
      expect(
        res.body.loads
          .filter((l: { account: string }) => l.account === account)
          .map((l: { region: string; outcome: string }) => `${l.region}:${l.outcome}`),
      ).toEqual(REGIONS.map((r) => `${r}:loaded`));
    }

    const oneRegion = await call('GET', `${apiPaths.allAccountsIdentities}?region=eu-west-1`);
    expect(oneRegion.status).toBe(200);
    expect(new Set(oneRegion.body.identities.map((i: { region: string }) => i.region))).toEqual(
      new Set(['eu-west-1']),
    );
    expect(oneRegion.body.identities.map((i: { account: string }) => i.account)).toContain(STAGING);
  });

  it("when the emulator clock passes the assumed credentials' expiry, then the BFF assumes the role again and the account still answers", async () => {
    const before = await call('GET', accountApiPath(STAGING, apiPaths.identities, { region: 'us-east-1' }));
    expect(before.status).toBe(200);
    await control.advanceClock(2 * 3600);
    const after = await call('GET', accountApiPath(STAGING, apiPaths.identities, { region: 'us-east-1' }));
    expect(after.status).toBe(200);
  });
});
