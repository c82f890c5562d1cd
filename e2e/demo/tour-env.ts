import path from 'node:path';

/**
 * Where the demo tour runs: its own ports (never the e2e server's 18080/14566/11053 nor `npm start`'s
 * 8080/4566/10053), or an already running demo when `DEMO_URL` is given.
 */
export const tourPort = Number(process.env.DEMO_TOUR_PORT ?? 18090);
export const tourEmulatorPort = Number(process.env.DEMO_TOUR_EMULATOR_PORT ?? 14576);
export const tourDnsPort = Number(process.env.DEMO_TOUR_DNS_PORT ?? 11063);
export const reusedUrl = process.env.DEMO_URL?.replace(/\/+$/, '') || undefined;
export const tourUrl = reusedUrl ?? `http://127.0.0.1:${tourPort}`;

/** Numbered screenshots, REPORT.md and tour-results.json (git-ignored). */
export const outputDir = path.resolve(
  process.env.DEMO_OUTPUT_DIR ?? path.join(import.meta.dirname, '../../demo-output'),
);

/** The Region where the tour creates, edits and deletes its own identities. */
export const tourRegion = 'eu-west-1';
