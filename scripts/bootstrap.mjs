// Shared set-up for `npm start` and `npm test` on a machine that has only Node.js 20 and npm:
// pnpm (pinned), dependencies from the lockfile (only when they changed) and a build.
// It contacts nothing but the package registry and loopback.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).packageManager.split('@')[1];
const localTools = path.join(root, '.tools');

/** Environment every child process gets (see README, "Configuration"). */
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

function runOrDie(cmd, args, what) {
  const status = run(cmd, args);
  if (status !== 0) {
    process.stderr.write(`[setup] ${what} failed (exit ${status})\n`);
    process.exit(status);
  }
}

function pnpmVersion() {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env: process.env });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function ensurePnpm() {
  const found = pnpmVersion();
  if (found === PNPM_VERSION) return;
  log(found ? `pnpm ${found} found, installing pnpm ${PNPM_VERSION}` : `installing pnpm ${PNPM_VERSION}`);
  const global = spawnSync('npm', ['install', '-g', '--allow-scripts=pnpm', `pnpm@${PNPM_VERSION}`], {
    stdio: 'inherit',
    env: process.env,
  });
  if (global.status === 0 && pnpmVersion() === PNPM_VERSION) return;
  // No permission for a global install (or another pnpm shadows it): keep one inside the project.
  log(`installing pnpm ${PNPM_VERSION} into ${path.relative(root, localTools)}/`);
  fs.mkdirSync(localTools, { recursive: true });
  runOrDie(
    'npm',
    ['install', '--prefix', localTools, '--no-save', `pnpm@${PNPM_VERSION}`],
    'installing pnpm',
  );
  if (pnpmVersion() !== PNPM_VERSION) {
    process.stderr.write(`[setup] could not get pnpm ${PNPM_VERSION} onto PATH\n`);
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
  files.push('e2e/package.json', 'bench/package.json');
  for (const file of files) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

export function ensureDependencies() {
  const stamp = path.join(root, 'node_modules', '.ses-console-installed');
  const fingerprint = dependencyFingerprint();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint) {
    log('dependencies up to date');
    return;
  }
  log('installing dependencies from pnpm-lock.yaml');
  runOrDie('pnpm', ['install', '--frozen-lockfile'], 'pnpm install');
  fs.writeFileSync(stamp, fingerprint);
}

export function build() {
  log('building (cached when nothing changed)');
  runOrDie('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], 'build');
}

export function bootstrap() {
  setupEnv();
  ensurePnpm();
  ensureDependencies();
  build();
}

/** Runs a built Node entry point in the foreground, passing Ctrl-C / SIGTERM on to it. */
export function runService(relativeEntry) {
  const child = spawn(process.execPath, [path.join(root, relativeEntry)], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
