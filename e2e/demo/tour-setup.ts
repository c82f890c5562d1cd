import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDemoSize, seedDemoAccount, startDemoServer } from '@ses-console/demo-kit';
import { outputDir, reusedUrl, tourDnsPort, tourEmulatorPort, tourPort } from './tour-env';

/**
 * Playwright global set-up of the tour: a fresh output folder and, unless `DEMO_URL` points at a
 * running demo, the demo product on a temporary data dir, seeded with the demo account. The returned
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
  }).catch((error) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const teardown = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seeded = await seedDemoAccount({ emulatorUrl: server.emulatorUrl, size });
    const seconds = (seeded.durationMs / 1000).toFixed(1);
    console.log(`[tour] ${server.url}: seeded the ${size} demo account in ${seconds} s`);
    // Workers inherit the environment set here; the report quotes it.
    process.env.DEMO_TOUR_SEED = `${size} account: ${seeded.plan.identities.length} identities, ${seeded.hostedZones} hosted zones, seeded in ${seconds} s`;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
