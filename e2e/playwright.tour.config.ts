import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';
import { tourUrl } from './demo/tour-env';

/**
 * `pnpm demo:tour`: the demo tour (e2e/demo) against the seeded demo account. The global set-up
 * starts the demo on its own ports (DEMO_TOUR_PORT …) unless DEMO_URL names a running one.
 */
export default defineConfig({
  testDir: './demo',
  testMatch: /tour\.spec\.ts$/,
  globalSetup: './demo/tour-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: tourUrl,
    headless: true,
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    launchOptions: chromiumLaunchOptions(),
  },
});
