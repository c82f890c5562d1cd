import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS, parseDemoSize, seedDemoAccounts, startDemoServer } from '@ses-console/demo-kit';
import { outputDir, reusedUrl, tourDnsPort, tourEmulatorPort, tourPort } from './tour-env';

/**
 * Playwright global set-up of the tour: a fresh output folder and, unless `DEMO_URL` points at a
 * running demo, the demo product on a temporary data dir, serving and seeded with the demo accounts (the
 * tour walks the default one, production). The returned
 * teardown stops the server and removes the data dir, whatever the tour's outcome.
 */
export default async function tourSetup(): Promise<() => Promise<void>> {
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  if (reusedUrl) {
    console.log(`[tour] using the running demo at ${reusedUrl}`);
    return async () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-console-demo-tour-'));
  const size = parseDemoSize(process.env.DEMO_SIZE);
  const server = await startDemoServer({
    port: tourPort,
    emulatorPort: tourEmulatorPort,
    dnsPort: tourDnsPort,
    dataDir,
    accounts: DEMO_ACCOUNTS,
  }).catch((error) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const teardown = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seeded = await seedDemoAccounts({ emulatorUrl: server.emulatorUrl, size, accounts: DEMO_ACCOUNTS });
    const seconds = (seeded.durationMs / 1000).toFixed(1);
    console.log(`[tour] ${server.url}: seeded the ${size} demo accounts in ${seconds} s`);
    const [tourAccount] = seeded.accounts;
    const others = seeded.accounts.slice(1).map((a) => `${a.plan.account.name} ${a.plan.identities.length}`);
    // Workers inherit the environment set here; the report quotes it.
    process.env.DEMO_TOUR_SEED = `${size} accounts; the toured ${tourAccount?.plan.account.name} account: ${tourAccount?.plan.identities.length} identities, ${tourAccount?.hostedZones} hosted zones (also ${others.join(', ')} identities); seeded in ${seconds} s`;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
