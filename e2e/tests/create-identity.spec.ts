import { expect, test } from '../fixtures';

test('an operator creates a domain with Route 53 publishing and it verifies on its own', async ({
  emulator,
  createIdentityPage,
  identityPage,
}) => {
  const region = 'eu-west-2';
  const domain = emulator.uniqueDomain('new');
  await emulator.createHostedZone(domain);

  await createIdentityPage.goto(region);
  // As in the SES console, Publish is on by default once the page knows a zone covers the domain.
  const publish = createIdentityPage.page.getByRole('checkbox', { name: /Publish DNS records to Route53/ });
  await createIdentityPage.page.getByRole('textbox', { name: 'Domain' }).fill(domain);
  await expect(publish).toBeChecked();
  await expect(createIdentityPage.page.getByText(`Hosted zone ${domain} covers ${domain}`)).toBeVisible();
  await createIdentityPage.submitButton.click();

  await expect(identityPage.heading(domain)).toBeVisible();
  await expect(identityPage.shell.flash(`${domain} was created.`)).toBeVisible();
  await expect(identityPage.shell.flash(/published to Route 53 hosted zone/)).toBeVisible();
  await expect(identityPage.publishButton('DKIM')).toHaveCount(0);
  await emulator.advanceClock(120);
  await identityPage.page.reload();
  await expect(identityPage.value('Identity status')).toHaveText('Verified');
});

test('an operator creates an email address identity and verifies it from the Mailbox', async ({
  emulator,
  createIdentityPage,
  identityPage,
  mailboxPage,
}) => {
  const region = 'eu-west-2';
  const address = `${emulator.unique('new')}@example.com`;

  await createIdentityPage.goto(region);
  await createIdentityPage.createEmailAddress(address);
  await expect(identityPage.heading(address)).toBeVisible();
  await expect(identityPage.shell.flash(`A verification email was sent to ${address}`)).toBeVisible();
  await expect(identityPage.value('Identity status')).toHaveText('Pending');

  await mailboxPage.goto(region);
  await mailboxPage.filter(address);
  await mailboxPage.open(address);
  // The link goes through the console's own URL (the emulator's port need not be reachable).
  const link = mailboxPage.page.getByRole('link', { name: /\/mailbox\?region=eu-west-2&verify=/ });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/mailbox\?region=eu-west-2&verify=/);
  await mailboxPage.page.goto(href); // as opening it in a new tab would
  await expect(mailboxPage.page.getByText(`verification email to ${address} (eu-west-2)`)).toBeVisible();
  await mailboxPage.verifyButton.click();
  await expect(mailboxPage.shell.flash(`${address} is now verified.`)).toBeVisible();

  await identityPage.goto(region, address);
  await expect(identityPage.value('Identity status')).toHaveText('Verified');
});
