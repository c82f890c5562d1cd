import type { Locator, Page } from '@playwright/test';
import { type Emulator, expect, test } from '../fixtures';

/**
 * A valid domain of exactly 253 characters (SES's limit): the unique prefix, then labels of at most
 * 63 characters, then `.example.com`.
 */
function longDomain(prefix: string): string {
  const suffix = '.example.com';
  const labels = [prefix];
  let length = prefix.length + suffix.length;
  while (length < 253) {
    const size = Math.min(63, 253 - length - 1);
    labels.push('l'.padEnd(size, 'o'));
    length += size + 1;
  }
  const name = `${labels.join('.')}${suffix}`;
  expect(name).toHaveLength(253);
  return name;
}

/** 49 ordinary identities and one 253-character domain, all named after `id`. */
async function seedList(emulator: Emulator, region: string, id: string) {
  const long = longDomain(id);
  await emulator.createDomain(region, long);
  for (let n = 0; n < 49; n++) {
    if (n % 2) await emulator.createEmailAddress(region, `${id}-${n}@example.com`);
    else await emulator.createDomain(region, `${id}-${n}.example.com`);
  }
  return long;
}

/** The element lies inside the viewport horizontally (not clipped off its right or left edge). */
async function expectInViewport(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'the element is rendered').not.toBeNull();
  if (!box) return;
  expect(box.x, 'left edge inside the viewport').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge inside the viewport').toBeLessThanOrEqual(width);
}

/** Nothing on the page is wider than the viewport (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.describe('a 253-character domain among 50 identities', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('at 1280 px the Status of every row stays on screen, the long name truncates with its full name on focus, and sorting does not move the columns', async ({
    emulator,
    identitiesPage,
    page,
  }) => {
    const region = 'eu-north-1';
    const id = emulator.unique('long');
    const long = await seedList(emulator, region, id);

    await identitiesPage.goto({ region, filter: id });
    await identitiesPage.setPageSize(50);
    await expect(identitiesPage.table.getByRole('rowheader')).toHaveCount(50);

    const statusHeader = identitiesPage.table.getByRole('columnheader', { name: /^Status/ }).first();
    await expectInViewport(page, statusHeader);
    const rows = identitiesPage.table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    for (const row of await rows.all()) await expectInViewport(page, row.getByRole('cell').last());
    await expectInViewport(page, identitiesPage.row(long).getByText('Pending'));

    // One line, cut with an ellipsis; the link's accessible name is the whole name.
    const link = identitiesPage.link(long);
    const box = await link.boundingBox();
    expect(box?.height).toBeLessThan(40);
    await link.focus();
    await expect(page.getByRole('tooltip')).toHaveText(long);
    await link.blur();
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await link.hover();
    await expect(page.getByRole('tooltip')).toHaveText(long);

    const columnOf = async (header: Locator) => {
      const box = await header.boundingBox();
      return { x: box?.x, width: box?.width };
    };
    const before = await columnOf(statusHeader);
    await identitiesPage.sortBy('Status');
    await expect(page).toHaveURL(/sort=status/);
    await identitiesPage.sortBy('Identity');
    await expect(page).not.toHaveURL(/sort=status/);
    expect(await columnOf(statusHeader)).toEqual(before);
    await expectNoSidewaysScroll(page);
  });

  test('with Wrap lines on, the long name wraps inside its column and Status stays on screen', async ({
    emulator,
    identitiesPage,
    page,
  }) => {
    const region = 'eu-north-1';
    const id = emulator.unique('wrap');
    const long = await seedList(emulator, region, id);

    await identitiesPage.goto({ region, filter: id });
    await identitiesPage.setPageSize(50);
    await page.getByRole('button', { name: 'Preferences' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByRole('checkbox', { name: /Wrap lines/ }).check({ force: true });
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    const link = identitiesPage.link(long);
    await expect.poll(async () => (await link.boundingBox())?.height ?? 0).toBeGreaterThan(40);
    await expectInViewport(page, link);
    await expectInViewport(page, identitiesPage.row(long).getByText('Pending'));
    await expectNoSidewaysScroll(page);
  });
});

test.describe('on a phone (390 × 844, dark mode)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => window.localStorage.setItem('ses-console.theme', '"dark"'));
  });

  test('the list shows cards with name, type and status on screen, the Region in the top bar, and one row of header buttons', async ({
    emulator,
    identitiesPage,
    page,
  }) => {
    const region = 'eu-north-1';
    const id = emulator.unique('phone');
    const long = await seedList(emulator, region, id);

    await page.goto(`/identities?region=${region}&filter=${id}`);
    await identitiesPage.setPageSize(50);
    const cards = page.getByRole('group', { name: 'Identities' });
    await expect(cards.locator('li')).toHaveCount(50);
    await expect(page.locator('body')).toHaveClass(/awsui-dark-mode/);

    const card = cards.locator('li').filter({ has: page.getByRole('link', { name: long, exact: true }) });
    await expect(card.getByText('Domain')).toBeVisible();
    await expectInViewport(page, card.getByText('Pending'));
    await expectInViewport(page, card.getByRole('link', { name: long, exact: true }));
    await expectNoSidewaysScroll(page);

    // The Region stays in the top bar, not under "More".
    await expect(identitiesPage.shell.regionSelector).toBeVisible();
    await expect(identitiesPage.shell.regionSelector).toContainText(region);

    // Actions (Refresh and the secondary actions) and Create identity share one row.
    const actions = page.getByRole('button', { name: 'Actions' });
    const create = identitiesPage.createButton;
    const tops = await Promise.all([actions, create].map(async (b) => (await b.boundingBox())?.y));
    expect(Math.round(tops[0] ?? -1)).toBe(Math.round(tops[1] ?? -2));

    // Selection and delete still work from a card.
    await card.getByRole('checkbox', { name: `Select ${long}` }).check();
    await actions.click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(identitiesPage.shell.flash(/deleted/i)).toBeVisible();
    await expect(page.getByRole('link', { name: long, exact: true })).toHaveCount(0);
  });

  test('the identity page of the long domain wraps its name and stacks its DNS records on screen', async ({
    emulator,
    page,
  }) => {
    const region = 'eu-north-1';
    const long = longDomain(emulator.unique('page'));
    await emulator.createDomain(region, long);

    await page.goto(`/identities/${long}?region=${region}`);
    const heading = page.getByRole('heading', { level: 1, name: long });
    await expect(heading).toBeVisible();
    await expectInViewport(page, heading);
    const dkim = page.getByRole('table', { name: /DKIM/ }).first();
    await expect(dkim.getByRole('rowheader')).toHaveCount(3);
    for (const cell of await dkim.getByRole('rowheader').all()) await expectInViewport(page, cell);
    await expectNoSidewaysScroll(page);
  });
});
