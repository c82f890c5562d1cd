import { expect, test } from '../fixtures';

test('an operator publishes a pending domain’s DNS records to Route 53 and the domain becomes verified', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-1';
  const domain = emulator.uniqueDomain('pub');
  await emulator.createDomain(region, domain);
  const zoneId = await emulator.createHostedZone(domain);
  expect(zoneId).not.toBe('');

  await identityPage.goto(region, domain, 'authentication');
  await expect(identityPage.value('Identity status')).toHaveText('Pending');
  await identityPage.publishButton('DKIM').click();

  await expect(identityPage.shell.flash('DKIM DNS records published to Route 53')).toBeVisible();
  await expect(
    identityPage.shell.flash(new RegExp(`hosted zone ${domain.replace(/\./g, '\\.')}`)),
  ).toBeVisible();
  await expect(identityPage.publishButton('DKIM')).toHaveCount(0);

  await emulator.advanceClock(120);
  await identityPage.page.reload();
  await expect(identityPage.value('Identity status')).toHaveText('Verified');
  await expect(identityPage.value('DKIM configuration')).toHaveText('Successful');
});
