import { expect, test } from '../fixtures';

test('an operator sees that public DNS lacks the DKIM records, publishes them, and checks again to find them in place', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-2';
  const domain = emulator.uniqueDomain('diag');
  const tokens = await emulator.createDomain(region, domain);
  await emulator.createHostedZone(domain);

  await identityPage.goto(region, domain, 'authentication');
  for (const token of tokens) {
    await expect(identityPage.dnsCheck(`${token}._domainkey.${domain}`)).toContainText('Missing');
  }
  await expect(identityPage.dnsCheck(`_dmarc.${domain}`)).toContainText('Missing (recommended)');

  await identityPage.publishButton('DKIM').click();
  await expect(identityPage.shell.flash('DKIM DNS records published to Route 53')).toBeVisible();
  await identityPage.checkDnsAgainButton.click();

  for (const token of tokens) {
    const row = identityPage.dnsCheck(`${token}._domainkey.${domain}`);
    await expect(row).toContainText('Found and correct');
    await expect(row).toContainText(`${token}.dkim.amazonses.com`);
  }
  // DMARC is advice: it stays a recommendation until the owner adds one.
  await expect(identityPage.dnsCheck(`_dmarc.${domain}`)).toContainText('Missing (recommended)');
});

test('an operator spots a DKIM record someone changed in Route 53 and sees the wrong value DNS now answers', async ({
  emulator,
  identityPage,
}) => {
  const region = 'eu-west-2';
  const domain = emulator.uniqueDomain('diagwrong');
  const tokens = await emulator.createDomain(region, domain);
  const zoneId = await emulator.createHostedZone(domain);
  const [first, ...others] = emulator.dkimRecords(domain, tokens);
  if (!first) throw new Error('SES gave no DKIM tokens');
  await emulator.changeRecords(zoneId, 'UPSERT', [
    { ...first, value: 'selector1.mail-provider.example.net' },
    ...others,
  ]);

  await identityPage.goto(region, domain, 'authentication');
  const wrong = identityPage.dnsCheck(first.name);
  await expect(wrong).toContainText('Wrong value');
  await expect(wrong).toContainText('selector1.mail-provider.example.net');
  await expect(wrong).toContainText(first.value);
  for (const record of others) {
    await expect(identityPage.dnsCheck(record.name)).toContainText('Found and correct');
  }
});
