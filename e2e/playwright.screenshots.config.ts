import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `pnpm --filter @ses-console/e2e screenshots`: seeds demo data and writes docs/screenshots/*.png. */
export default defineConfig({
  ...base,
  testDir: './scripts',
  testMatch: /.*\.ts$/,
  retries: 0,
  reporter: [['list']],
  use: { ...base.use, viewport: { width: 1440, height: 900 } },
});
