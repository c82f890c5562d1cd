import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mainJs = path.join(packageDir, 'dist', 'main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds `dist/` when it is missing or older than `src/` (the child process runs the built emulator). */
export function ensureBuilt(): void {
  if (fs.existsSync(mainJs) && fs.statSync(mainJs).mtimeMs >= newestMtime(path.join(packageDir, 'src'))) {
    return;
  }
  execFileSync(process.execPath, [tscPath(), '-p', 'tsconfig.build.json'], { cwd: packageDir });
}

function tscPath(): string {
  return path.join(packageDir, 'node_modules', 'typescript', 'bin', 'tsc');
}

export interface ChildEmulator {
  process: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** Starts `node dist/main.js` on an ephemeral port with its own DATA_DIR and waits for its banner. */
export async function startChildEmulator(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildEmulator> {
  const child = spawn(process.execPath, [mainJs], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      EMULATOR_PORT: '0',
      EMULATOR_DNS_PORT: 'off',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}${err}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /ready on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}: ${out}${err}`));
    });
  });
  return { process: child, url, exited };
}
