import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import { accountApiPath, apiPaths } from '@ses-console/contract';
import { type RunningEmulator, startEmulator } from '@ses-console/emulator';
import { EmulatorClient } from '@ses-console/emulator/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, type DemoPlan, demoAccountPlans, demoPlan } from '../src/demo-catalog.js';
import { type DemoServer, startDemoServer } from '../src/demo-server.js';
import { type SeedDemoAccountsResult, seedDemoAccount, seedDemoAccounts } from '../src/seed-demo-account.js';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Every Region any demo account uses. */
const ALL_DEMO_REGIONS = [...new Set(DEMO_ACCOUNTS.flatMap((account) => account.regions))];

/** What SES lists in one account and Region, as `name → status`, asked with that account's key. */
async function listed(
  api: EmulatorClient,
  region: string,
  accountId: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let NextToken: string | undefined;
  do {
    const page = await api
      .ses(region, accountId)
      .send(new ListEmailIdentitiesCommand({ PageSize: 1000, NextToken }));
    for (const identity of page.EmailIdentities ?? []) {
      out[identity.IdentityName as string] = identity.VerificationStatus as string;
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

function planned(plan: DemoPlan, region: string): Record<string, string> {
  return Object.fromEntries(
    plan.identities.filter((x) => x.region === region).map((x) => [x.name, x.status]),
  );
}

describe('the three demo accounts', () => {
  let emulator: RunningEmulator;
  let dataDir: string;
  let api: EmulatorClient;
  let seeded: SeedDemoAccountsResult;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-kit-accounts-'));
    emulator = await startEmulator({ port: 0, dataDir });
    api = new EmulatorClient(emulator.url);
    seeded = await seedDemoAccounts({ emulatorUrl: emulator.url, size: 'small' });
  });

  afterAll(async () => {
    api?.close();
    await emulator?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the demo accounts are seeded, then each account lists exactly its own identities with the planned statuses, in its own Regions only', async () => {
    expect(seeded.accounts.map((a) => a.accountId)).toEqual(DEMO_ACCOUNTS.map((a) => a.id));
    for (const { plan } of seeded.accounts) {
      for (const region of ALL_DEMO_REGIONS) {
        const expected = plan.regions.includes(region) ? planned(plan, region) : {};
        expect(await listed(api, region, plan.account.id), `${plan.account.name} in ${region}`).toEqual(
          expected,
        );
      }
    }
  });

  it('when the demo accounts are seeded, then every account has all five statuses in each of its Regions', async () => {
    for (const { plan } of seeded.accounts) {
      for (const region of plan.regions) {
        const statuses = new Set(Object.values(await listed(api, region, plan.account.id)));
        expect([...statuses].sort(), `${plan.account.name} in ${region}`).toEqual(
          ['FAILED', 'NOT_STARTED', 'PENDING', 'SUCCESS', 'TEMPORARY_FAILURE'].sort(),
        );
      }
    }
  });

  it("when the demo accounts are seeded, then the emulator's default account holds none of them", async () => {
    for (const region of ALL_DEMO_REGIONS) {
      const out = await api.ses(region).send(new ListEmailIdentitiesCommand({ PageSize: 1 }));
      expect(out.EmailIdentities ?? [], region).toEqual([]);
    }
  });

  it('when the demo is seeded again into the same emulator, then it refuses, naming the account and Region', async () => {
    await expect(seedDemoAccounts({ emulatorUrl: emulator.url, size: 'small' })).rejects.toThrow(
      `the emulator already has identities in account ${DEMO_ACCOUNTS[0]?.id}, us-east-1`,
    );
  });
});

describe('the one-account demo', () => {
  it("when the default demo account is seeded without an account, then the emulator's default account lists the production plan", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-kit-one-'));
    const emulator = await startEmulator({ port: 0, dataDir });
    const api = new EmulatorClient(emulator.url);
    try {
      const result = await seedDemoAccount({ emulatorUrl: emulator.url, size: 'small' });
      expect(result.accountId).toBeUndefined();
      for (const region of result.plan.regions) {
        expect(await listed(api, region, '000000000000'), region).toEqual(planned(demoPlan('small'), region));
      }
    } finally {
      api.close();
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the demo catalog', () => {
  it('when the accounts are planned twice, then the names are the same, and no identity or hosted zone is in two accounts', () => {
    const first = demoAccountPlans('full');
    expect(demoAccountPlans('full')).toEqual(first);
    const names = first.flatMap((plan) => plan.identities.map((x) => x.name));
    expect(new Set(names).size).toBe(names.length);
    const zones = first.flatMap((plan) => plan.zones);
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('when the accounts are planned, then production is the default demo account and the three ids differ', () => {
    const [production] = demoAccountPlans('small');
    expect(production).toEqual(demoPlan('small'));
    expect(production?.account.name).toBe('production');
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.id)).size).toBe(3);
    for (const account of DEMO_ACCOUNTS) {
      expect(account.id).toMatch(/^\d{12}$/);
      // The console must offer every Region an account holds identities in.
      for (const region of account.regions) expect(account.offeredRegions ?? [region]).toContain(region);
    }
  });
});

/** A port the OS just handed out (then released), for the demo server's fixed-port options. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Row {
  name: string;
  status: string;
  region: string;
  account?: string;
}

const rowsOf = (rows: Row[]) => rows.map((r) => `${r.region} ${r.name} ${r.status}`).sort();
const plannedRows = (plan: DemoPlan) =>
  plan.identities.map((x) => `${x.region} ${x.name} ${x.status}`).sort();

describe('the demo console (ACCOUNTS with a role per account, assumed on the embedded emulator’s STS)', () => {
  let server: DemoServer;
  let dataDir: string;
  let plans: DemoPlan[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-kit-console-'));
    server = await startDemoServer({
      port: await freePort(),
      emulatorPort: await freePort(),
      dnsPort: 'off',
      dataDir,
      accounts: DEMO_ACCOUNTS,
    });
    const seeded = await seedDemoAccounts({ emulatorUrl: server.emulatorUrl, size: 'small' });
    plans = seeded.accounts.map((a) => a.plan);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the console starts, then /api/meta names the three accounts with their Regions, production first and default', async () => {
    const meta = await getJson<{
      regions: Array<{ code: string }>;
      accounts?: Array<{ id: string; name: string; regions: string[] }>;
      defaultAccount?: string;
    }>(`${server.url}${apiPaths.meta}`);
    const every = meta.regions.map((r) => r.code);
    expect(meta.accounts?.map((a) => [a.id, a.name, a.regions])).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.id, a.name, a.offeredRegions ?? every]),
    );
    expect(meta.defaultAccount).toBe(DEMO_ACCOUNTS[0]?.id);
  });

  it("when each account's All regions list is asked through its account route, then it lists exactly that account's identities", async () => {
    for (const plan of plans) {
      const body = await getJson<{ identities: Row[] }>(
        `${server.url}${accountApiPath(plan.account.id, apiPaths.allRegionsIdentities)}`,
      );
      expect(rowsOf(body.identities), plan.account.name).toEqual(plannedRows(plan));
    }
  });

  it('when the routes without an account are asked, then they list production, the default account', async () => {
    const body = await getJson<{ identities: Row[] }>(`${server.url}${apiPaths.allRegionsIdentities}`);
    expect(rowsOf(body.identities)).toEqual(plannedRows(plans[0] as DemoPlan));
  });

  it('when All accounts is asked, then every account’s identities are listed with their account, and every load succeeded', async () => {
    const body = await getJson<{ identities: Row[]; loads: Array<{ outcome: string }> }>(
      `${server.url}${apiPaths.allAccountsIdentities}`,
    );
    expect(body.loads.filter((l) => l.outcome !== 'loaded')).toEqual([]);
    for (const plan of plans) {
      const mine = body.identities.filter((r) => r.account === plan.account.id);
      expect(rowsOf(mine), plan.account.name).toEqual(plannedRows(plan));
    }
    expect(body.identities).toHaveLength(plans.reduce((n, p) => n + p.identities.length, 0));
  });
});
