import path from 'node:path';

/**
 * Reporters for every package's vitest run: the usual console output, plus a JSON report
 * under TEST_REPORT_DIR when the root `npm test` asks for one (it sums the counts).
 */
export function testReporters(packageName: string): Array<string | [string, Record<string, unknown>]> {
  const dir = process.env.TEST_REPORT_DIR;
  if (!dir) return ['default'];
  return ['default', ['json', { outputFile: path.join(dir, `vitest-${packageName}.json`) }]];
}
