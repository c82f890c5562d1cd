import { expect, test } from '../fixtures';

test('an operator publishes a pending domain’s DNS records to Route 53 and the domain becomes verified', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-1';
  const domain = emulator.uniqueDomain('pub');
  await emulator.createDomain(region, domain);
  const zoneId = await emulator.createHostedZone(domain);
  expect(zoneId).not.toBe('');

  await identityPage.goto(region, domain, 'authentication');
  await expect(identityPage.value('Identity status')).toHaveText('Pending');
  await identityPage.publishButton('DKIM').click();

  await expect(identityPage.shell.flash('DKIM DNS records published to Route 53')).toBeVisible();
  await expect(
    identityPage.shell.flash(new RegExp(`hosted zone ${domain.replace(/\./g, '\\.')}`)),
  ).toBeVisible();
  await expect(identityPage.publishButton('DKIM')).toHaveCount(0);
  // The change is followed through Route 53's GetChange: Pending until the emulator's clock says INSYNC.
  await expect(identityPage.shell.flash(/Route 53 change C\w+: (Pending|In sync)/)).toBeVisible();

  // No DMARC record yet: the message recommends one and writes it on request.
  const dmarcName = `_dmarc.${domain}`;
  await expect(
    identityPage.shell.flash(new RegExp(`No DMARC record at ${dmarcName.replace(/\./g, '\\.')}`)),
  ).toBeVisible();
  expect(await emulator.recordValues(zoneId, dmarcName, 'TXT')).toEqual([]);

  await emulator.advanceClock(120);
  await expect(identityPage.shell.flash(/Route 53 change C\w+: In sync/)).toBeVisible({ timeout: 15_000 });

  await identityPage.shell.notifications.getByRole('button', { name: 'Add DMARC record' }).click();
  await expect(
    identityPage.shell.flash(`The recommended DMARC record v=DMARC1; p=none; was added at ${dmarcName}.`),
  ).toBeVisible();
  expect(await emulator.recordValues(zoneId, dmarcName, 'TXT')).toEqual(['"v=DMARC1; p=none;"']);

  await identityPage.page.reload();
  await expect(identityPage.value('Identity status')).toHaveText('Verified');
  await expect(identityPage.value('DKIM configuration')).toHaveText('Successful');
});

test('an operator publishing MAIL FROM records over an existing MX and SPF record sees what would change before anything is written', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-1';
  const domain = emulator.uniqueDomain('mfask');
  const mailFrom = `bounce.${domain}`;
  await emulator.createDomain(region, domain);
  await emulator.setMailFrom(region, domain, mailFrom);
  const zoneId = await emulator.createHostedZone(domain);
  await emulator.changeRecords(zoneId, 'UPSERT', [
    { name: mailFrom, type: 'MX', value: '10 inbound.example.net' },
    { name: mailFrom, type: 'TXT', value: '"v=spf1 include:_spf.google.com ~all"' },
  ]);

  await identityPage.goto(region, domain, 'authentication');
  await identityPage.publishButton('MAIL FROM').click();
  const dialog = identityPage.page.getByRole('dialog', { name: 'Change existing DNS records?' });
  await expect(dialog).toBeVisible();
  const changes = dialog.getByRole('table', { name: 'Records publishing would change' });
  await expect(
    changes.getByRole('row', { name: new RegExp(`MX ${mailFrom.replace(/\./g, '\\.')}.*Replaced`) }),
  ).toContainText('10 inbound.example.net');
  await expect(changes.getByRole('row', { name: /TXT .*Merged into the existing record/ })).toContainText(
    '"v=spf1 include:_spf.google.com include:amazonses.com ~all"',
  );
  // Asking wrote nothing.
  expect(await emulator.recordValues(zoneId, mailFrom, 'MX')).toEqual(['10 inbound.example.net']);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await emulator.recordValues(zoneId, mailFrom, 'TXT')).toEqual([
    '"v=spf1 include:_spf.google.com ~all"',
  ]);

  await identityPage.publishButton('MAIL FROM').click();
  await dialog.getByRole('button', { name: 'Publish and change records' }).click();
  await expect(identityPage.shell.flash('MAIL FROM DNS records published to Route 53')).toBeVisible();
  await expect(identityPage.publishButton('MAIL FROM')).toHaveCount(0);
  expect(await emulator.recordValues(zoneId, mailFrom, 'TXT')).toEqual([
    '"v=spf1 include:_spf.google.com include:amazonses.com ~all"',
  ]);
  expect(await emulator.recordValues(zoneId, mailFrom, 'MX')).toEqual([
    `10 feedback-smtp.${region}.amazonses.com`,
  ]);
});

test('an operator publishing DKIM records for a domain with its own DMARC policy is told the policy stays, and it does', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-1';
  const domain = emulator.uniqueDomain('dmarckeep');
  await emulator.createDomain(region, domain);
  const zoneId = await emulator.createHostedZone(domain);
  const policy = '"v=DMARC1; p=quarantine;"';
  await emulator.changeRecords(zoneId, 'UPSERT', [{ name: `_dmarc.${domain}`, type: 'TXT', value: policy }]);

  await identityPage.goto(region, domain, 'authentication');
  await identityPage.publishButton('DKIM').click();
  await expect(identityPage.shell.flash('DKIM DNS records published to Route 53')).toBeVisible();
  await expect(
    identityPage.shell.flash(
      `_dmarc.${domain} already has a DMARC record (v=DMARC1; p=quarantine;); it was left as it is.`,
    ),
  ).toBeVisible();
  await expect(
    identityPage.shell.notifications.getByRole('button', { name: 'Add DMARC record' }),
  ).toHaveCount(0);
  expect(await emulator.recordValues(zoneId, `_dmarc.${domain}`, 'TXT')).toEqual([policy]);
});
