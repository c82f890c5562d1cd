import { expect, test } from '../fixtures';

const HOURS = 3600;

test('an operator sees every verification status of a region, and only that region, in the identities list', async ({
  emulator,
  identitiesPage,
}) => {
  const region = 'ap-southeast-2';
  const other = 'ca-central-1';
  const id = emulator.unique('st');
  const failed = `${id}-failed.example.com`;
  const temporary = `${id}-temp.example.com`;
  const pending = `${id}-pending.example.com`;
  const verified = `${id}@example.com`;
  const elsewhere = `${id}-elsewhere.example.com`;

  // FAILED: a domain whose records never appear within SES's 72-hour search window.
  await emulator.createDomain(region, failed);
  await emulator.advanceClock(72 * HOURS + 60);
  // TEMPORARY_FAILURE: a verified domain whose DKIM CNAME is then deleted from Route 53.
  const { zoneId, tokens } = await emulator.createVerifiedDomain(region, temporary);
  await emulator.changeRecords(zoneId, 'DELETE', emulator.dkimRecords(temporary, tokens).slice(0, 1));
  await emulator.advanceClock(60);
  // PENDING: a domain just created. SUCCESS: an address whose verification link was opened.
  await emulator.createDomain(region, pending);
  await emulator.createEmailAddress(region, verified);
  await emulator.verifyEmailAddress(verified);
  // NOT_STARTED cannot be reached through the SES API; the emulator's seed creates honest ones.
  const { byStatus } = (await emulator.seed({ identities: 5, regions: [region] })) as {
    byStatus: Record<string, number>;
  };
  expect(byStatus.NOT_STARTED).toBe(1);
  await emulator.createDomain(other, elsewhere);

  await identitiesPage.goto({ region, filter: id });
  await expect(identitiesPage.row(failed)).toContainText('Failure');
  await expect(identitiesPage.row(temporary)).toContainText('Temporary Failure');
  await expect(identitiesPage.row(pending)).toContainText('Pending');
  await expect(identitiesPage.row(verified)).toContainText('Verified');
  await expect(identitiesPage.row(verified)).toContainText('Email address');

  await identitiesPage.filter('Not started');
  await expect(identitiesPage.table.getByText('Not started').first()).toBeVisible();

  await identitiesPage.filter(id);
  await identitiesPage.shell.selectRegion(other);
  await expect(identitiesPage.page).toHaveURL(new RegExp(`region=${other}`));
  await identitiesPage.filter(id);
  await expect(identitiesPage.link(elsewhere)).toBeVisible();
  await expect(identitiesPage.link(failed)).toHaveCount(0);
  await expect(identitiesPage.table.getByRole('rowheader')).toHaveCount(1);
});
