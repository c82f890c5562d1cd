import { CreateEmailIdentityCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { Emulator, expect, test } from '../fixtures';
import { ActivityPage } from '../pages/activity-page';
import { IdentitiesPage } from '../pages/identities-page';
import { axeViolations, describeViolations } from '../support/axe';
import {
  type ConsoleServer,
  copyBuiltConsole,
  removeFolder,
  startConsoleServer,
  tempFolder,
} from '../support/console-server';

/**
 * A console of two accounts (ACCOUNTS), each reached through a role assumed on the embedded emulator's
 * STS, as it runs against AWS. The journey seeds each account through the SDK with a 12-digit access
 * key id (the emulator maps it to that account), so what the console lists came from the account.
 */
const PRODUCTION = '111111111111';
const STAGING = '222222222222';
const accounts = [
  { id: PRODUCTION, name: 'production', roleArn: `arn:aws:iam::${PRODUCTION}:role/ses-console` },
  { id: STAGING, name: 'staging', roleArn: `arn:aws:iam::${STAGING}:role/ses-console` },
];
const regions = ['us-east-1', 'eu-west-1'];

let server: ConsoleServer;
let folder: string;

test.beforeAll(async () => {
  folder = tempFolder('accounts');
  server = await startConsoleServer({
    consoleDist: copyBuiltConsole(`${folder}/dist`),
    dataDir: `${folder}/data`,
    env: { ACCOUNTS: JSON.stringify(accounts), REGIONS: regions.join(','), AWS_REGION: 'us-east-1' },
  });
});

test.afterAll(async () => {
  await server?.stop();
  if (folder) removeFolder(folder);
});

test.use({ bypassCSP: true });

async function create(emulator: Emulator, account: string, region: string, domain: string) {
  await emulator.ses(region, account).send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
}

async function exists(emulator: Emulator, account: string, region: string, domain: string) {
  try {
    await emulator.ses(region, account).send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'NotFoundException') return false;
    throw error;
  }
}

test('an admin lists every account in every Region, sorts by status, deletes in two accounts at once and finds both on the Activity page', async ({
  page,
}) => {
  const emulator = new Emulator(server.emulatorUrl);
  const id = emulator.unique('accts');
  const prodFailed = `${id}-prod-old.example.com`;
  const stagingFailed = `${id}-staging-old.example.com`;
  const prodPending = `${id}-prod-new.example.com`;
  const stagingPending = `${id}-staging-new.example.com`;
  // Two domains whose 72 hours run out (Failure, no DNS records), then two still Pending.
  await create(emulator, PRODUCTION, 'us-east-1', prodFailed);
  await create(emulator, STAGING, 'eu-west-1', stagingFailed);
  await emulator.advanceClock(73 * 3600);
  await create(emulator, PRODUCTION, 'eu-west-1', prodPending);
  await create(emulator, STAGING, 'us-east-1', stagingPending);

  const list = new IdentitiesPage(page);
  await page.goto(`${server.url}/identities?region=us-east-1`);
  await expect(list.shell.accountSelector).toHaveText('production (111111111111)');
  await list.shell.selectAllAccounts();
  await expect(list.shell.accountSelector).toHaveText('All accounts');
  await list.shell.selectAllRegions();
  await expect(list.shell.regionSelector).toHaveText(/All regions/);
  await expect(page).toHaveURL(/account=all/);
  await expect(list.table.getByText('Loading identities in all accounts')).toHaveCount(0);

  // The All accounts view passes axe with its Account and Region columns, and on a phone (cards).
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  // On a phone the account selector is its icon; its name still says which account.
  await expect(list.shell.accountSelector).toHaveAccessibleName('All accounts, Account');
  await expect(page.getByText('Loading identities in all accounts')).toHaveCount(0);
  const onPhone = await axeViolations(page);
  expect(onPhone, describeViolations(onPhone)).toEqual([]);
  if (desktop) await page.setViewportSize(desktop);
  await page.reload();
  await expect(list.table).toBeVisible();

  await list.filter(id);
  await list.sortBy('Status');
  await expect.poll(() => list.names()).toEqual([prodFailed, stagingFailed, prodPending, stagingPending]);
  expect(await list.columnTexts('Status')).toEqual(['Failure', 'Failure', 'Pending', 'Pending']);
  expect(await list.columnTexts('Account')).toEqual([
    'production (111111111111)',
    'staging (222222222222)',
    'production (111111111111)',
    'staging (222222222222)',
  ]);

  await list.select(
    `${prodFailed} (us-east-1) in production (111111111111)`,
    `${stagingFailed} (eu-west-1) in staging (222222222222)`,
  );
  await list.deleteButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Identities to delete' }).getByRole('listitem')).toHaveText([
    `${prodFailed} (us-east-1) in production (111111111111)`,
    `${stagingFailed} (eu-west-1) in staging (222222222222)`,
  ]);
  await dialog.getByRole('textbox', { name: /^To confirm deletion/ }).fill('delete');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.shell.flash('Successfully deleted 2 identities.')).toBeVisible();
  await expect.poll(() => list.names()).toEqual([prodPending, stagingPending]);

  // Each was deleted in its own account; the others stay.
  expect(await exists(emulator, PRODUCTION, 'us-east-1', prodFailed)).toBe(false);
  expect(await exists(emulator, STAGING, 'eu-west-1', stagingFailed)).toBe(false);
  expect(await exists(emulator, PRODUCTION, 'eu-west-1', prodPending)).toBe(true);
  expect(await exists(emulator, STAGING, 'us-east-1', stagingPending)).toBe(true);

  const activity = new ActivityPage(page);
  await activity.openFromNavigation();
  await activity.filterByIdentity(id);
  await expect(activity.rowWith(prodFailed, 'identities.delete', 'production (111111111111)')).toHaveCount(1);
  await expect(activity.rowWith(stagingFailed, 'identities.delete', 'staging (222222222222)')).toHaveCount(1);
  // The account filter keeps one account's entries.
  await activity.filterByAccount('staging');
  await expect(activity.rowWith(prodFailed)).toHaveCount(0);
  await expect(activity.rowWith(stagingFailed, 'staging (222222222222)')).toHaveCount(1);
});
