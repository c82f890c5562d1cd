import { expect, test } from '../fixtures';

test('an operator assigns a default configuration set to an identity and removes it again', async ({
  emulator,
  identityPage,
}) => {
  const region = 'ap-northeast-1';
  const domain = emulator.uniqueDomain('cfg');
  const set = emulator.unique('set');
  await emulator.createDomain(region, domain);
  await emulator.createConfigurationSet(region, set);
  const page = identityPage.page;

  await identityPage.goto(region, domain, 'configuration-set');
  await expect(identityPage.value('Default configuration set')).toHaveText('-');

  await identityPage.edit('Default configuration set');
  await page.getByRole('checkbox', { name: 'Assign a default configuration set' }).check();
  await page.getByRole('button', { name: /Choose a configuration set/ }).click();
  await page.getByRole('option', { name: set }).click();
  await identityPage.save();
  await expect(identityPage.value('Default configuration set')).toHaveText(set);
  await page.reload();
  await expect(identityPage.value('Default configuration set')).toHaveText(set);

  await identityPage.edit('Default configuration set');
  await page.getByRole('checkbox', { name: 'Assign a default configuration set' }).uncheck();
  await identityPage.save();
  await expect(identityPage.value('Default configuration set')).toHaveText('-');
  await page.reload();
  await expect(identityPage.value('Default configuration set')).toHaveText('-');
});
