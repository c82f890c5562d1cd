import { expect, test } from '@playwright/test';
import { authEmulatorUrl } from '../../env';
import { ActivityPage } from '../../pages/activity-page';
import { IdentitiesPage } from '../../pages/identities-page';
import { IdentityPage } from '../../pages/identity-page';
import { Emulator } from '../../support/emulator';

const region = 'us-east-1';

/** Signs in at the stand-in for oauth2-proxy (what its sign-in page would do) and lands on `rd`. */
async function signInAtProxy(
  page: import('@playwright/test').Page,
  user: string,
  groups: string,
  rd: string,
) {
  const params = new URLSearchParams({ user, groups, rd });
  await page.goto(`/oauth2/sign_in?${params}`);
}

test('an administrator deletes an identity a viewer could only look at, and finds it in Activity', async ({
  page,
}) => {
  const emulator = new Emulator(authEmulatorUrl);
  const domain = emulator.uniqueDomain('portal');
  await emulator.createDomain(region, domain);
  const identities = new IdentitiesPage(page);
  const identity = new IdentityPage(page);
  const activity = new ActivityPage(page);

  // A viewer sees the identity but is offered neither Delete nor Create; editing is disabled.
  await signInAtProxy(page, 'vera', 'staff', `/identities?region=${region}&filter=${domain}`);
  await expect(identities.shell.userMenu('vera')).toBeVisible();
  await expect(identities.link(domain)).toBeVisible();
  await expect(identities.deleteButton).toHaveCount(0);
  await expect(identities.createButton).toHaveCount(0);
  await identities.open(domain);
  await expect(page.getByRole('heading', { name: domain, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await identity.openTab('Tags');
  await expect(page.getByRole('button', { name: 'Manage tags Tags' })).toBeDisabled();

  // Sign out goes through the proxy's sign-out page.
  await identities.shell.signOut('vera');
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();

  // An administrator deletes it.
  await signInAtProxy(page, 'ada', 'ses-admins', `/identities?region=${region}&filter=${domain}`);
  await expect(identities.shell.userMenu('ada')).toBeVisible();
  await identities.select(domain);
  await identities.deleteSelected();
  await expect(identities.shell.flash(new RegExp(domain))).toBeVisible();
  await expect(identities.link(domain)).toHaveCount(0);

  // …and finds the deletion, with who did it, on the Activity page.
  await activity.openFromNavigation();
  await activity.filterByIdentity(domain);
  const row = activity.rowWith('identities.delete', 'ada', domain);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Success (200)');
  await expect(activity.exportButton).toHaveAttribute(
    'href',
    new RegExp(`/api/audit\\.csv\\?.*identity=${domain}`),
  );
});
