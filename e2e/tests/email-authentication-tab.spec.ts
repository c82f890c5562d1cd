import { expect, test } from '../fixtures';

test('an operator sees an email address’s Authentication tab only once its domain is a verified identity', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-north-1';
  const domain = emulator.uniqueDomain('auth');
  const address = `sender@${domain}`;
  await emulator.createEmailAddress(region, address);

  await identityPage.goto(region, address);
  await expect(identityPage.tab('Authorization')).toBeVisible();
  await expect(identityPage.tab('Authentication')).toHaveCount(0);
  await expect(identityPage.page.getByText(`once ${domain} is a verified domain identity`)).toBeVisible();

  await emulator.createVerifiedDomain(region, domain);
  await identityPage.page.reload();
  await expect(identityPage.tab('Authentication')).toBeVisible();
  await identityPage.openTab('Authentication');
  await expect(
    identityPage.page.getByRole('heading', { name: 'DomainKeys Identified Mail (DKIM)' }),
  ).toBeVisible();
});
