import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  assetFiles,
  type ConsoleServer,
  copyBuiltConsole,
  redeployWithNewChunkNames,
  removeFolder,
  startConsoleServer,
  tempFolder,
} from '../support/console-server';

/**
 * This journey stops, restarts and redeploys its own console server (the built BFF serving a copy of
 * the built console), so the shared one the config starts is never disturbed.
 */
test('a user keeps working through a server outage and a redeploy: stale data is flagged, a failed page offers Reload, a new build reloads once by itself', async ({
  page,
}) => {
  const folder = tempFolder('redeploy');
  const dist = copyBuiltConsole(path.join(folder, 'dist'));
  const dataDir = path.join(folder, 'data');
  let server: ConsoleServer = await startConsoleServer({ consoleDist: dist, dataDir });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name });
  const sideNavigation = page.getByRole('navigation', { name: 'Side navigation' });
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });

  try {
    const beforeLoad = Date.now();
    await page.goto(`${server.url}/identities?region=us-east-1`);
    await expect(heading('Verified identities')).toBeVisible();
    await expect(page.getByText('No identities', { exact: true })).toBeVisible();
    const afterLoad = Date.now();

    await test.step('the server stops: a refresh keeps the list under a warning with the time of the last load', async () => {
      await server.stop();
      await page.getByRole('button', { name: 'Refresh identities' }).click();
      const warning = page.getByText('The identities could not be refreshed');
      await expect(warning).toBeVisible();
      const loadedAt = Date.parse((await page.locator('time').getAttribute('datetime')) ?? '');
      expect(loadedAt).toBeGreaterThanOrEqual(beforeLoad);
      expect(loadedAt).toBeLessThanOrEqual(afterLoad);
      await expect(page.getByText(/Could not reach the server/)).toBeVisible();
    });

    await test.step('a page not loaded yet shows the in-app error with Reload, inside the shell', async () => {
      await sideNavigation.getByRole('link', { name: 'Configuration sets' }).click();
      await expect(heading('This page could not be loaded')).toBeVisible();
      await expect(page.getByText('The server could not be reached')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
      await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
      await expect(sideNavigation.getByRole('link', { name: 'Verified identities' })).toBeVisible();
      await expect(page).toHaveURL(/\/configuration-sets\?region=us-east-1/);
      await expect.poll(() => loads).toBe(1);
    });

    await test.step('the server is back: Reload opens the page', async () => {
      server = await startConsoleServer({ consoleDist: dist, dataDir, port: server.port });
      await page.getByRole('button', { name: 'Reload' }).click();
      await expect(heading('Configuration sets')).toBeVisible();
      await expect.poll(() => loads).toBe(2);
    });

    await test.step('a redeploy renames every chunk: the next page reloads the app by itself, once, and opens', async () => {
      const before = assetFiles(dist);
      redeployWithNewChunkNames(dist, 'v2');
      expect(assetFiles(dist).some((file) => before.includes(file))).toBe(false);
      await sideNavigation.getByRole('link', { name: 'Activity' }).click();
      await expect(heading('Activity')).toBeVisible();
      await expect(page).toHaveURL(/\/activity\?/);
      await expect.poll(() => loads).toBe(3);
      // The page now runs the new build.
      const scripts = await page
        .locator('script[type="module"]')
        .evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).src));
      expect(scripts.some((src) => src.includes('.v2.js'))).toBe(true);
    });

    await test.step('the new build lacks a page: one reload, then the error with Reload instead of a loop', async () => {
      // Every Mailbox chunk: a dist/ that was built more than once still holds older builds' files.
      const mailboxChunks = assetFiles(dist).filter((file) => /^mailbox-.*\.js$/.test(file));
      expect(mailboxChunks.length).toBeGreaterThan(0);
      for (const chunk of mailboxChunks) fs.rmSync(path.join(dist, 'assets', chunk));
      await sideNavigation.getByRole('link', { name: 'Mailbox' }).click();
      await expect(heading('This page could not be loaded')).toBeVisible();
      await expect(page.getByText('The console was updated')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
      await expect(page).toHaveURL(/\/mailbox\?/);
      // This build reloaded once for itself (its page was already the newest), then stopped.
      await expect.poll(() => loads).toBe(4);
    });
  } finally {
    await server.stop();
    removeFolder(folder);
  }
});
