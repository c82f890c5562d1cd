// Shared set-up for `npm start`, `npm test`, `pnpm demo` and `pnpm emulator` on a machine that has only
// Node.js 20 and npm: pnpm (pinned), dependencies from the lockfile (only when they changed) and a
// build. It contacts nothing but the package registry and loopback.
//
// Every phase prints one progress line; what the installers and the build print goes to SETUP_LOG
// (.data/setup.log), which is shown (its tail, or all of it under CI=true) when a phase fails.
// Ctrl-C (or SIGTERM/SIGHUP) during set-up stops the running phase's whole process group and exits
// 130 (143, 129) at once, before anything is started.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).packageManager.split('@')[1];
const localTools = path.join(root, '.tools');

/** Where the output of the installs and the build goes (one set-up's worth; rewritten by the next). */
export const SETUP_LOG = path.join(root, '.data', 'setup.log');
/** Lines of the log shown when a phase fails (the whole log under CI=true). */
const TAIL_LINES = 40;
/** How long a phase's processes get to stop after SIGTERM before they are killed. */
const STOP_GRACE_MS = 2000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Environment every child process gets (docs/configuration.md, "Set by the set-up scripts"). */
export function setupEnv() {
  Object.assign(process.env, {
    npm_config_nodedir: process.env.npm_config_nodedir || '/usr',
    TURBO_TELEMETRY_DISABLED: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  process.env.PATH = `${path.join(localTools, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`;
}

export function log(message) {
  process.stdout.write(`[setup] ${message}\n`);
}

/** Runs a command with inherited output; returns its exit status. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: process.env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

// --- set-up phases: output to the log, one line each, Ctrl-C stops them --------------------------

const setup = { logFd: undefined, child: undefined, stopping: false };

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // the phase and everything it started (its own process group)
  } catch {
    // the group is gone already
  }
}

/** Ctrl-C during set-up: stop the phase's process group, start nothing, exit 128 + the signal. */
function interrupt(signal) {
  if (setup.stopping) return;
  setup.stopping = true;
  const code = 128 + os.constants.signals[signal];
  process.stdout.write(
    `\n[setup] ${signal === 'SIGINT' ? 'Ctrl-C' : signal}: set-up stopped, nothing started\n`,
  );
  const { child } = setup;
  if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(code);
  killGroup(child, 'SIGTERM');
  const force = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
  child.once('exit', () => {
    clearTimeout(force);
    killGroup(child, 'SIGKILL'); // whatever of the group outlived its leader
    process.exit(code);
  });
}

function beginSetup() {
  setupEnv();
  fs.mkdirSync(path.dirname(SETUP_LOG), { recursive: true });
  setup.logFd = fs.openSync(SETUP_LOG, 'w');
  fs.writeSync(setup.logFd, `# set-up of ${root} on ${new Date().toISOString()} (node ${process.version})\n`);
  for (const signal of SIGNALS) process.on(signal, interrupt);
}

function endSetup() {
  for (const signal of SIGNALS) process.off(signal, interrupt);
  fs.closeSync(setup.logFd);
  setup.logFd = undefined;
}

/** Never settles: used once a signal has stopped set-up, so that nothing after it runs. */
const never = () => new Promise(() => {});

/**
 * Runs one set-up command in its own process group with its output in the log, and prints one
 * progress line for it. Resolves with its exit status.
 */
async function phase(title, cmd, args) {
  if (setup.stopping) return never();
  const started = performance.now();
  process.stdout.write(`[setup] ${title} … `);
  fs.writeSync(setup.logFd, `\n$ ${[cmd, ...args].join(' ')}\n`);
  const status = await new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: process.env,
      stdio: ['ignore', setup.logFd, setup.logFd],
      detached: true, // its own process group: a terminal's Ctrl-C reaches us, and we stop all of it
    });
    setup.child = child;
    child.once('error', (error) => {
      fs.writeSync(setup.logFd, `${error.message}\n`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  });
  setup.child = undefined;
  if (setup.stopping) return never();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(status === 0 ? `done in ${seconds} s\n` : `failed (exit ${status})\n`);
  return status;
}

/** The log's last lines (all of it under CI=true, where the log file is gone with the machine). */
function showLog() {
  const lines = fs.readFileSync(SETUP_LOG, 'utf8').trimEnd().split('\n');
  const shown = process.env.CI === 'true' ? lines : lines.slice(-TAIL_LINES);
  const what =
    shown.length === lines.length ? 'the set-up log' : `the last ${shown.length} lines of the set-up log`;
  process.stderr.write(`[setup] ${what}:\n${shown.map((line) => `  ${line}`).join('\n')}\n`);
  process.stderr.write(`[setup] full log: ${SETUP_LOG}\n`);
}

/** A phase that must succeed: on failure, the log and exit with its status. */
export async function setupStep(title, cmd, args) {
  const status = await phase(title, cmd, args);
  if (status !== 0) {
    showLog();
    process.exit(status);
  }
}

function pnpmVersion() {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env: process.env });
  return r.status === 0 ? r.stdout.trim() : null;
}

export async function ensurePnpm() {
  const found = pnpmVersion();
  if (found === PNPM_VERSION) {
    log(`pnpm ${PNPM_VERSION}: found`);
    return;
  }
  const global = await phase(
    found ? `pnpm ${found} found; installing pnpm ${PNPM_VERSION}` : `installing pnpm ${PNPM_VERSION}`,
    'npm',
    ['install', '-g', '--allow-scripts=pnpm', `pnpm@${PNPM_VERSION}`],
  );
  if (global === 0 && pnpmVersion() === PNPM_VERSION) return;
  // No permission for a global install (or another pnpm shadows it): keep one inside the project.
  await setupStep(`installing pnpm ${PNPM_VERSION} into ${path.relative(root, localTools)}/`, 'npm', [
    'install',
    '--prefix',
    localTools,
    '--no-save',
    `pnpm@${PNPM_VERSION}`,
  ]);
  if (pnpmVersion() !== PNPM_VERSION) {
    process.stderr.write(`[setup] could not get pnpm ${PNPM_VERSION} onto PATH\n`);
    showLog();
    process.exit(1);
  }
}

function dependencyFingerprint() {
  const hash = createHash('sha256');
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json'];
  for (const dir of ['apps', 'packages']) {
    for (const name of fs.existsSync(path.join(root, dir))
      ? fs.readdirSync(path.join(root, dir)).sort()
      : []) {
      files.push(path.join(dir, name, 'package.json'));
    }
  }
  files.push('e2e/package.json', 'bench/package.json', 'scripts/package.json');
  for (const file of files) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

export async function ensureDependencies() {
  const stamp = path.join(root, 'node_modules', '.ses-console-installed');
  const fingerprint = dependencyFingerprint();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint) {
    log('dependencies: up to date');
    return;
  }
  await setupStep('installing dependencies from pnpm-lock.yaml', 'pnpm', ['install', '--frozen-lockfile']);
  fs.writeFileSync(stamp, fingerprint);
}

export async function build() {
  await setupStep('building (cached when nothing changed)', 'pnpm', ['exec', 'turbo', 'run', 'build']);
}

/**
 * pnpm, dependencies and a build, then `more` (further set-up phases, e.g. the browser for the
 * tests). Resolves only when all of it succeeded; a failure or a signal ends the process.
 */
export async function bootstrap(more = async () => {}) {
  beginSetup();
  await ensurePnpm();
  await ensureDependencies();
  await build();
  await more();
  if (setup.stopping) return never();
  endSetup();
}

/** Runs a built Node entry point in the foreground, passing Ctrl-C / SIGTERM on to it. */
export function runService(relativeEntry) {
  const child = spawn(process.execPath, [path.join(root, relativeEntry)], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of SIGNALS) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
