import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

it('when the bench runs in quick mode, then it completes and writes a report without touching BENCHMARKS.md', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ses-bench-quick-')), 'results.md');
  const benchmarks = path.join(benchDir, '../BENCHMARKS.md');
  const before = fs.existsSync(benchmarks) ? fs.readFileSync(benchmarks, 'utf8') : undefined;
  try {
    const run = spawnSync(process.execPath, ['run.mjs', '--quick', '--out', out], {
      cwd: benchDir,
      encoding: 'utf8',
      timeout: 230_000,
    });
    expect(run.status, `bench --quick failed:\n${run.stderr.slice(-3000)}`).toBe(0);
    const report = fs.readFileSync(out, 'utf8');
    expect(report).toContain('| Benchmark | Target | Measured | Ratio | Result |');
    expect(report).toContain('Initial JS');
    // Issue 18's row: three accounts through STS, every account × Region listed (else the suite throws).
    expect(report).toContain('| **All accounts × All regions** |');
    expect(report).toMatch(
      /\| BFF: 3 accounts × 4 Regions × 50 identities \(600 rows, .*\| (met|\*\*MISSED\*\*) \|/,
    );
    expect(report).toMatch(
      /\| BFF: the same 600 rows, All accounts vs one account holding them all .*\| (met|\*\*MISSED\*\*) \|/,
    );
    // Issue 19's capacity rows: each one present with a target, a measured value and a ratio (not their values).
    expect(report).toContain('| **Server capacity (compiled load generators, 2xx answers only)** |');
    const capacityRows = [
      'GetEmailIdentity vs moto',
      'GetEmailIdentity vs the ceiling: a bare Node `http` server answering the same bytes',
      'CreateEmailIdentity (a new address per request) vs moto',
      'ListEmailIdentities, a page of 100 vs moto',
      'ListEmailIdentities, a page of 1,000 (1,000 identities) vs moto',
      'Route 53 ChangeResourceRecordSets (an UPSERT of a new record per request) vs moto',
      'DNS queries (A records of one 100-name zone over UDP) vs dnsmasq',
      'SendEmail vs aws-ses-v2-local',
    ];
    for (const name of capacityRows) {
      const line = report.split('\n').find((l) => l.startsWith(`| ${name.replaceAll('|', '\\|')} |`));
      expect(line, `no row "${name}"`).toBeDefined();
      const [target, measured, ratio, result] = (line as string).split(' | ').slice(1);
      expect(target, name).toMatch(/^(≥ .+|\(no target: context\))$/);
      // Measured gives the emulator's 2xx rate and the peer's, or (a tool missing) the apt line that adds it;
      // CI installs the tools (.ci/run), so there the capacity path must have run.
      expect(measured, name).toMatch(
        /^emulator [\d,]+\/s \(median of \d+.*; |^skipped: .*apt-get install -y/,
      );
      if (process.env.CI) expect(measured, name).not.toMatch(/^skipped/);
      expect(ratio, name).toMatch(/^(\d[\d.]*×|\d+% of the ceiling|n\/a)/);
      expect(result, name).toMatch(/^(met|\*\*MISSED\*\*|—) \|$/);
    }
    // The SDK rows stay, under their own heading.
    expect(report).toContain('| **Emulator vs peers, end to end through the SDK** |');
    // Issue 19's scale rows (tiny under --quick: 3 Regions × 100), each with a target, a measured value and a ratio.
    expect(report).toContain('| **Scale: All regions at 100,000 identities** |');
    for (const name of [
      'BFF: All regions list (`GET /api/identities`), 3 Regions × 100 (300 identities)',
      'BFF: peak RSS while answering All regions, 3 Regions × 100 (300 identities)',
      'Console: first rows of All regions, 3 Regions × 100 (300 identities)',
      'Console: sort All regions by Status, 3 Regions × 100 (300 identities)',
      'Emulator: RSS with 3 Regions × 100 (300 identities)',
      'Emulator: cold start on a store of 300 identities',
      'BFF: All accounts × All regions (`GET /api/all-accounts/identities`), 3 accounts × 3 Regions × 34 (306 identities)',
    ]) {
      const line = report.split('\n').find((l) => l.startsWith(`| ${name} |`));
      expect(line, `no row "${name}"`).toBeDefined();
      const [, target, measured, ratio, result] = (line as string).split(' | ');
      expect(target).toMatch(/^≤ \d/);
      expect(measured).toMatch(/\d/);
      expect(ratio).toMatch(/^\d+\.\d\d of target$/);
      expect(result).toMatch(/^(met|\*\*MISSED\*\*) \|$/);
    }
    const after = fs.existsSync(benchmarks) ? fs.readFileSync(benchmarks, 'utf8') : undefined;
    expect(after).toBe(before);
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
});
