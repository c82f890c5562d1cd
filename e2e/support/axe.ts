import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

/** axe-core's browser build, read from the installed package (never fetched). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One line per failing node: rule, impact, where, and what axe says to fix. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact ?? 'n/a'}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
    )
    .join('\n');
}

/**
 * Runs axe-core on the page as it is now (every rule axe runs by default: WCAG 2 A/AA and best
 * practices) and returns the violations. The page's CSP allows no inline script: the test's context
 * needs `bypassCSP: true` for the injected tag.
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: axeSource });
  // Only violations are collected: passes and incomplete results are the slow part of a run.
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  );
  return results.violations;
}
