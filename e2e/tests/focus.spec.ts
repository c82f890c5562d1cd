import { expect, test } from '../fixtures';

test('a keyboard user who edits a setting lands back on its Edit button after Cancel and after Save', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-2';
  const domain = emulator.uniqueDomain('focus');
  await emulator.createVerifiedDomain(region, domain);
  await identityPage.goto(region, domain, 'authentication');
  const edit = identityPage.page.getByRole('button', { name: 'Edit Custom MAIL FROM domain' });

  await edit.click();
  await identityPage.cancelButton.click();
  await expect(edit).toBeFocused();

  await edit.click();
  await identityPage.page.getByRole('checkbox', { name: 'Use a custom MAIL FROM domain' }).check();
  await identityPage.page.getByRole('textbox', { name: /^MAIL FROM domain/ }).fill('bounce');
  await identityPage.save();
  await expect(identityPage.value('MAIL FROM domain')).toHaveText(`bounce.${domain}`);
  await expect(edit).toBeFocused();

  // Tags: the same flow, another container.
  await identityPage.openTab('Tags');
  const manage = identityPage.page.getByRole('button', { name: 'Manage tags Tags' });
  await manage.click();
  await identityPage.cancelButton.click();
  await expect(manage).toBeFocused();
});

test('a user whose Create is refused lands on the field at fault, which says why once', async ({
  emulator,
  createIdentityPage,
}) => {
  const region = 'eu-west-2';
  const page = createIdentityPage.page;
  await createIdentityPage.goto(region);
  const domainField = page.getByRole('textbox', { name: 'Domain' });

  await createIdentityPage.submitButton.click();
  // Exact: Cloudscape's hidden live region also announces "Error Enter a domain" to screen readers.
  await expect(page.getByText('Enter a domain', { exact: true })).toBeVisible();
  await expect(domainField).toBeFocused();

  // Taken already: the BFF's 409 names the field, and the form says it there and only there.
  const taken = emulator.uniqueDomain('taken');
  await emulator.createDomain(region, taken);
  await domainField.fill(taken);
  await createIdentityPage.submitButton.click();
  const message = `${taken} already exists as an identity in ${region}.`;
  await expect(page.getByText(message, { exact: true })).toHaveCount(1);
  await expect(domainField).toBeFocused();
  await expect(domainField).toHaveAttribute('aria-invalid', 'true');
});

test('an admin deleting several identities starts typing the confirmation at once', async ({
  emulator,
  identitiesPage,
}) => {
  const region = 'eu-west-2';
  const prefix = emulator.unique('confirm');
  const names = [`${prefix}-a@example.com`, `${prefix}-b@example.com`];
  for (const name of names) await emulator.createEmailAddress(region, name);

  await identitiesPage.goto({ region, filter: prefix });
  await identitiesPage.select(...names);
  await identitiesPage.deleteButton.click();
  const dialog = identitiesPage.page.getByRole('dialog');
  const confirmation = dialog.getByRole('textbox', { name: /^To confirm deletion/ });
  await expect(confirmation).toBeFocused();
  await identitiesPage.page.keyboard.type('delete');
  await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeEnabled();
});

test('a user whose tag is refused by the editor reads the reason once', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-2';
  const domain = emulator.uniqueDomain('tagonce');
  await emulator.createDomain(region, domain);
  await identityPage.goto(region, domain, 'tags');
  await identityPage.edit('Tags', 'Manage tags');
  await identityPage.page.getByRole('button', { name: 'Add new tag' }).click();
  await identityPage.page.getByRole('combobox', { name: /Key/ }).last().fill('aws:team');
  await identityPage.saveButton.click();
  await expect(identityPage.page.getByText('Cannot start with aws:')).toHaveCount(1);
  await expect(identityPage.page.getByText(/"aws:" are reserved/)).toHaveCount(0);
  await expect(identityPage.saveButton).toBeVisible(); // nothing was sent: the form stays open
});
