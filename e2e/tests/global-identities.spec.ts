import { expect, test } from '../fixtures';

test('an operator verifies a domain once and replicates it to two Regions, which verify without new DNS records and show in All regions', async ({
  emulator,
  createIdentityPage,
  identityPage,
  identitiesPage,
}) => {
  const domain = emulator.uniqueDomain('global');
  await emulator.createHostedZone(domain);

  // The parent: Easy DKIM in us-east-1, its records published to Route 53, verified by SES.
  await createIdentityPage.goto('us-east-1');
  await createIdentityPage.createDomain(domain, { publishToRoute53: true });
  await expect(identityPage.heading(domain)).toBeVisible();
  await expect(identityPage.shell.flash(/published to Route 53 hosted zone/)).toBeVisible();
  await emulator.advanceClock(120);
  await identityPage.page.reload();
  await expect(identityPage.value('Identity status')).toHaveText('Verified');

  // Replicate it from its page to two Regions: a result per Region.
  await identityPage.openTab('Authentication');
  await expect(identityPage.replicas.getByText('No replicas')).toBeVisible({ timeout: 30_000 });
  const dialog = await identityPage.replicateToRegions(['eu-west-1', 'ap-south-1']);
  const results = dialog.getByRole('table', { name: 'Replication results' });
  for (const region of ['eu-west-1', 'ap-south-1']) {
    await expect(
      results
        .getByRole('row')
        .filter({ has: identityPage.page.getByRole('rowheader', { name: new RegExp(region) }) }),
    ).toContainText('Created');
  }
  await expect(dialog.getByText('Created 2 replicas.', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The replicas use the parent's records, which are in DNS: SES verifies them on its own.
  await expect(identityPage.replica('eu-west-1')).toBeVisible({ timeout: 30_000 });
  await expect(identityPage.replica('ap-south-1')).toBeVisible();
  await emulator.advanceClock(120);
  await identityPage.page.reload();
  await identityPage.openTab('Authentication');
  await expect(identityPage.replica('eu-west-1')).toContainText('Verified', { timeout: 30_000 });
  await expect(identityPage.replica('ap-south-1')).toContainText('Verified');

  // A replica's page names its parent's Region.
  await identityPage.replica('eu-west-1').getByRole('link').click();
  await expect(identityPage.page).toHaveURL(/region=eu-west-1/);
  await identityPage.openTab('Authentication');
  await expect(identityPage.value('Parent region')).toHaveText('us-east-1');
  await expect(identityPage.value('Identity status')).toHaveText('Verified');

  // All regions shows the family: the parent and both replicas.
  await identitiesPage.goto({ region: 'us-east-1' });
  await identitiesPage.shell.selectAllRegions();
  await expect(identitiesPage.shell.regionSelector).toHaveText(/All regions/);
  await identitiesPage.filter(domain);
  for (const region of ['us-east-1', 'eu-west-1', 'ap-south-1']) {
    await expect(identitiesPage.row(domain, region)).toHaveCount(1, { timeout: 30_000 });
    await expect(identitiesPage.row(domain, region)).toContainText('Verified');
  }
  await expect(identitiesPage.row(domain)).toHaveCount(3);
});
