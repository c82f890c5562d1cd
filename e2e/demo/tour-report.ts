import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The first lines of an error (Playwright's: what failed, expected, received), without colours. */
function summarize(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(ANSI_COLOURS, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' — ');
}

export interface TourStep {
  number: number;
  title: string;
  what: string;
  result: string;
  passed: boolean;
  screenshot: string;
  durationMs: number;
}

/**
 * Runs the tour's steps one by one: each gets a number, a screenshot (also when it fails) and a line
 * in `REPORT.md` / `tour-results.json`. A failed step does not stop the tour; `failed` lists them.
 */
export class TourRecorder {
  readonly steps: TourStep[] = [];
  private readonly started = Date.now();

  constructor(
    private readonly page: Page,
    private readonly outputDir: string,
  ) {}

  get failed(): TourStep[] {
    return this.steps.filter((s) => !s.passed);
  }

  /**
   * `run` performs the procedure with the page objects and returns what it observed. The screenshot
   * `NN-<slug>.png` is taken afterwards (`fullPage`: the whole page, the top bar kept on top).
   */
  async step(
    slug: string,
    title: string,
    what: string,
    run: () => Promise<string>,
    options: { fullPage?: boolean } = {},
  ): Promise<void> {
    const number = this.steps.length + 1;
    const screenshot = `${String(number).padStart(2, '0')}-${slug}.png`;
    const start = Date.now();
    let result: string;
    let passed = true;
    try {
      result = await run();
    } catch (error) {
      passed = false;
      result = `FAILED: ${summarize(error)}`;
    }
    const durationMs = Date.now() - start;
    await this.capture(screenshot, options.fullPage ?? false).catch(() => {});
    this.steps.push({ number, title, what, result, passed, screenshot, durationMs });
    console.log(`[tour] ${passed ? 'ok    ' : 'FAILED'} ${number}. ${title} (${durationMs} ms)`);
  }

  private async capture(file: string, fullPage: boolean): Promise<void> {
    const target = path.join(this.outputDir, file);
    if (!fullPage) {
      await this.page.screenshot({ path: target });
      return;
    }
    // Grow the viewport instead of `fullPage`, which would stitch the sticky top bar mid-page.
    const viewport = this.page.viewportSize() ?? { width: 1440, height: 900 };
    const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
    await this.page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    await this.page.screenshot({ path: target });
    await this.page.setViewportSize(viewport);
  }

  /** Writes REPORT.md and tour-results.json (counted by `npm test`). */
  write(context: { url: string; seed?: string }): void {
    const passed = this.steps.length - this.failed.length;
    const total = ((Date.now() - this.started) / 1000).toFixed(1);
    const lines = [
      '# Demo tour',
      '',
      `${passed} of ${this.steps.length} steps passed in ${total} s — ${this.failed.length ? `**${this.failed.length} failed**` : 'all green'}.`,
      '',
      `- Console: ${context.url}`,
      ...(context.seed ? [`- Demo account: ${context.seed}`] : []),
      `- Written: ${new Date().toISOString()}`,
      '',
      'The procedures of the SES guide "Managing identities", walked with the page objects in `e2e/pages`.',
      '',
    ];
    for (const step of this.steps) {
      lines.push(
        `## ${step.number}. ${step.title} — ${step.passed ? 'passed' : '**FAILED**'}`,
        '',
        `- **Done:** ${step.what}`,
        `- **Result:** ${step.result}`,
        `- **Duration:** ${(step.durationMs / 1000).toFixed(1)} s`,
        '',
        `[![${step.title}](${step.screenshot})](${step.screenshot})`,
        '',
      );
    }
    fs.writeFileSync(path.join(this.outputDir, 'REPORT.md'), lines.join('\n'));
    fs.writeFileSync(
      path.join(this.outputDir, 'tour-results.json'),
      `${JSON.stringify({ passed, failed: this.failed.length, steps: this.steps }, null, 2)}\n`,
    );
  }
}
