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
