import { expect, test } from '../fixtures';

test('an operator opens an identity from the list by clicking its name', async ({
  emulator,
  identitiesPage,
  identityPage,
}) => {
  const region = 'us-west-2';
  const domain = emulator.uniqueDomain('open');
  await emulator.createDomain(region, domain);

  await identitiesPage.goto({ region, filter: domain });
  await identitiesPage.open(domain);

  await expect(identityPage.heading(domain)).toBeVisible();
  await expect(identityPage.page).toHaveURL(new RegExp(`/identities/${domain}\\?region=${region}`));
  await expect(identityPage.value('Identity type')).toHaveText('Domain');
  await expect(identityPage.value('Identity status')).toHaveText('Pending');
  await expect(identityPage.value('AWS Region')).toContainText(region);
  await expect(identityPage.shell.breadcrumbs.getByText(domain).first()).toBeVisible();
  await expect(identityPage.tab('Authentication')).toHaveAttribute('aria-selected', 'true');
  await expect(
    identityPage.page.getByRole('table', { name: 'DKIM DNS records' }).getByRole('row'),
  ).toHaveCount(4);
});
