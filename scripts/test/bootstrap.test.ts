import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const scriptsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.dirname(scriptsDir);
const pinnedPnpm = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
).packageManager.split('@')[1] as string;

/**
 * A stand-in for pnpm that answers `--version` with the pinned version and otherwise acts as a set-up
 * phase, as FAKE_PNPM says: `slow` prints, starts a grandchild and never ends (`stubborn` also ignores
 * SIGTERM); `fail` prints 100 lines and exits 3; `ok` prints and exits 0 (after an install, with a node_modules folder). Each call is appended to
 * calls.log; a slow phase writes phase.json (its pid and its grandchild's) once it runs.
 */
const FAKE_PNPM = `
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const dir = ${JSON.stringify('__DIR__')};
const args = process.argv.slice(2);
if (args[0] === '--version') {
  console.log(${JSON.stringify(pinnedPnpm)});
  process.exit(0);
}
fs.appendFileSync(path.join(dir, 'calls.log'), args.join(' ') + '\\n');
const mode = process.env.FAKE_PNPM;
if (mode === 'fail') {
  for (let i = 1; i <= 100; i++) console.log('installer line ' + i);
  process.exit(3);
}
console.log('installer chatter for ' + args.join(' '));
if (mode === 'ok') {
  if (args[0] === 'install') fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  process.exit(0);
}
if (mode === 'stubborn') process.on('SIGTERM', () => {});
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
fs.writeFileSync(path.join(dir, 'phase.tmp'), JSON.stringify({ pid: process.pid, grandchild: grandchild.pid }));
fs.renameSync(path.join(dir, 'phase.tmp'), path.join(dir, 'phase.json'));
setInterval(() => {}, 1e9);
`;

/**
 * A copy of the set-up scripts in a fresh folder (so nothing of this checkout is touched), a fake
 * pnpm first on PATH, and a "service" (`apps/bff/dist/index.js`) that only records that it started.
 */
function sandbox(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-bootstrap-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  for (const file of ['bootstrap.mjs', 'start.mjs']) {
    fs.copyFileSync(path.join(scriptsDir, file), path.join(dir, 'scripts', file));
  }
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  fs.mkdirSync(path.join(dir, 'apps/bff/dist'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'apps/bff/dist/index.js'),
    `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(path.join(dir, 'service-started'))}, 'yes');\n`,
  );
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin/fake-pnpm.cjs'), FAKE_PNPM.replace('__DIR__', dir));
  fs.writeFileSync(
    path.join(dir, 'bin/pnpm'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(dir, 'bin/fake-pnpm.cjs'))} "$@"\n`,
    { mode: 0o755 },
  );
  return dir;
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** `npm start` (scripts/start.mjs) in the sandbox. */
function start(dir: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: dir,
    env: {
      PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: dir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Waits until `condition` holds; the test's own timeout bounds it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Whether `pid` is a live process (a zombie waiting to be reaped counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const sandboxes: string[] = [];
afterEach(() => {
  for (const dir of sandboxes.splice(0)) {
    // Should a test fail, its fake phase must not outlive it.
    const phaseFile = path.join(dir, 'phase.json');
    if (fs.existsSync(phaseFile)) {
      const { pid, grandchild } = JSON.parse(fs.readFileSync(phaseFile, 'utf8')) as Record<string, number>;
      for (const leftover of [pid, grandchild]) {
        if (leftover && alive(leftover)) process.kill(leftover, 'SIGKILL');
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function newSandbox(): string {
  const dir = sandbox();
  sandboxes.push(dir);
  return dir;
}

const calls = (dir: string) => fs.readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n');

describe('set-up (scripts/bootstrap.mjs)', () => {
  it('when every phase succeeds, then it prints one line per phase, keeps their output in the log and starts the service', async () => {
    const dir = newSandbox();
    const run = start(dir, { FAKE_PNPM: 'ok' });
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toMatch(
      /^\[setup\] pnpm [\d.]+: found\n\[setup\] installing dependencies from pnpm-lock\.yaml … done in [\d.]+ s\n\[setup\] building \(cached when nothing changed\) … done in [\d.]+ s\n$/,
    );
    expect(run.stderr()).toBe('');
    const setupLog = fs.readFileSync(path.join(dir, '.data/setup.log'), 'utf8');
    expect(setupLog).toContain(
      '$ pnpm install --frozen-lockfile\ninstaller chatter for install --frozen-lockfile\n',
    );
    expect(setupLog).toContain('$ pnpm exec turbo run build\ninstaller chatter for exec turbo run build\n');
    expect(fs.existsSync(path.join(dir, 'service-started'))).toBe(true);
  });

  it('when a phase fails, then it prints the tail of the log and its path, starts nothing and exits with its status', async () => {
    const dir = newSandbox();
    const run = start(dir, { FAKE_PNPM: 'fail', CI: '' });
    expect(await run.exit).toBe(3);
    expect(run.stdout()).toContain('[setup] installing dependencies from pnpm-lock.yaml … failed (exit 3)\n');
    expect(run.stdout()).not.toContain('installer line');
    const logPath = path.join(dir, '.data/setup.log');
    expect(run.stderr()).toContain('[setup] the last 40 lines of the set-up log:\n');
    expect(run.stderr()).toContain('  installer line 61\n');
    expect(run.stderr()).toContain('  installer line 100\n');
    expect(run.stderr()).not.toContain('installer line 60\n');
    expect(run.stderr()).toContain(`[setup] full log: ${logPath}\n`);
    expect(fs.readFileSync(logPath, 'utf8')).toContain('installer line 1\n');
    expect(calls(dir)).toEqual(['install --frozen-lockfile']);
    expect(fs.existsSync(path.join(dir, 'service-started'))).toBe(false);
  });

  it('when a phase fails under CI=true, then the whole log is printed', async () => {
    const dir = newSandbox();
    const run = start(dir, { FAKE_PNPM: 'fail', CI: 'true' });
    expect(await run.exit).toBe(3);
    expect(run.stderr()).toContain('[setup] the set-up log:\n');
    expect(run.stderr()).toContain('  $ pnpm install --frozen-lockfile\n  installer line 1\n');
    expect(run.stderr()).toContain('  installer line 100\n');
  });

  for (const mode of ['slow', 'stubborn'] as const) {
    it(`when Ctrl-C comes during a phase${mode === 'stubborn' ? ' that ignores SIGTERM' : ''}, then its whole process group stops, nothing more runs and it exits 130`, async () => {
      const dir = newSandbox();
      const run = start(dir, { FAKE_PNPM: mode });
      const phaseFile = path.join(dir, 'phase.json');
      await until(() => fs.existsSync(phaseFile));
      const phase = JSON.parse(fs.readFileSync(phaseFile, 'utf8')) as { pid: number; grandchild: number };
      expect(alive(phase.pid) && alive(phase.grandchild)).toBe(true);

      run.child.kill('SIGINT');
      // The phase never ends by itself: that set-up exits at all shows it stopped without waiting for it.
      expect(await run.exit).toBe(130);
      expect(run.stdout()).toBe(
        `[setup] pnpm ${pinnedPnpm}: found\n[setup] installing dependencies from pnpm-lock.yaml … \n[setup] Ctrl-C: set-up stopped, nothing started\n`,
      );
      expect(alive(phase.pid)).toBe(false);
      await until(() => !alive(phase.grandchild));
      expect(calls(dir)).toEqual(['install --frozen-lockfile']);
      expect(fs.existsSync(path.join(dir, 'node_modules/.ses-console-installed'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'service-started'))).toBe(false);
    });
  }
});
