// `pnpm bench`: server capacity (wrk and dnsperf against the emulator, moto, aws-ses-v2-local, dnsmasq
// and a bare Node ceiling), the emulator against moto and aws-ses-v2-local end to end through the SDK,
// the BFF, the console in headless Chromium, bulk delete under throttling, All accounts × All regions (3 accounts through STS), the
// bundle and the emulator process — in one run, with a
// Markdown table printed and written to BENCHMARKS.md. `--quick` runs a small version (for CI) and
// writes bench/results-quick.md instead; `--out FILE` writes elsewhere. `--only all-accounts` runs that
// suite alone (`--only scale` the scale rows, `--only capacity` the capacity rows) and only prints its
// report (unless `--out` is given), to measure a row without regenerating the whole of BENCHMARKS.md.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findings } from './lib/findings.mjs';
import { describeEnvironment } from './lib/machine.mjs';
import { renderReport } from './lib/report.mjs';
import { emulatorControl } from './lib/sdk-client.mjs';
import { motoAvailable, repoRoot, startBffProcess } from './lib/servers.mjs';
import { allAccountsBenchmarks } from './suites/all-accounts.mjs';
import { bffBenchmarks } from './suites/bff.mjs';
import { bulkDeleteBenchmark } from './suites/bulk-delete.mjs';
import { bundleBenchmarks } from './suites/bundle.mjs';
import { consoleBenchmarks } from './suites/console.mjs';
import { emulatorVsPeers } from './suites/emulator-vs-peers.mjs';
import { inputScalingBenchmarks } from './suites/input-scaling.mjs';
import { memoryBenchmarks } from './suites/memory.mjs';
import { scaleBenchmarks } from './suites/scale.mjs';
import { serverCapacityBenchmarks } from './suites/server-capacity.mjs';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const quick = process.argv.includes('--quick');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const ONLY_SUITES = ['all-accounts', 'scale', 'capacity'];
if (only !== undefined && !ONLY_SUITES.includes(only)) {
  process.stderr.write(`[bench] --only takes one of ${ONLY_SUITES.join(', ')}, not "${only}"\n`);
  process.exit(2);
}
const outIndex = process.argv.indexOf('--out');
const outFile =
  outIndex > 0
    ? path.resolve(process.argv[outIndex + 1])
    : only
      ? undefined
      : path.join(repoRoot, quick ? 'bench/results-quick.md' : 'BENCHMARKS.md');

const REGION = 'us-east-1';
const config = quick
  ? {
      rounds: 1,
      concurrency: 8,
      createCount: 100,
      getCount: 100,
      listCount: 50,
      listIdentities: 1_000,
      drains: 2,
      sendCount: 100,
      identities: 1_000,
      listRuns: 2,
      detailCount: 5,
      consoleRuns: 1,
      sortsPerRun: 2,
      bulkDelete: { count: 100, rate: 50 },
      coldStarts: 2,
      inputScaling: { linkRepeats: 142_000, linkRuns: 3, batchSize: 4_000, batchRuns: 1 },
      allAccounts: { perRegion: 50, listRuns: 2, consoleRuns: 1 },
      capacity: { rounds: 1, seconds: 1, warmupSeconds: 0, bigList: 1_000 },
      scale: { regions: 3, perRegion: 100, listRuns: 2, consoleRuns: 1, sortsPerRun: 2, coldStarts: 1 },
    }
  : {
      rounds: 3,
      concurrency: 8,
      createCount: 1_000,
      getCount: 2_000,
      listCount: 600,
      listIdentities: 10_000,
      drains: 10,
      sendCount: 1_500,
      identities: 10_000,
      listRuns: 10,
      detailCount: 50,
      consoleRuns: 5,
      sortsPerRun: 4,
      bulkDelete: { count: 1_000, rate: 50 },
      coldStarts: 10,
      inputScaling: { linkRepeats: 142_000, linkRuns: 10, batchSize: 40_000, batchRuns: 3 },
      allAccounts: { perRegion: 2_500, listRuns: 10, consoleRuns: 5 },
      capacity: { rounds: 4, seconds: 2, warmupSeconds: 1, bigList: 1_000 },
      scale: { regions: 10, perRegion: 10_000, listRuns: 5, consoleRuns: 3, sortsPerRun: 4, coldStarts: 5 },
    };

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** BFF, console and bulk delete share one BFF process holding `identities` identities. */
async function throughTheBff() {
  const bff = await startBffProcess();
  try {
    await emulatorControl(bff.emulatorUrl).seed({ identities: config.identities, regions: [REGION] });
    log('BFF: listing and detail');
    const { names, rows } = await bffBenchmarks(bff, config, REGION);
    log('console in headless Chromium');
    rows.push(...(await consoleBenchmarks(bff, config, REGION)));
    log('bulk delete under throttling');
    rows.push(...(await bulkDeleteBenchmark(bff, names, config, REGION)));
    return rows;
  } finally {
    await bff.stop();
  }
}

const startedAt = new Date();
const t0 = performance.now();
const environment = describeEnvironment({ motoVersion: await motoAvailable() });
const rows = [];
const where = outFile ? path.relative(process.cwd(), outFile) || outFile : 'standard output only';
log(`${quick ? 'quick' : 'full'} run${only ? ` of ${only} only` : ''}; results go to ${where}`);
if (!only || only === 'capacity') {
  log('server capacity: wrk and dnsperf against the emulator and its peers');
  rows.push(...(await serverCapacityBenchmarks(config)));
}
if (!only) {
  log('emulator vs moto and aws-ses-v2-local, end to end through the SDK');
  rows.push(...(await emulatorVsPeers(config)));
  rows.push(...(await throughTheBff()));
}
if (!only || only === 'all-accounts') {
  log('All accounts × All regions: 3 accounts through STS, BFF and console');
  rows.push(...(await allAccountsBenchmarks(config)));
}
if (!only || only === 'scale') {
  log(`scale: ${config.scale.regions} Regions × ${config.scale.perRegion} identities`);
  rows.push(...(await scaleBenchmarks(config)));
}
if (!only) {
  log('emulator process: memory and cold start');
  rows.push(...(await memoryBenchmarks(config)));
  log('emulator input scaling: link scan, large Route 53 batch');
  rows.push(...(await inputScalingBenchmarks(config)));
  rows.push(...bundleBenchmarks());
}

const report = renderReport({
  rows,
  environment,
  mode: quick ? 'quick' : 'full',
  startedAt,
  durationMs: performance.now() - t0,
  command: `pnpm bench${quick ? ' --quick' : ''}${only ? ` --only ${only}` : ''}`,
  findings,
  context: [
    'Taken on a 2-core machine; the load average at the start is below (earlier runs shared it with other builds and moved by 1.5–2×, see the findings). Peer comparisons alternate rounds between the two servers so any noise hits both alike.',
    ...(quick
      ? ['Quick mode: small counts and single runs, to check the bench completes; do not read the numbers.']
      : []),
  ],
});
if (outFile) fs.writeFileSync(outFile, report);
process.stdout.write(report);
log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s${outFile ? `; wrote ${outFile}` : ''}`);
