import { cpuTimeMs } from './processes.mjs';
import { runTimed } from './wrk.mjs';

/** dnsperf's load, the DNS twin of wrk's 2 threads × 8 connections: 2 threads, 8 sockets, 64 queries in flight. */
export const DNSPERF_THREADS = 2;
export const DNSPERF_CLIENTS = 8;
export const DNSPERF_OUTSTANDING = 64;

function field(text, pattern) {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * One dnsperf run of `seconds` over the queries in `queriesFile` (one "name TYPE" a line) against
 * 127.0.0.1:`port`, measuring the server's CPU (`serverPid`) over the same run. Only NOERROR answers
 * count; the caller checks beforehand that they carry the expected records.
 */
export async function runDnsperf({ dnsperf, port, queriesFile, seconds, serverPid }) {
  const serverBefore = cpuTimeMs(serverPid);
  const run = await runTimed(dnsperf, [
    '-s',
    '127.0.0.1',
    '-p',
    String(port),
    '-d',
    queriesFile,
    '-l',
    String(seconds),
    '-T',
    String(DNSPERF_THREADS),
    '-c',
    String(DNSPERF_CLIENTS),
    '-q',
    String(DNSPERF_OUTSTANDING),
  ]);
  const serverCpuMs = cpuTimeMs(serverPid) - serverBefore;
  const out = run.stdout;
  const runTimeS = field(out, /Run time \(s\):\s+([\d.]+)/);
  if (run.code !== 0 || !Number.isFinite(runTimeS)) {
    throw new Error(`dnsperf failed (exit ${run.code}): ${(run.stderr || out).slice(-500)}`);
  }
  const noError = field(out, /NOERROR (\d+)/);
  const ok = Number.isFinite(noError) ? noError : 0;
  const completed = field(out, /Queries completed:\s+(\d+)/);
  return {
    ok,
    bad: completed - ok,
    lost: field(out, /Queries lost:\s+(\d+)/),
    rate: ok / runTimeS,
    avgLatencyMs: field(out, /Average Latency \(s\):\s+([\d.]+)/) * 1000,
    clientCpuMs: run.cpuMs,
    serverCpuMs,
  };
}
