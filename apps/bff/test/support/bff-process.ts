import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Compiles the BFF to dist/ (what `node apps/bff/dist/index.js` runs). */
export function buildBff(): void {
  execFileSync(path.join(appDir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: appDir,
    stdio: 'pipe',
  });
}

export interface BffProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node dist/index.js` with exactly `env` (plus PATH) and waits for its ready banner. */
export async function startBffProcess(env: Record<string, string>): Promise<BffProcess> {
  const child: ChildProcess = spawn(process.execPath, ['dist/index.js'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`BFF did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /console ready: (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`BFF exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
