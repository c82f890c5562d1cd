import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DemoAccount, demoRoleArn } from './demo-catalog.js';

/** The repository root (this file is packages/demo-kit/{src,dist}/demo-server.*). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface DemoServerOptions {
  port: number;
  emulatorPort: number;
  /** The emulator's DNS server port, or `off`. */
  dnsPort: number | 'off';
  /** A fresh, empty data directory (the caller creates and removes it). */
  dataDir: string;
  host?: string;
  /** The BFF's pino level (default `warn`). */
  logLevel?: string;
  /**
   * The accounts the console serves (ACCOUNTS, one role each, assumed on the embedded emulator's STS);
   * the first is the default account. Omitted or empty: one account, as `npm start`.
   */
  accounts?: readonly DemoAccount[];
}

/**
 * ACCOUNTS for the demo's console: each account reached through its role (`arn:aws:iam::<id>:role/…`),
 * which the BFF assumes with STS on the embedded emulator (the emulator then maps the temporary
 * credentials to the role's account), with the Regions it offers. `offeredRegions: false` leaves them
 * out, so every account offers every Region of REGIONS (e.g. a REGIONS that lacks one of them).
 */
export function accountsConfig(
  accounts: readonly DemoAccount[],
  options: { offeredRegions?: boolean } = {},
): string {
  return JSON.stringify(
    accounts.map((account) => ({
      id: account.id,
      name: account.name,
      roleArn: demoRoleArn(account),
      ...(options.offeredRegions !== false && account.offeredRegions
        ? { regions: [...account.offeredRegions] }
        : {}),
    })),
  );
}

/**
 * The console exited before it answered. It has said why on its stderr (which the demo shares), e.g.
 * the one line naming a port another program holds, so callers need not say more.
 */
export class ConsoleExitedError extends Error {
  constructor(readonly exitCode: number | null) {
    super(`the console exited during start-up (exit ${exitCode})`);
    this.name = 'ConsoleExitedError';
  }
}

export interface DemoServer {
  url: string;
  emulatorUrl: string;
  /** Resolves when the server process has exited (on its own or after `stop`). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts the built console (`apps/bff/dist/index.js`) with its embedded emulator on a data directory of
 * its own, and resolves once `/healthz` answers. The process is stopped if start-up fails.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const entry = path.join(repoRoot, 'apps/bff/dist/index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build first (pnpm build)`);
  const child = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: host,
      EMULATOR_PORT: String(options.emulatorPort),
      EMULATOR_DNS_PORT: String(options.dnsPort),
      DATA_DIR: options.dataDir,
      SES_BACKEND: 'emulator',
      LOG_LEVEL: options.logLevel ?? 'warn',
      AWS_EC2_METADATA_DISABLED: 'true',
      // The BFF's own account is the default one: its dummy key signs into it, and ACCOUNTS' first role
      // is assumed in it.
      ...(options.accounts?.length
        ? { ACCOUNTS: accountsConfig(options.accounts), EMULATOR_ACCOUNT_ID: options.accounts[0]?.id }
        : {}),
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: DemoServer = {
    url: `http://${host}:${options.port}`,
    emulatorUrl: `http://${host}:${options.emulatorPort}`,
    exited,
    stop: () => stopProcess(child, exited),
  };
  try {
    await waitForHealth(`${server.url}/healthz`, exited);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url: string, exited: Promise<number | null>, timeoutMs = 60_000): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => {
    gone = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new ConsoleExitedError(gone);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the console did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
