import dgram from 'node:dgram';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './processes.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** Environment every child gets: loopback only, no telemetry, no SDK warnings. */
const QUIET = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  TURBO_TELEMETRY_DISABLED: '1',
};

export function tempDataDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ses-bench-${prefix}-`));
}

/** Stops the server and removes its temporary data folder. */
function withCleanup(server, dataDir) {
  const stop = server.stop;
  return {
    ...server,
    stop: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The standalone emulator as users run it (`node packages/emulator/dist/main.js`): SQLite store in
 * a temporary folder, default verification mode unless told, ephemeral port, DNS server off unless
 * `dns` (then on an ephemeral port too: `dnsPort`).
 */
export async function startEmulatorProcess({ verification = 'realistic', dns = false, dataDir: given } = {}) {
  // A given data folder (a store kept between starts) is the caller's to remove.
  const dataDir = given ?? tempDataDir('emulator');
  const server = await startServer({
    name: 'emulator',
    command: process.execPath,
    args: [path.join(repoRoot, 'packages/emulator/dist/main.js')],
    env: {
      ...QUIET,
      EMULATOR_PORT: '0',
      EMULATOR_HOST: '127.0.0.1',
      EMULATOR_DNS_PORT: dns ? '0' : 'off',
      EMULATOR_VERIFICATION: verification,
      DATA_DIR: dataDir,
    },
    ready: /emulator ready on (http:\/\/\S+)/,
  });
  const started = given ? server : withCleanup(server, dataDir);
  if (!dns) return started;
  // The next banner line names the DNS server's port.
  const dnsPort = Number(await waitForLine(server, /DNS for its hosted zones on \S+:(\d+)/));
  return { ...started, dnsPort };
}

/**
 * The BFF with its embedded emulator (`node apps/bff/dist/index.js`), serving the built console;
 * `env` adds to (or overrides) its environment, e.g. ACCOUNTS and REGIONS.
 */
export async function startBffProcess(env = {}) {
  const dataDir = tempDataDir('bff');
  const server = await startServer({
    name: 'bff',
    command: process.execPath,
    args: [path.join(repoRoot, 'apps/bff/dist/index.js')],
    env: {
      ...QUIET,
      PORT: '0',
      HOST: '127.0.0.1',
      EMULATOR_PORT: '0',
      EMULATOR_DNS_PORT: 'off',
      DATA_DIR: dataDir,
      SES_BACKEND: 'emulator',
      LOG_LEVEL: 'warn',
      ...env,
    },
    ready: /console ready: (http:\/\/\S+)/,
  });
  // The next banner line names the embedded emulator (none when SES_BACKEND=aws points it elsewhere).
  const emulatorUrl =
    env.SES_BACKEND === 'aws' ? undefined : await waitForLine(server, /emulator: (http:\/\/\S+)/);
  return { ...withCleanup(server, dataDir), emulatorUrl };
}

async function waitForLine(server, pattern) {
  for (let i = 0; i < 50; i++) {
    for (const line of server.output) {
      const match = pattern.exec(line);
      if (match) return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${server.name}: no line matching ${pattern}`);
}

/** Is moto (server mode) importable by python3? */
export async function motoAvailable() {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync('python3', ['-c', 'import moto, sys; print(moto.__version__)'], {
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** moto in server mode on an ephemeral port. */
export function startMoto() {
  return startServer({
    name: 'moto',
    command: 'python3',
    args: ['-m', 'moto.server', '-H', '127.0.0.1', '-p', '0'],
    env: QUIET,
    ready: /Running on (http:\/\/127\.0\.0\.1:\d+)/,
  });
}

/** aws-ses-v2-local through its own CLI (`dist/cli.js`), on an ephemeral port. */
export function startAwsSesV2Local() {
  const cli = path.join(path.dirname(require.resolve('aws-ses-v2-local/package.json')), 'dist/cli.js');
  return startServer({
    name: 'aws-ses-v2-local',
    command: process.execPath,
    args: [cli, '--host', '127.0.0.1', '--port', '0'],
    env: { ...QUIET, SMTP_TRANSPORT: '' },
    ready: /server running at (http:\/\/\S+)/,
    urlHost: '127.0.0.1',
  });
}

/** The canned-response stub (`stub-server.mjs`): measures the client alone. */
export function startStub() {
  return startServer({
    name: 'stub',
    command: process.execPath,
    args: [path.join(repoRoot, 'bench/lib/stub-server.mjs')],
    ready: /stub ready on (http:\/\/\S+)/,
  });
}

/**
 * The capacity rows' ceiling (`ceiling-server.mjs`): a bare Node `http` server answering every request
 * with the status, headers and body in `answerFile` (JSON), e.g. the emulator's own GetEmailIdentity answer.
 */
export function startCeilingServer(answerFile) {
  return startServer({
    name: 'bare Node http',
    command: process.execPath,
    args: [path.join(repoRoot, 'bench/lib/ceiling-server.mjs'), answerFile],
    ready: /ceiling ready on (http:\/\/\S+)/,
  });
}

/**
 * dnsmasq serving `hostsFile` (an addn-hosts file) authoritatively for `domain`, unprivileged on
 * 127.0.0.1:`port`: in the foreground, no /etc/dnsmasq.conf, no /etc/hosts, no resolv.conf, no
 * upstream (a name of `domain` it does not hold is NXDOMAIN, never forwarded).
 */
/** Binds `socket` to 127.0.0.1:`port` and closes it again: whether the port was free. */
function portIsFree(socket, port) {
  return new Promise((resolve) => {
    socket.once('error', () => resolve(false));
    const bound = () => socket.close(() => resolve(true));
    if (socket instanceof net.Server) socket.listen(port, '127.0.0.1', bound);
    else socket.bind(port, '127.0.0.1', bound);
  });
}

/**
 * A loopback port free for UDP and TCP alike (dnsmasq listens on both): the kernel's pick for UDP,
 * checked for TCP, where other tests running beside the bench hold many ephemeral ports.
 */
async function freeDnsPort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const socket = dgram.createSocket('udp4');
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        const picked = socket.address().port;
        socket.close(() => resolve(picked));
      });
    });
    if (await portIsFree(net.createServer(), port)) return port;
  }
}

/** How many times dnsmasq is started on a new port when the one picked was taken meanwhile. */
const DNSMASQ_PORT_TRIES = 5;

/**
 * dnsmasq serving `hostsFile` for `domain` on a free loopback port. A port can still be taken between
 * the check and dnsmasq's bind (CI runs other suites at the same time), so "Address already in use"
 * means another port, not a failed run.
 */
export async function startDnsmasq({ binary, hostsFile, domain }) {
  for (let attempt = 1; ; attempt++) {
    const port = await freeDnsPort();
    try {
      return await startDnsmasqOn({ binary, hostsFile, domain, port });
    } catch (error) {
      if (attempt >= DNSMASQ_PORT_TRIES || !/Address already in use/.test(error.message)) throw error;
    }
  }
}

async function startDnsmasqOn({ binary, hostsFile, domain, port }) {
  const server = await startServer({
    name: 'dnsmasq',
    command: binary,
    args: [
      '--keep-in-foreground',
      '--no-daemon',
      '--conf-file=/dev/null',
      '--no-resolv',
      '--no-hosts',
      '--no-poll',
      `--addn-hosts=${hostsFile}`,
      `--local=/${domain}/`,
      '--listen-address=127.0.0.1',
      '--bind-interfaces',
      `--port=${port}`,
      '--pid-file=',
      '--log-facility=-',
      // Drop root, if run as root, to nobody (Debian's dnsmasq user may not exist outside the package).
      '--user=nobody',
    ],
    // Ready once it has read the hosts file (its last start-up line).
    ready: /read \S+ - (\d+) names/,
  });
  return { ...server, port };
}

/**
 * Opens a console session on the BFF as the browser does (`GET /api/session`): the cookie and the CSRF
 * token every state-changing API call must carry.
 */
export async function consoleSessionHeaders(bffUrl) {
  const response = await fetch(`${bffUrl}/api/session`);
  if (!response.ok) throw new Error(`GET /api/session answered ${response.status}`);
  const { csrfToken } = await response.json();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

/** POSTs JSON to the BFF (with session headers) and returns the parsed answer; throws on non-2xx. */
export async function postJson(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
