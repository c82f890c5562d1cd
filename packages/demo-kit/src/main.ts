// `pnpm demo`: the console on a fresh data dir (./.demo-data, wiped first), serving three seeded demo
// accounts (production, staging, sandbox), running until Ctrl-C. Ports as `npm start`: PORT,
// EMULATOR_PORT, EMULATOR_DNS_PORT.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS, parseDemoSize } from './demo-catalog.js';
import { ConsoleExitedError, type DemoServer, repoRoot, startDemoServer } from './demo-server.js';
import { seedDemoAccounts } from './seed-demo-account.js';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${name} must be a port number, not "${raw}"`);
  }
  return value;
}

function dnsPort(): number | 'off' {
  return process.env.EMULATOR_DNS_PORT === 'off' ? 'off' : port('EMULATOR_DNS_PORT', 10_053);
}

async function main(): Promise<void> {
  const size = parseDemoSize(process.env.DEMO_SIZE);
  // Never the user's ./.data: the demo owns this folder and starts it empty every time.
  const dataDir = path.join(repoRoot, '.demo-data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });

  const server: DemoServer = await startDemoServer({
    port: port('PORT', 8080),
    emulatorPort: port('EMULATOR_PORT', 4566),
    dnsPort: dnsPort(),
    host: process.env.HOST || '127.0.0.1',
    dataDir,
    logLevel: process.env.LOG_LEVEL || 'warn',
    accounts: DEMO_ACCOUNTS,
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  void server.exited.then((code) => {
    if (!stopping) {
      console.error(`[demo] the console stopped unexpectedly (exit ${code})`);
      process.exit(code || 1);
    }
  });

  try {
    console.log(`[demo] seeding ${DEMO_ACCOUNTS.length} ${size} demo accounts into ${server.emulatorUrl}`);
    const started = Date.now();
    const result = await seedDemoAccounts({
      emulatorUrl: server.emulatorUrl,
      size,
      accounts: DEMO_ACCOUNTS,
      log: (line) =>
        console.log(`[demo]   ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${line}`),
    });
    const total = result.accounts.reduce((n, account) => n + account.plan.identities.length, 0);
    console.log(
      `[demo] seeded ${total} identities in ${result.accounts.length} accounts in ${(result.durationMs / 1000).toFixed(1)} s`,
    );
    for (const account of result.accounts) {
      const { id, name } = account.plan.account;
      console.log(
        `[demo]   ${name} (${id}): ${account.plan.identities.length} identities, ${account.hostedZones} hosted zones, ${account.configurationSets} configuration sets, ${account.messages} sent messages`,
      );
      for (const [region, counts] of Object.entries(account.byRegion)) {
        const parts = Object.entries(counts).map(([status, n]) => `${n} ${status}`);
        console.log(`[demo]     ${region}: ${parts.join(', ')}`);
      }
    }
  } catch (error) {
    console.error(`[demo] seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
    return;
  }
  const names = DEMO_ACCOUNTS.map((account) => account.name).join(', ');
  console.log(`\nSES identity console (demo accounts ${names}): ${server.url}`);
  console.log(`Embedded SES (v2 and v1), SNS and Route 53 emulator:  ${server.emulatorUrl}`);
  console.log(
    `Data: ${path.relative(process.cwd(), dataDir) || dataDir} (wiped on the next pnpm demo). Ctrl-C stops.`,
  );
}

main().catch((error) => {
  // The console already printed why it stopped (e.g. which port is taken): that stays the last line.
  if (error instanceof ConsoleExitedError) process.exit(error.exitCode || 1);
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
