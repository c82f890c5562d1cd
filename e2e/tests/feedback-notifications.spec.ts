import { expect, test } from '../fixtures';

test('an operator sends an identity’s bounces and complaints to a new SNS topic, turns forwarding off and finds a test email’s bounce in the topic', async ({
  emulator,
  identityPage,
  sendTestEmailPage,
}) => {
  const region = 'ca-central-1';
  const domain = emulator.uniqueDomain('feedback');
  await emulator.createVerifiedDomain(region, domain);
  const page = identityPage.page;
  const topic = emulator.unique('ses-feedback');
  const topicArn = `arn:aws:sns:${region}:000000000000:${topic}`;

  // The emulator's SNS topics page: create the topic.
  await page.goto(`/emulator/sns-topics?region=${region}`);
  await expect(page.getByRole('heading', { level: 1, name: 'SNS topics' })).toBeVisible();
  await page.getByRole('button', { name: 'Create topic' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create topic' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(topic);
  await dialog.getByRole('button', { name: 'Create topic' }).click();
  await expect(identityPage.shell.flash(`Topic ${topic} was created.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'SNS topics' }).getByText(topicArn)).toBeVisible();

  // The identity's Notifications tab: Bounce (with the original headers) and Complaint to that topic.
  await identityPage.goto(region, domain, 'notifications');
  await identityPage.edit('Feedback notifications');
  for (const type of ['Bounce', 'Complaint']) {
    await page.getByRole('button', { name: new RegExp(`^${type} feedback`) }).click();
    await page.getByRole('option', { name: new RegExp(`^${topic}`) }).click();
  }
  await page
    .getByRole('checkbox', { name: 'Include original email headers in Bounce notifications' })
    .check();
  await identityPage.save();
  await expect(page.getByRole('button', { name: 'Edit Feedback notifications' })).toBeFocused();
  const bounceRow = page.getByRole('row').filter({ hasText: /^Bounce/ });
  await expect(bounceRow).toContainText(topicArn);
  await expect(bounceRow).toContainText('Yes');

  // Email feedback forwarding can now be switched off.
  await identityPage.edit('Email feedback forwarding');
  await page.getByRole('checkbox', { name: /^Enabled/ }).uncheck();
  await identityPage.save();
  await expect(identityPage.value('Email feedback forwarding')).toHaveText('Disabled');

  // A test email to the mailbox simulator's bounce address.
  await sendTestEmailPage.goto(region, domain);
  await sendTestEmailPage.choose('Scenario', /^Bounce/);
  const messageId = await sendTestEmailPage.send({ subject: 'Bounce me' });
  expect(messageId).not.toBe('');

  // Its result links to the notifications it caused: the bounce, on the topic, for that message id.
  await sendTestEmailPage.shell.notifications
    .getByRole('link', { name: 'Notifications about this message' })
    .click();
  await expect(
    page.getByRole('heading', { name: new RegExp(`Notifications about message ${messageId}`) }),
  ).toBeVisible();
  const bounce = page.getByText(/^\{\n {2}"notificationType": "Bounce"/);
  await expect(bounce).toBeVisible();
  await expect(bounce).toContainText(`"messageId": "${messageId}"`);
  await expect(bounce).toContainText('"bounceType": "Permanent"');
  await expect(bounce).toContainText('"subject": "Bounce me"');

  // The topic's own messages: SES's subscription confirmation and the bounce.
  await page.getByRole('button', { name: 'Show every message' }).click();
  // The page has left the one-message view before a topic is chosen (choosing earlier races its navigation).
  await expect(page.getByRole('heading', { name: /Notifications about message/ })).toHaveCount(0);
  await page.getByRole('radio', { name: `Select topic ${topic}` }).check();
  await expect(page.getByRole('heading', { name: new RegExp(`Messages of ${topic}`) })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Bounce ·/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^AmazonSnsSubscriptionSucceeded ·/ }).first()).toBeVisible();
});
