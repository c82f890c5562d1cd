import { expect, test } from '../fixtures';

test('an operator sorts identities by status to see problems first, then reverses the order', async ({
  emulator,
  identitiesPage,
}) => {
  const region = 'eu-west-3';
  const id = emulator.unique('sort');
  const failed = `${id}-b-failed.example.com`;
  const pendingA = `${id}-a-pending.example.com`;
  const pendingC = `${id}-c-pending.example.com`;
  const verified = `${id}@example.com`;
  await emulator.createDomain(region, failed);
  await emulator.advanceClock(72 * 3600 + 60);
  await emulator.createDomain(region, pendingC);
  await emulator.createDomain(region, pendingA);
  await emulator.createEmailAddress(region, verified);
  await emulator.verifyEmailAddress(verified);

  await identitiesPage.goto({ region, filter: id });
  await identitiesPage.sortBy('Status');
  await expect(identitiesPage.page).toHaveURL(/sort=status/);
  await expect.poll(() => identitiesPage.names()).toEqual([failed, pendingA, pendingC, verified]);

  await identitiesPage.sortBy('Status');
  await expect(identitiesPage.page).toHaveURL(/desc=1/);
  // Reversed by status; rows with the same status stay A→Z.
  await expect.poll(() => identitiesPage.names()).toEqual([verified, pendingA, pendingC, failed]);

  await identitiesPage.page.reload();
  await expect.poll(() => identitiesPage.names()).toEqual([verified, pendingA, pendingC, failed]);
});
