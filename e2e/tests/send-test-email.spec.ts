import { expect, test } from '../fixtures';

test('an operator sends a test email with another configuration set and finds it in the Mailbox', async ({
  emulator,
  identitiesPage,
  sendTestEmailPage,
  mailboxPage,
}) => {
  const region = 'us-west-1';
  const address = `${emulator.unique('send')}@example.com`;
  const defaultSet = emulator.unique('default');
  const override = emulator.unique('override');
  await emulator.createConfigurationSet(region, defaultSet);
  await emulator.createConfigurationSet(region, override);
  await emulator.createEmailAddress(region, address);
  await emulator.verifyEmailAddress(address);

  await identitiesPage.goto({ region, filter: address });
  await identitiesPage.select(address);
  await identitiesPage.sendTestEmailButton.click();
  await expect(
    sendTestEmailPage.page.getByRole('heading', { level: 1, name: 'Send test email' }),
  ).toBeVisible();

  const subject = `Hello from ${address}`;
  const messageId = await sendTestEmailPage.send({ configurationSet: override, subject });
  expect(messageId).not.toBe('');
  await expect(sendTestEmailPage.shell.flash(new RegExp(`Message ID ${messageId}`))).toBeVisible();

  await mailboxPage.goto(region);
  await mailboxPage.filter(subject);
  const row = mailboxPage.row(subject);
  await expect(row).toContainText(override);
  await expect(row).toContainText('success@simulator.amazonses.com');
  await mailboxPage.open(subject);
  await expect(mailboxPage.page.getByText(messageId).first()).toBeVisible();
});
