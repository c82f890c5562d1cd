import path from 'node:path';
import { measureBundle } from '../lib/bundle-size.mjs';
import { repoRoot } from '../lib/servers.mjs';
import { formatBytes } from '../lib/stats.mjs';

/** The CI budget (bench/test/bundle-budget.test.ts) and the target: initial JS, gzip, bytes. */
export const INITIAL_JS_BUDGET = 300_000;

export const consoleDist = path.join(repoRoot, 'apps/console/dist');

/** Initial JS and CSS of the list route, and what its lazy chunk adds (deterministic: measured once). */
export function bundleBenchmarks() {
  const b = measureBundle(consoleDist);
  const list = (files) => files.map((f) => `${path.basename(f.file)} ${formatBytes(f.gzip)}`).join(', ');
  return [
    {
      group: 'Console bundle (gzip)',
      name: 'Initial JS (what index.html loads before any route)',
      target: `≤ ${formatBytes(INITIAL_JS_BUDGET)}`,
      measured: `${formatBytes(b.initialJsGzip)} (${list(b.initialJs)})`,
      ratio: `${(b.initialJsGzip / INITIAL_JS_BUDGET).toFixed(2)} of target`,
      met: b.initialJsGzip <= INITIAL_JS_BUDGET,
      note: 'checked in CI by bench/test/bundle-budget.test.ts; the shell is React, React Router, TanStack Query and the Cloudscape AppLayout with its navigation, breadcrumbs and Flashbar; every page is a lazy route',
    },
    {
      group: 'Console bundle (gzip)',
      name: 'Initial CSS',
      target: '(no target)',
      measured: `${formatBytes(b.initialCssGzip)} (${list(b.initialCss)})`,
      ratio: 'n/a',
      met: null,
      note: 'mostly @cloudscape-design/global-styles (its fonts are inlined) and the shell components’ styles',
    },
    {
      group: 'Console bundle (gzip)',
      name: 'List route’s lazy chunk and the chunks it adds',
      target: '(no target)',
      measured: `JS ${formatBytes(b.routeJsGzip)} in ${b.routeJs.length} files, CSS ${formatBytes(b.routeCssGzip)}; page total JS ${formatBytes(b.initialJsGzip + b.routeJsGzip)}`,
      ratio: 'n/a',
      met: null,
      note: 'from the Vite manifest: src/app/routes/identities.tsx and its static imports not already in the initial set',
    },
  ];
}
