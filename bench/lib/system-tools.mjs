import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * The Debian programs the capacity rows drive (`wrk`, `dnsperf`) or compare with (`dnsmasq`): the binary
 * each package installs. Nothing else is ever downloaded: a missing one is installed with apt when the
 * bench runs as root (as in CI's container), else its rows are skipped and say which `apt-get install`
 * line would enable them.
 */
export const SYSTEM_TOOLS = {
  wrk: { package: 'wrk', binary: 'wrk' },
  dnsperf: { package: 'dnsperf', binary: 'dnsperf' },
  // dnsmasq-base: the binary alone; the `dnsmasq` package also enables a system service on port 53.
  dnsmasq: { package: 'dnsmasq-base', binary: 'dnsmasq' },
};

const SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Absolute path of `binary` on PATH or in the system folders (dnsmasq lives in /usr/sbin), if any. */
export function findBinary(binary) {
  const folders = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SEARCH_PATH];
  for (const folder of folders) {
    const candidate = `${folder}/${binary}`;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** @typedef {Record<string, { package: string, binary: string }>} ToolTable */

/**
 * The line that installs `names` (keys of `tools`).
 * @param {string[]} names
 * @param {ToolTable} [tools]
 */
export function aptLine(names, tools = SYSTEM_TOOLS) {
  return `apt-get install -y --no-install-recommends ${names.map((n) => tools[n].package).join(' ')}`;
}

/** May this process install Debian packages without asking anyone (root, apt-get present)? */
function mayUseApt() {
  return process.getuid?.() === 0 && findBinary('apt-get') !== undefined;
}

function apt(args, log) {
  const result = spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0)
    log(`apt-get ${args.join(' ')} failed: ${(result.stderr || '').trim().slice(-300)}`);
  return result.status === 0;
}

/**
 * Finds each tool, installing the missing ones with apt when it may (root with apt-get, unless told
 * `mayInstall: false`; the package lists are refreshed only if the first attempt fails).
 * Returns `{ paths: {name: path}, missing: [name], install: the apt-get line for the missing ones }`.
 * @param {string[]} names
 * @param {{ log?: (line: string) => void, mayInstall?: boolean, tools?: ToolTable }} [options]
 * @returns {{ paths: Record<string, string>, missing: string[], install: string | undefined }}
 */
export function ensureTools(names, { log = () => {}, mayInstall = mayUseApt(), tools = SYSTEM_TOOLS } = {}) {
  const paths = {};
  const stillMissing = (list) =>
    list.filter((name) => {
      const found = findBinary(tools[name].binary);
      if (found) paths[name] = found;
      return !found;
    });
  let missing = stillMissing(names);
  if (missing.length > 0 && mayInstall) {
    log(`installing ${missing.join(', ')} with apt (${aptLine(missing, tools)})`);
    const args = ['install', '-y', '--no-install-recommends', ...missing.map((n) => tools[n].package)];
    if (!apt(args, log)) {
      if (apt(['update'], log)) apt(args, log);
    }
    missing = stillMissing(missing);
  }
  return { paths, missing, install: missing.length > 0 ? aptLine(missing, tools) : undefined };
}
