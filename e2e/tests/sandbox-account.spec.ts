import { expect, test } from '../fixtures';

/** ca-central-1 is this spec's own Region: the production-access toggle changes that Region only. */
const region = 'ca-central-1';

test('an operator learns the account is in the sandbox, sees why a custom recipient is refused, and grants production access from the Emulator section', async ({
  emulator,
  sendTestEmailPage,
  page,
}) => {
  const domain = emulator.uniqueDomain('sandbox');
  await emulator.createVerifiedDomain(region, domain);
  const stranger = `${emulator.unique('stranger')}@elsewhere.example`;

  await sendTestEmailPage.goto(region, domain);
  await expect(page.getByText(`Your account is in the sandbox in ${region}`)).toBeVisible();
  await sendTestEmailPage.choose('Scenario', /^Custom/);
  await page.getByRole('textbox', { name: /^Custom recipient/ }).fill(stranger);
  await expect(page.getByRole('link', { name: `Create and verify ${stranger}` })).toBeVisible();
  await sendTestEmailPage.sendButton.click();
  await expect(
    page
      .getByText(
        `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: ${stranger}`,
      )
      .first(),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Manage production access' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  const toggle = page.getByRole('checkbox', { name: 'Production access' });
  await expect(toggle).not.toBeChecked();
  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page.getByText('50,000')).toBeVisible();

  try {
    await sendTestEmailPage.goto(region, domain);
    await expect(page.getByText(`Your account is in the sandbox in ${region}`)).toHaveCount(0);
    await sendTestEmailPage.choose('Scenario', /^Custom/);
    await page.getByRole('textbox', { name: /^Custom recipient/ }).fill(stranger);
    await sendTestEmailPage.sendButton.click();
    await expect(sendTestEmailPage.shell.flash('Test email sent')).toBeVisible();
  } finally {
    await page.goto(`/emulator/account?region=${region}`);
    await page.getByRole('checkbox', { name: 'Production access' }).click();
    await expect(page.getByRole('checkbox', { name: 'Production access' })).not.toBeChecked();
  }
});
