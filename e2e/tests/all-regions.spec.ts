import { expect, test } from '../fixtures';

test('an operator lists identities of every region at once, and a region that fails to load is named while the others still show', async ({
  emulator,
  identitiesPage,
}) => {
  const id = emulator.unique('allreg');
  const inVirginia = `${id}-use1.example.com`;
  const inIreland = `${id}-euw1.example.com`;
  const inParis = `${id}-paris.example.com`;
  await emulator.createDomain('us-east-1', inVirginia);
  await emulator.createDomain('eu-west-1', inIreland);
  await emulator.createDomain('eu-west-3', inParis);

  await identitiesPage.goto({ region: 'us-east-1' });
  await emulator.setFaults([
    { service: 'sesv2', operation: 'ListEmailIdentities', region: 'eu-west-3', errorProbability: 1 },
  ]);
  try {
    await identitiesPage.shell.selectAllRegions();
    await expect(identitiesPage.shell.regionSelector).toHaveText(/All regions/);
    await expect(identitiesPage.regionWarning('eu-west-3')).toBeVisible({ timeout: 30_000 });
    await identitiesPage.filter(id);

    await expect(identitiesPage.row(inVirginia)).toContainText('us-east-1');
    await expect(identitiesPage.row(inIreland)).toContainText('eu-west-1');
    await expect(identitiesPage.row(inParis)).toHaveCount(0);
    expect(await identitiesPage.names()).toEqual([inIreland, inVirginia]);
    await expect(identitiesPage.table.getByRole('columnheader', { name: /Region/ })).toBeVisible();
  } finally {
    await emulator.clearFaults();
  }

  // Once the region answers again, Retry brings its identities in and the warning goes.
  await identitiesPage.page.getByRole('button', { name: 'Retry' }).click();
  await expect(identitiesPage.row(inParis)).toContainText('eu-west-3');
  await expect(identitiesPage.regionWarning('eu-west-3')).toHaveCount(0);

  // Each row opens in its own region.
  await identitiesPage.open(inIreland);
  await expect(identitiesPage.page).toHaveURL(/region=eu-west-1/);
});
