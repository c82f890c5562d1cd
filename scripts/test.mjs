// `npm test`: set up, make sure Chromium is there, then run lint, typecheck, the docs-path check,
// unit/integration tests, e2e and the demo tour, and end with one line `N passed, N failed` summing
// every runner's counts.
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath as chromium } from '../e2e/chromium.mjs';
import { bootstrap, log, root, run, setupStep } from './bootstrap.mjs';

/** Debian's Chromium for the browser tests: installed as one more set-up phase when it is missing. */
async function ensureChromium() {
  if (fs.existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `[test] Chromium not found at ${chromium}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and try again.\n`,
    );
    process.exit(1);
  }
  await setupStep('apt-get update (for Debian chromium)', 'apt-get', ['update']);
  await setupStep('installing Debian chromium for the browser tests', 'apt-get', [
    'install',
    '-y',
    '--no-install-recommends',
    'chromium',
  ]);
}

await bootstrap(ensureChromium);

const reportDir = path.join(root, '.test-reports');
fs.rmSync(reportDir, { recursive: true, force: true });
fs.mkdirSync(reportDir, { recursive: true });
process.env.TEST_REPORT_DIR = reportDir;

const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

/** A step that is one check (lint, typecheck): it passes or fails as a whole. */
function check(name, cmd, args) {
  log(`${name}`);
  const ok = run(cmd, args) === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  steps.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** A step that runs a test runner writing JSON reports; its counts are summed. */
function suite(name, cmd, args, collect, options = {}) {
  log(name);
  const status = run(cmd, args, options);
  const counts = collect();
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // crashed before reporting a failure
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  steps.push(
    `${name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
  );
}

function vitestCounts() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const file of fs.readdirSync(reportDir).filter((f) => f.startsWith('vitest-'))) {
    const report = readJson(path.join(reportDir, file));
    if (!report) continue;
    counts.passed += report.numPassedTests ?? 0;
    const failedTests = report.numFailedTests ?? 0;
    // A suite that failed to load has no failed tests of its own: count it once.
    counts.failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  return counts;
}

/** The demo tour counts its steps like tests (demo-output/tour-results.json, written by the tour). */
const tourResults = path.join(root, 'demo-output', 'tour-results.json');
function tourCounts() {
  const results = readJson(tourResults);
  return { passed: results?.passed ?? 0, failed: results?.failed ?? 0, skipped: 0 };
}

/** node:test files in scripts/ (the docs-path check) report TAP into a file; its summary lines count. */
const nodeTestReport = path.join(reportDir, 'node-test.tap');
function nodeTestCounts() {
  const tap = fs.existsSync(nodeTestReport) ? fs.readFileSync(nodeTestReport, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
}

function playwrightCounts() {
  const stats = readJson(path.join(reportDir, 'playwright.json'))?.stats;
  if (!stats) return { passed: 0, failed: 0, skipped: 0 };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

check('lint', 'pnpm', ['exec', 'biome', 'check', '.']);
check('typecheck', 'pnpm', ['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']);
suite(
  'docs paths (node:test)',
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${nodeTestReport}`,
    ...fs
      .readdirSync(path.join(root, 'scripts'))
      .filter((f) => f.endsWith('.test.mjs'))
      .map((f) => path.join('scripts', f)),
  ],
  nodeTestCounts,
);
suite(
  'unit and integration tests',
  'pnpm',
  ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue'],
  vitestCounts,
);
suite(
  'end-to-end tests (Playwright, Chromium)',
  'pnpm',
  ['--filter', '@ses-console/e2e', 'run', 'e2e'],
  playwrightCounts,
);
// The tour on its own ports (never the e2e server's), on the small demo account to stay quick.
fs.rmSync(tourResults, { force: true });
suite(
  'demo tour (Playwright, Chromium)',
  'pnpm',
  ['--filter', '@ses-console/e2e', 'run', 'demo:tour'],
  tourCounts,
  {
    env: {
      ...process.env,
      DEMO_SIZE: process.env.DEMO_SIZE || 'small',
      DEMO_OUTPUT_DIR: path.dirname(tourResults),
    },
  },
);

process.stdout.write(`\n${steps.map((s) => `  ${s}`).join('\n')}\n`);
process.stdout.write(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`,
);
process.exit(totals.failed === 0 ? 0 : 1);
