import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Gzip level of the sizes we report (Vite's build report uses the same default). */
function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file)).length;
}

function readManifest(distDir) {
  const file = path.join(distDir, '.vite/manifest.json');
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: build the console (\`pnpm --filter @ses-console/console build\`) with build.manifest on`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The manifest keys a chunk loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest, key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

function sizesOf(distDir, files) {
  return [...files].sort().map((file) => {
    const full = path.join(distDir, file);
    return { file, raw: fs.statSync(full).size, gzip: gzipSize(full) };
  });
}

const total = (list, field) => list.reduce((n, f) => n + f[field], 0);

/**
 * The console's initial JS and CSS (what `index.html` loads before any route) and the extra the list
 * route's lazy chunk pulls in, from Vite's manifest, cross-checked against `index.html`.
 */
export function measureBundle(distDir, listRouteKey = 'src/app/routes/identities.tsx') {
  const manifest = readManifest(distDir);
  const initialKeys = staticClosure(manifest, 'index.html');
  const filesOf = (keys) => {
    const js = new Set();
    const css = new Set();
    for (const key of keys) {
      const chunk = manifest[key];
      if (chunk?.file?.endsWith('.js')) js.add(chunk.file);
      for (const c of chunk?.css ?? []) css.add(c);
    }
    return { js, css };
  };
  const initial = filesOf(initialKeys);
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  for (const file of initial.js) {
    if (!html.includes(`/${file}`))
      throw new Error(`index.html does not load ${file}: the manifest walk is wrong`);
  }
  if (!manifest[listRouteKey])
    throw new Error(`no ${listRouteKey} in the manifest: is the list route still lazy?`);
  const routeKeys = [...staticClosure(manifest, listRouteKey)].filter((k) => !initialKeys.has(k));
  const route = filesOf(routeKeys);
  for (const file of initial.css) route.css.delete(file);
  const initialJs = sizesOf(distDir, initial.js);
  const initialCss = sizesOf(distDir, initial.css);
  const routeJs = sizesOf(distDir, route.js);
  const routeCss = sizesOf(distDir, route.css);
  return {
    initialJs,
    initialCss,
    routeJs,
    routeCss,
    initialJsGzip: total(initialJs, 'gzip'),
    initialCssGzip: total(initialCss, 'gzip'),
    routeJsGzip: total(routeJs, 'gzip'),
    routeCssGzip: total(routeCss, 'gzip'),
  };
}
