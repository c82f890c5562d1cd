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
    const after = fs.existsSync(benchmarks) ? fs.readFileSync(benchmarks, 'utf8') : undefined;
    expect(after).toBe(before);
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
});
