import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';
import {
  authBffPort,
  authDnsPort,
  authEmulatorPort,
  authPort,
  authUrl,
  emulatorPort,
  consolePort as port,
} from './env';

const reportDir = process.env.TEST_REPORT_DIR;
const dataDir = path.join(os.tmpdir(), `ses-console-e2e-${process.pid}`);
const authDataDir = path.join(os.tmpdir(), `ses-console-e2e-auth-${process.pid}`);

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
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    // The console as users run it by default: AUTH_MODE=none on loopback.
    { name: 'console', testIgnore: /admin-portal\// },
    // Sign-in, roles and the audit log: AUTH_MODE=proxy behind a stand-in for oauth2-proxy.
    { name: 'admin-portal', testMatch: /admin-portal\/.*\.spec\.ts/, use: { baseURL: authUrl } },
  ],
  webServer: [
    {
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
    {
      command: 'node ../apps/bff/dist/index.js',
      url: `http://127.0.0.1:${authBffPort}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(authBffPort),
        HOST: '127.0.0.1',
        EMULATOR_PORT: String(authEmulatorPort),
        EMULATOR_DNS_PORT: String(authDnsPort),
        EMULATOR_VERIFICATION: 'auto',
        DATA_DIR: authDataDir,
        SES_BACKEND: 'emulator',
        LOG_LEVEL: 'warn',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AUTH_MODE: 'proxy',
        TRUSTED_PROXIES: '127.0.0.1',
        // The console's public address is the proxy's: browsers send its Host and Origin.
        ALLOWED_HOSTS: `127.0.0.1:${authPort}`,
        ROLE_GROUPS: JSON.stringify({ admin: ['ses-admins'], operator: ['ses-operators'], viewer: ['*'] }),
        PROXY_SIGN_OUT_URL: '/oauth2/sign_out',
      },
    },
    {
      command: 'node support/auth-proxy.mjs',
      url: `${authUrl}/oauth2/sign_out`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { AUTH_PROXY_PORT: String(authPort), AUTH_PROXY_UPSTREAM: `http://127.0.0.1:${authBffPort}` },
    },
  ],
});
