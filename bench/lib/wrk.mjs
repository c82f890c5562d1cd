import { spawn } from 'node:child_process';
import path from 'node:path';
import { cpuTimeMs } from './processes.mjs';
import { repoRoot } from './servers.mjs';

/** The one wrk script of the capacity rows (operations, fixed SigV4-shaped headers, 2xx counting). */
export const CAPACITY_SCRIPT = path.join(repoRoot, 'bench/wrk/capacity.lua');

/** The load every capacity row uses: 2 wrk threads holding 8 keep-alive connections. */
export const WRK_THREADS = 2;
export const WRK_CONNECTIONS = 8;

/**
 * Runs `command args` under bash and returns its output with the CPU time (user + system, ms) the
 * command used: bash's `times` builtin reports its waited-for children exactly, so a short-lived load
 * generator is measured to its last tick (polling /proc would miss the end).
 */
export function runTimed(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bash', command, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      // `times` prints the shell's own user/system times, then its children's: "0m1.234s 0m0.567s".
      const lines = stderr.trim().split('\n');
      const children = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines.at(-1) ?? '');
      const cpuMs = children
        ? (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) *
          1000
        : Number.NaN;
      resolve({ code, stdout, stderr: lines.slice(0, -2).join('\n'), cpuMs });
    });
  });
}

/**
 * One wrk run of `seconds` against `url` with `scriptArgs` (operation, region, tag, extra — see
 * capacity.lua), measuring the server's CPU (`serverPid`, from /proc) over the same run. Returns the 2xx
 * answers per second, what else came back, latency, and both CPU times.
 */
export async function runWrk({ wrk, url, scriptArgs, seconds, serverPid }) {
  const serverBefore = cpuTimeMs(serverPid);
  const run = await runTimed(wrk, [
    `-t${WRK_THREADS}`,
    `-c${WRK_CONNECTIONS}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    CAPACITY_SCRIPT,
    url,
    '--',
    ...scriptArgs.map(String),
  ]);
  const serverCpuMs = cpuTimeMs(serverPid) - serverBefore;
  const line = /^WRK_RESULT (\{.*\})$/m.exec(run.stdout);
  if (run.code !== 0 || !line) {
    throw new Error(
      `wrk ${scriptArgs.join(' ')} failed (exit ${run.code}): ${run.stderr || run.stdout}`.trim(),
    );
  }
  const result = JSON.parse(line[1]);
  const elapsedS = result.durationUs / 1e6;
  return {
    ok: result.ok,
    bad: result.bad,
    firstBadStatus: result.firstBadStatus,
    socketErrors: result.socketErrors,
    rate: result.ok / elapsedS,
    p50Ms: result.p50Us / 1000,
    p99Ms: result.p99Us / 1000,
    clientCpuMs: run.cpuMs,
    serverCpuMs,
  };
}
