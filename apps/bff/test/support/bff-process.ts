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

/**
 * The environment of a BFF process in aws mode against an emulator on loopback (`emulatorUrl`), with
 * its own HOME, AWS config files and DATA_DIR under `home` (nothing of the host's leaks in).
 */
export function bffEnvAgainstEmulator(
  emulatorUrl: string,
  home: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SES_BACKEND: 'aws',
    PORT: '0',
    HOST: '127.0.0.1',
    AWS_REGION: 'us-east-1',
    REGIONS: 'us-east-1',
    AWS_ACCOUNT_ID: '000000000000',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_SESV2: emulatorUrl,
    AWS_ENDPOINT_URL_ROUTE_53: emulatorUrl,
    AWS_ENDPOINT_URL_SES: emulatorUrl,
    AWS_ENDPOINT_URL_SNS: emulatorUrl,
    // STS: the roles of ACCOUNTS are assumed there.
    AWS_ENDPOINT_URL_STS: emulatorUrl,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    HOME: home,
    DATA_DIR: path.join(home, 'data'),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export interface BffProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
  /** `kill -9`: the process ends at once, mid-request, with no chance to clean up. */
  kill(): Promise<void>;
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
  const signal = (name: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(name);
    });
  return {
    url,
    output: () => output,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
