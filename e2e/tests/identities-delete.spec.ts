import { expect, test } from '../fixtures';

test('an operator deletes one identity, then three at once after typing the confirmation', async ({
  emulator,
  identitiesPage,
}) => {
  const region = 'us-east-2';
  const id = emulator.unique('del');
  const [one, two, three, four] = ['a', 'b', 'c', 'd'].map((s) => `${id}-${s}.example.com`) as [
    string,
    string,
    string,
    string,
  ];
  for (const name of [one, two, three, four]) await emulator.createDomain(region, name);

  await identitiesPage.goto({ region, filter: id });
  await identitiesPage.select(one);
  const single = await identitiesPage.deleteSelected();
  await expect(single).toBeHidden();
  await expect(identitiesPage.shell.flash(`Successfully deleted ${one}.`)).toBeVisible();
  await expect(identitiesPage.link(one)).toHaveCount(0);

  await identitiesPage.select(two, three, four);
  await identitiesPage.deleteButton.click();
  const dialog = identitiesPage.page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Delete 3 identities?' })).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: /^To confirm deletion/ }).fill('delete');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(identitiesPage.shell.flash('Successfully deleted 3 identities.')).toBeVisible();
  await expect(identitiesPage.table.getByText(/^(No identities|No matches)$/)).toBeVisible();
  await expect(identitiesPage.table.getByRole('rowheader')).toHaveCount(0);
});
