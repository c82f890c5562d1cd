import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { emulatorPort, consolePort as port } from './env';

const reportDir = process.env.TEST_REPORT_DIR;
const dataDir = path.join(os.tmpdir(), `ses-console-e2e-${process.pid}`);

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: reportDir
    ? [['list'], ['json', { outputFile: path.join(reportDir, 'playwright.json') }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    command: 'node ../apps/bff/dist/index.js',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_DNS_PORT: process.env.E2E_DNS_PORT ?? '11053',
      DATA_DIR: dataDir,
      SES_BACKEND: 'emulator',
      LOG_LEVEL: 'warn',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  },
});
