import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bffEntry = path.join(repoRoot, 'apps/bff/dist/index.js');
const builtConsole = path.join(repoRoot, 'apps/console/dist');

/** A console server (the built BFF with its embedded emulator) that a journey starts, stops and restarts. */
export interface ConsoleServer {
  url: string;
  port: number;
  /** Its embedded emulator, to seed through. */
  emulatorUrl: string;
  /** SIGTERM and wait for the process to end (its port is free afterwards). */
  stop(): Promise<void>;
}

/**
 * Starts `node apps/bff/dist/index.js` serving `consoleDist`, with its state in `dataDir`, on `port`
 * (0: an ephemeral one; pass the previous port to restart the same console), and waits for its ready
 * banner. The embedded emulator takes an ephemeral port and no DNS server.
 */
export async function startConsoleServer(options: {
  consoleDist: string;
  dataDir: string;
  port?: number;
  /** More of the BFF's environment, e.g. `ACCOUNTS` and `REGIONS` for a console of several accounts. */
  env?: Record<string, string>;
}): Promise<ConsoleServer> {
  const child: ChildProcess = spawn(process.execPath, [bffEntry], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      EMULATOR_PORT: '0',
      EMULATOR_DNS_PORT: 'off',
      DATA_DIR: options.dataDir,
      CONSOLE_DIST: options.consoleDist,
      SES_BACKEND: 'emulator',
      LOG_LEVEL: 'warn',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // The banner names the console, then its emulator.
  const [url, emulatorUrl] = await new Promise<[string, string]>((resolve, reject) => {
    const check = () => {
      const consoleUrl = /console ready: (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      const emulator = /emulator: (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (consoleUrl && emulator) resolve([consoleUrl, emulator]);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`the console server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    emulatorUrl,
    port: Number(new URL(url).port),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A temporary folder (removed by `removeFolder`). */
export function tempFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ses-console-e2e-${prefix}-`));
}

export function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

/** A copy of the built console (apps/console/dist) in `folder`, to deploy and redeploy at will. */
export function copyBuiltConsole(folder: string): string {
  fs.cpSync(builtConsole, folder, { recursive: true });
  return folder;
}

/** The files of a deployed console's `assets/` folder. */
export function assetFiles(dist: string): string[] {
  return fs.readdirSync(path.join(dist, 'assets'));
}

/**
 * Deploys a new build over `dist` in place, as a rebuild does: every asset gets a new file name (and
 * every reference to it in index.html, scripts and styles follows), then the old files are removed.
 * The running page still names the old chunks, which are gone.
 */
export function redeployWithNewChunkNames(dist: string, tag: string): void {
  const assets = path.join(dist, 'assets');
  const old = assetFiles(dist);
  const renamed = new Map(old.map((file) => [file, file.replace(/(\.[a-z]+)$/, `.${tag}$1`)]));
  // Longest first, so no name is replaced inside a longer one.
  const names = [...renamed.keys()].sort((a, b) => b.length - a.length);
  const rewrite = (text: string) =>
    names.reduce((t, name) => t.replaceAll(name, renamed.get(name) ?? name), text);
  for (const [from, to] of renamed) {
    const source = path.join(assets, from);
    const textual = /\.(js|css|html)$/.test(from);
    fs.writeFileSync(
      path.join(assets, to),
      textual ? rewrite(fs.readFileSync(source, 'utf8')) : fs.readFileSync(source),
    );
  }
  const index = path.join(dist, 'index.html');
  fs.writeFileSync(index, rewrite(fs.readFileSync(index, 'utf8')));
  for (const file of old) fs.rmSync(path.join(assets, file));
}
