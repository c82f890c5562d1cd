import { performance } from 'node:perf_hooks';
import { percentile } from './stats.mjs';

/**
 * Runs `operation(i)` for i in 0…count-1 with at most `concurrency` in flight (the same bound for
 * every server compared), timing each call. Failed calls are counted, not timed, and the first
 * error is kept so a report can say why.
 */
export async function runLoad({ count, concurrency, operation }) {
  const latencies = [];
  let errors = 0;
  let firstError;
  let next = 0;
  async function lane() {
    while (next < count) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      try {
        await operation(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const elapsedMs = performance.now() - started;
  return {
    count,
    ok: latencies.length,
    errors,
    firstError: firstError ? describe(firstError) : undefined,
    elapsedMs,
    throughput: (latencies.length / elapsedMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
  };
}

/**
 * Folds several rounds of the same load into one result: throughput is the median round's, the
 * percentiles come from every round's latencies together.
 */
export function combineRounds(rounds) {
  const byThroughput = [...rounds].sort((a, b) => a.throughput - b.throughput);
  const middle = byThroughput[Math.floor((byThroughput.length - 1) / 2)];
  const latencies = rounds.flatMap((r) => r.latencies);
  const errors = rounds.reduce((n, r) => n + r.errors, 0);
  return {
    count: rounds.reduce((n, r) => n + r.count, 0),
    ok: latencies.length,
    errors,
    firstError: rounds.find((r) => r.firstError)?.firstError,
    throughput: middle.throughput,
    rounds: rounds.map((r) => r.throughput),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
  };
}

function describe(error) {
  const status = error?.$metadata?.httpStatusCode;
  return `${error?.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${String(error?.message ?? error).slice(0, 160)}`;
}

/** Runs `fn` `runs` times one after another and returns the durations (ms). */
export async function timeRuns(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}
