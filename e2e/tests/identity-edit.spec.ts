import { expect, test } from '../fixtures';

test('an operator edits every container of a domain identity and the changes survive a reload', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-central-1';
  const domain = emulator.uniqueDomain('edit');
  // Verified, with Bounce and Complaint topics: SES lets forwarding go off only then.
  await emulator.createVerifiedDomain(region, domain);
  const topic = await emulator.createTopic(region, emulator.unique('feedback'));
  for (const type of ['Bounce', 'Complaint'] as const)
    await emulator.setNotificationTopic(region, domain, type, topic);
  const page = identityPage.page;

  await identityPage.goto(region, domain, 'authentication');

  // DKIM: turn signatures off and switch the next key to 1024 bits.
  await identityPage.edit('DomainKeys Identified Mail (DKIM)');
  await page.getByRole('radio', { name: 'RSA_1024_BIT' }).check();
  await page.getByRole('checkbox', { name: 'Enabled' }).uncheck();
  await identityPage.save();
  await expect(identityPage.value('DKIM signatures')).toHaveText('Disabled');

  // Cancel leaves the container as it was.
  await identityPage.edit('Custom MAIL FROM domain');
  await page.getByRole('checkbox', { name: 'Use a custom MAIL FROM domain' }).check();
  await identityPage.cancelButton.click();
  await expect(identityPage.value('MAIL FROM domain')).toHaveText('-');

  // Custom MAIL FROM: bounce.<domain>, reject on MX failure.
  await identityPage.edit('Custom MAIL FROM domain');
  await page.getByRole('checkbox', { name: 'Use a custom MAIL FROM domain' }).check();
  await page.getByRole('textbox', { name: /^MAIL FROM domain/ }).fill('bounce');
  await page.getByRole('radio', { name: 'Reject message' }).check();
  await identityPage.save();
  await expect(identityPage.value('MAIL FROM domain')).toHaveText(`bounce.${domain}`);

  // Authorization: create a policy.
  await identityPage.openTab('Authorization');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await page.getByRole('textbox', { name: 'Policy name' }).fill('allow-partner');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await expect(
    page.getByRole('table', { name: 'Authorization policies' }).getByText('allow-partner'),
  ).toBeVisible();

  // Notifications: disable feedback forwarding.
  await identityPage.openTab('Notifications');
  await identityPage.edit('Email feedback forwarding');
  await page.getByRole('checkbox', { name: 'Enabled' }).uncheck();
  await identityPage.save();
  await expect(identityPage.value('Email feedback forwarding')).toHaveText('Disabled');

  // Tags: add one.
  await identityPage.openTab('Tags');
  await identityPage.edit('Tags', 'Manage tags');
  await page.getByRole('button', { name: 'Add new tag' }).click();
  await page.getByRole('combobox', { name: /Key/ }).last().fill('team');
  await page.getByRole('combobox', { name: /Value/ }).last().fill('billing');
  await identityPage.save();
  await expect(page.getByRole('table', { name: 'Tags' }).getByText('billing')).toBeVisible();

  await page.reload();
  await expect(identityPage.tab('Tags')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Tags' }).getByText('team')).toBeVisible();
  await identityPage.openTab('Notifications');
  await expect(identityPage.value('Email feedback forwarding')).toHaveText('Disabled');
  await identityPage.openTab('Authorization');
  await expect(
    page.getByRole('table', { name: 'Authorization policies' }).getByText('allow-partner'),
  ).toBeVisible();
  await identityPage.openTab('Authentication');
  await expect(identityPage.value('DKIM signatures')).toHaveText('Disabled');
  await expect(identityPage.value('Next key length')).toHaveText('RSA_1024_BIT');
  await expect(identityPage.value('MAIL FROM domain')).toHaveText(`bounce.${domain}`);
  await expect(identityPage.value('Behavior on MX failure')).toHaveText('Reject message');
});
