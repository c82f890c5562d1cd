import { describe, expect, it } from 'vitest';
import { measureBundle } from '../lib/bundle-size.mjs';
import { consoleDist, INITIAL_JS_BUDGET } from '../suites/bundle.mjs';

describe('console bundle budget', () => {
  it('when the console is built, then the JS index.html loads before any route stays within the gzip budget', () => {
    const bundle = measureBundle(consoleDist);
    const files = bundle.initialJs.map((f) => `${f.file}: ${f.gzip} B gzip`).join(', ');
    expect(bundle.initialJs.length, 'index.html loads no JS').toBeGreaterThan(0);
    expect(bundle.initialJsGzip, `initial JS ${bundle.initialJsGzip} B gzip (${files})`).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET,
    );
  });

  it('when the console is built, then the identities list is still a lazy route outside the initial chunks', () => {
    const bundle = measureBundle(consoleDist);
    const initial = new Set(bundle.initialJs.map((f) => f.file));
    expect(bundle.routeJs.length).toBeGreaterThan(0);
    for (const file of bundle.routeJs) expect(initial.has(file.file)).toBe(false);
  });
});
