import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

const outDir = path.resolve(import.meta.dirname, '../../docs/screenshots');
const region = 'eu-west-1';
const HOURS = 3600;

/**
 * A whole-page capture that keeps the sticky top navigation at the top: the viewport is grown to the
 * page's height instead of using `fullPage`, which would stitch the sticky bar into the middle.
 */
async function capture(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
  await page.screenshot({ path: path.join(outDir, file) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('screenshots of the list, identity and create pages', async ({
  emulator,
  identitiesPage,
  identityPage,
  createIdentityPage,
  page,
}) => {
  test.setTimeout(120_000);
  // Readable names: the screenshot run starts from an empty data dir (see playwright.config.ts).
  await emulator.createDomain(region, 'legacy-brand.com');
  await emulator.advanceClock(72 * HOURS + 60);
  const moved = await emulator.createVerifiedDomain(region, 'newsletter.example.org');
  await emulator.changeRecords(
    moved.zoneId,
    'DELETE',
    emulator.dkimRecords('newsletter.example.org', moved.tokens).slice(0, 1),
  );
  await emulator.createVerifiedDomain(region, 'example.com');
  await emulator.createDomain(region, 'shop.example.com');
  await emulator.createHostedZone('shop.example.com');
  await emulator.createEmailAddress(region, 'billing@example.net');
  await emulator.createEmailAddress(region, 'support@example.com');
  await emulator.verifyEmailAddress('support@example.com');
  await emulator.createConfigurationSet(region, 'transactional');
  await emulator.seed({ identities: 5, regions: [region] });

  await identitiesPage.goto({ region, sort: 'status' });
  await expect(identitiesPage.table.getByRole('rowheader')).toHaveCount(11);
  await identitiesPage.select('shop.example.com');
  await capture(page, 'identities-list.png');

  await identityPage.goto(region, 'shop.example.com', 'authentication');
  await identityPage.edit('Custom MAIL FROM domain');
  await page.getByRole('checkbox', { name: 'Use a custom MAIL FROM domain' }).check();
  await page.getByRole('textbox', { name: /^MAIL FROM domain/ }).fill('mail');
  await identityPage.save();
  await expect(identityPage.publishButton('DKIM')).toBeVisible();
  await capture(page, 'identity-page.png');

  await createIdentityPage.goto(region);
  await page.getByRole('textbox', { name: 'Domain' }).fill('marketing.example.com');
  await page.getByRole('checkbox', { name: 'Use a custom MAIL FROM domain' }).check();
  await page.getByRole('textbox', { name: /^MAIL FROM domain/ }).fill('bounce');
  await page.getByRole('checkbox', { name: /Publish DNS records to Route53/ }).check();
  await capture(page, 'create-identity.png');
});
