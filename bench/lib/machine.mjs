import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath } from '@ses-console/e2e/chromium';
import { repoRoot } from './servers.mjs';

function firstLine(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return `${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0 && !l.includes('unexpected operator'));
}

function osName() {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}

/** Version of `name` as `fromPackage` (a workspace folder) resolves it. */
function versionOf(name, fromPackage) {
  try {
    const require = createRequire(path.join(repoRoot, fromPackage, 'package.json'));
    let dir = path.dirname(require.resolve(name));
    while (!fs.existsSync(path.join(dir, 'package.json')) || readName(dir) !== name) dir = path.dirname(dir);
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return 'n/a';
  }
}

function readName(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name;
  } catch {
    return undefined;
  }
}

/** The machine and software the numbers were taken with. */
export function describeEnvironment({ motoVersion }) {
  const cpus = os.cpus();
  return {
    machine: [
      `CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} logical cores`,
      `RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
      `OS: ${osName()} (Linux ${os.release()})`,
      `Load average when the run started: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    ],
    software: [
      `Node ${process.version}`,
      `@aws-sdk/client-sesv2 ${versionOf('@aws-sdk/client-sesv2', 'bench')} (the one client for every server)`,
      `emulator: better-sqlite3 ${versionOf('better-sqlite3', 'packages/emulator')}`,
      `BFF: express ${versionOf('express', 'apps/bff')}`,
      `console: react ${versionOf('react', 'apps/console')}, @cloudscape-design/components ${versionOf('@cloudscape-design/components', 'apps/console')}, vite ${versionOf('vite', 'apps/console')}`,
      `moto ${motoVersion ?? 'not installed'} (${firstLine('python3', ['--version']) ?? 'python3 missing'})`,
      `aws-ses-v2-local ${versionOf('aws-ses-v2-local', 'bench')}`,
      `playwright-core ${versionOf('playwright-core', 'bench')}, ${firstLine(chromiumPath, ['--version']) ?? 'chromium missing'}`,
    ],
  };
}
