import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { expect, test } from '../fixtures';
import { ConsoleShell } from '../pages/console-shell';

test('a user with an email identity open reads its address in the breadcrumb and the tab title', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-1';
  const address = `${emulator.unique('crumb')}@acme-studio.example`;
  await emulator.createEmailAddress(region, address);

  await identityPage.goto(region, address);
  const crumbs = identityPage.shell.breadcrumbs;
  await expect(crumbs.getByText(address, { exact: true }).first()).toBeVisible();
  await expect(crumbs).not.toContainText('%40');
  await expect(identityPage.page).toHaveTitle(`${address} | Verified identities | Amazon SES`);
});

test('a user with many tabs open tells every page apart by its title', async ({ page, emulator }) => {
  const region = 'eu-west-1';
  const domain = emulator.uniqueDomain('titles');
  await emulator.createVerifiedDomain(region, domain);
  const titles: [string, string][] = [
    [`/identities?region=${region}`, 'Verified identities | Amazon SES'],
    [`/identities/create?region=${region}`, 'Create identity | Verified identities | Amazon SES'],
    [`/identities/${domain}?region=${region}&tab=tags`, `${domain} | Verified identities | Amazon SES`],
    [
      `/identities/${domain}/send-test-email?region=${region}`,
      `Send test email | ${domain} | Verified identities | Amazon SES`,
    ],
    [`/configuration-sets?region=${region}`, 'Configuration sets | Amazon SES'],
    [`/activity?region=${region}`, 'Activity | Amazon SES'],
    [`/mailbox?region=${region}`, 'Mailbox | Amazon SES'],
  ];
  for (const [url, title] of titles) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page).toHaveTitle(title);
  }
});

test('a user following a link with a Region this console does not offer is told so, and the URL keeps it', async ({
  page,
}) => {
  await page.goto('/identities?region=zz-nope-1');
  await expect(page.getByRole('heading', { level: 1, name: 'Region not available' })).toBeVisible();
  await expect(page.getByText('Region zz-nope-1 is not available in this console')).toBeVisible();
  await expect(page).toHaveURL(/\/identities\?region=zz-nope-1$/);
  await expect(page).toHaveTitle('Region not available | Amazon SES');
  // No list of another Region is shown under this URL.
  await expect(page.getByRole('table', { name: 'Identities' })).toHaveCount(0);

  await page.getByRole('button', { name: /^Go to / }).click();
  await expect(page).toHaveURL(/\/identities\?region=us-east-1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Verified identities' })).toBeVisible();
});

test('a user following a link to page 99 of a two-page list sees the last page, and the URL says page 2', async ({
  emulator,
  identitiesPage,
}) => {
  const region = 'ap-south-1';
  const prefix = emulator.unique('pages');
  const ses = emulator.ses(region);
  for (let i = 0; i < 27; i++) {
    await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: `${prefix}-${String(i).padStart(2, '0')}@example.com`,
      }),
    );
  }
  await identitiesPage.page.goto(`/identities?region=${region}&filter=${prefix}&page=99`);
  await expect(identitiesPage.page).toHaveURL(/[?&]page=2(&|$)/);
  // 25 a page (the default): the last page holds the last two, by name.
  await expect
    .poll(() => identitiesPage.names())
    .toEqual([`${prefix}-25@example.com`, `${prefix}-26@example.com`]);
  await expect(identitiesPage.page.getByRole('button', { name: /^Page 2/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
});

test('an operator who publishes the MAIL FROM records is told the two record sets written, and the message stays on that page', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-1';
  const domain = emulator.uniqueDomain('count');
  await emulator.createVerifiedDomain(region, domain);
  await emulator.setMailFrom(region, domain, `bounce.${domain}`);

  await identityPage.goto(region, domain, 'authentication');
  await identityPage.publishButton('MAIL FROM').click();
  const message = identityPage.shell.flash(
    `2 record sets were written to hosted zone ${domain}. SES verifies them shortly.`,
  );
  await expect(message).toBeVisible();

  // Another page: the banner was about this identity's records and stays behind.
  await identityPage.shell.breadcrumbs
    .getByRole('link', { name: 'Configuration: Verified identities' })
    .click();
  await expect(
    identityPage.page.getByRole('heading', { level: 1, name: 'Verified identities' }),
  ).toBeVisible();
  await expect(identityPage.shell.notifications.getByText(/record sets were written/)).toHaveCount(0);
});

test('an operator who creates a domain a Route 53 zone covers is pointed at Publish on the new page, not at another DNS provider', async ({
  emulator,
  createIdentityPage,
  identityPage,
}) => {
  const region = 'eu-west-1';
  const domain = emulator.uniqueDomain('covered');
  await emulator.createHostedZone(domain);

  await createIdentityPage.goto(region);
  await createIdentityPage.createDomain(domain);
  await expect(identityPage.heading(domain)).toBeVisible();
  const created = identityPage.shell.flash(`${domain} was created.`);
  await expect(created).toBeVisible();
  await expect(identityPage.shell.notifications).toContainText(
    `Route 53 hosted zone ${domain} covers this domain. To verify it, choose Publish DNS records to Route53 under Authentication`,
  );
  await expect(identityPage.shell.notifications).not.toContainText('DNS provider');
});

test('an operator whose second test email fails sees only the failure, not the earlier success', async ({
  emulator,
  sendTestEmailPage,
}) => {
  const region = 'ca-central-1';
  const address = `${emulator.unique('once')}@example.com`;
  await emulator.createEmailAddress(region, address);
  await emulator.verifyEmailAddress(address);

  await sendTestEmailPage.goto(region, address);
  const messageId = await sendTestEmailPage.send();
  await expect(sendTestEmailPage.shell.flash(new RegExp(`Message ID ${messageId}`))).toBeVisible();
  // In one place only: no success alert in the form as well.
  await expect(sendTestEmailPage.page.getByText('Test email sent')).toHaveCount(1);

  await emulator.setFaults([{ service: 'sesv2', operation: 'SendEmail', region, errorProbability: 1 }]);
  try {
    await sendTestEmailPage.sendButton.click();
    await expect(sendTestEmailPage.page.getByText(/did not answer/).first()).toBeVisible({ timeout: 30_000 });
  } finally {
    await emulator.clearFaults();
  }
  await expect(sendTestEmailPage.page.getByText('Test email sent')).toHaveCount(0);
});

test('a keyboard user reaches the page with the first Tab: Skip to main content', async ({ page }) => {
  const shell = new ConsoleShell(page);
  await page.goto('/identities?region=us-east-1');
  await expect(page.getByRole('heading', { level: 1, name: 'Verified identities' })).toBeVisible();
  await expect(shell.regionSelector).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  // The next Tab stop is inside the page, not back in the top bar or the side navigation.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#main-content'))).toBe(true);
});
