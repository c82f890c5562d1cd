import { demoAccountPlans, demoAnchors, demoPlan, parseDemoSize } from '@ses-console/demo-kit';
import { expect, test } from '../fixtures';
import { outputDir, tourRegion as region, tourUrl } from './tour-env';
import { TourRecorder } from './tour-report';

const STATUS_LABELS = ['Failure', 'Temporary Failure', 'Pending', 'Not started', 'Verified'];

/**
 * The demo tour: the procedures of the SES guide "Managing identities", one step each, on the seeded
 * demo account, through the page objects. Every step leaves a numbered screenshot and a report entry;
 * a failed step is reported and the tour goes on, then the test fails.
 */
test('demo tour: managing identities on the demo account', async ({
  page,
  identitiesPage,
  identityPage,
  createIdentityPage,
  sendTestEmailPage,
  mailboxPage,
}) => {
  test.setTimeout(240_000);
  const size = parseDemoSize(process.env.DEMO_SIZE);
  const plan = demoPlan(size);
  const accountPlans = demoAccountPlans(size);
  /** How the console's messages name an identity of the toured account (the demo has ACCOUNTS). */
  const named = (identity: string) => `${identity} in ${plan.account.name} (${plan.account.id})`;
  const anchors = demoAnchors(plan, region);
  const suffix = Date.now().toString(36);
  const newDomain = `launch-${suffix}.${anchors.zonedDomain}`;
  const extraDomain = `promo-${suffix}.${anchors.zonedDomain}`;
  const newAddress = `hello-${suffix}@${anchors.zonedDomain}`;
  const tour = new TourRecorder(page, outputDir);
  const [firstSet, otherSet] = anchors.configurationSets as [string, string];

  const everyStatusShown = async () => {
    await expect.poll(async () => new Set(await identitiesPage.statuses()).size).toBe(STATUS_LABELS.length);
    const statuses = await identitiesPage.statuses();
    expect([...new Set(statuses)].sort()).toEqual([...STATUS_LABELS].sort());
    const count = (label: string) => statuses.filter((s) => s === label).length;
    return `${statuses.length} identities: ${STATUS_LABELS.map((l) => `${count(l)} ${l}`).join(', ')}`;
  };

  try {
    await tour.step(
      'identities-list',
      'View the identities list',
      'Opened Verified identities in us-east-1 and set the page size to 100 in the table preferences.',
      async () => {
        await identitiesPage.goto({ region: 'us-east-1' });
        await identitiesPage.setPageSize(100);
        return `All five statuses are listed — ${await everyStatusShown()}.`;
      },
      { fullPage: true },
    );

    await tour.step(
      'sorted-by-status',
      'Sort identities by status',
      'Clicked the Status column header: problems first (Failure → Temporary Failure → Pending → Not started → Verified).',
      async () => {
        await identitiesPage.sortBy('Status');
        await expect(page).toHaveURL(/sort=status/);
        await expect.poll(async () => (await identitiesPage.statuses())[0]).toBe('Failure');
        const statuses = await identitiesPage.statuses();
        return `The list starts with ${statuses.filter((s) => s === 'Failure').length} Failure rows and ends with ${statuses.filter((s) => s === 'Verified').length} Verified ones.`;
      },
    );

    for (const other of ['eu-west-1', 'ap-southeast-2']) {
      await tour.step(
        `region-${other}`,
        `Switch the Region to ${other}`,
        `Picked ${other} in the top navigation's Region selector.`,
        async () => {
          await identitiesPage.shell.selectRegion(other);
          await expect(page).toHaveURL(new RegExp(`region=${other}`));
          await expect(identitiesPage.table.getByText('Loading identities')).toHaveCount(0);
          return `Only ${other}'s identities are shown — ${await everyStatusShown()}.`;
        },
        { fullPage: true },
      );
    }

    await tour.step(
      'all-accounts',
      'View every account and Region at once',
      'Picked All accounts in the account selector, then All regions; sorted by Account both ways; then picked production again.',
      async () => {
        const label = (p: (typeof accountPlans)[number]) => `${p.account.name} (${p.account.id})`;
        const total = accountPlans.reduce((n, p) => n + p.identities.length, 0);
        await identitiesPage.shell.selectAllAccounts();
        await expect(page).toHaveURL(/account=all/);
        await identitiesPage.shell.selectAllRegions();
        await expect(page).toHaveURL(/region=all/);
        await expect(identitiesPage.table.getByText('Loading identities')).toHaveCount(0);
        await expect(page.getByRole('heading', { name: `Identities (${total})` })).toBeVisible();
        const labels = accountPlans.map(label);
        // The demo's ids grow in ACCOUNTS order, so either order puts production first and sandbox last.
        await identitiesPage.sortBy('Account');
        await expect.poll(async () => (await identitiesPage.columnTexts('Account'))[0]).toBe(labels[0]);
        await identitiesPage.sortBy('Account');
        await expect.poll(async () => (await identitiesPage.columnTexts('Account'))[0]).toBe(labels.at(-1));
        for (const text of await identitiesPage.columnTexts('Account')) expect(labels).toContain(text);
        await identitiesPage.shell.selectAccount(plan.account.name);
        await expect(page).toHaveURL(new RegExp(`account=${plan.account.id}`));
        const counts = accountPlans.map((p) => `${p.account.name} ${p.identities.length}`).join(', ');
        return `${total} identities of ${accountPlans.length} accounts in one table, each with its account (${counts}).`;
      },
    );

    await tour.step(
      'open-identity',
      'Open an identity',
      `Filtered ${region}'s list for ${anchors.zonedDomain} and clicked its name.`,
      async () => {
        await identitiesPage.goto({ region, filter: anchors.zonedDomain });
        await identitiesPage.open(anchors.zonedDomain);
        await expect(identityPage.heading(anchors.zonedDomain)).toBeVisible();
        await expect(identityPage.value('Identity status')).toHaveText('Verified');
        await expect(page.getByRole('table', { name: 'DKIM DNS records' }).getByRole('row')).toHaveCount(4);
        return 'The identity page shows the Summary (Verified, Easy DKIM) and the three DKIM CNAME records on the Authentication tab.';
      },
      { fullPage: true },
    );

    await tour.step(
      'create-domain',
      'Create a domain identity',
      `Create identity → Domain → ${newDomain}, without publishing to Route 53.`,
      async () => {
        await createIdentityPage.goto(region);
        await createIdentityPage.createDomain(newDomain);
        await expect(identityPage.heading(newDomain)).toBeVisible();
        await expect(identityPage.shell.flash(`${named(newDomain)} was created.`)).toBeVisible();
        await expect(identityPage.value('Identity status')).toHaveText('Pending');
        await expect(identityPage.publishButton('DKIM')).toBeVisible();
        return `${newDomain} is Pending; its DKIM records are not in Route 53 yet, so the console offers to publish them.`;
      },
      { fullPage: true },
    );

    await tour.step(
      'publish-dns',
      'Publish DNS records to Route 53',
      `Clicked "Publish DNS records to Route53" in the DKIM container (hosted zone ${anchors.zonedDomain}), let the emulator's clock run 2 minutes and reloaded.`,
      async () => {
        await identityPage.publishButton('DKIM').click();
        await expect(identityPage.shell.flash('DKIM DNS records published to Route 53')).toBeVisible();
        // A state-changing API call, like the console's own: the session's CSRF token goes with it.
        const session = (await (await page.request.get(`${tourUrl}/api/session`)).json()) as {
          csrfToken: string;
        };
        const clock = await page.request.post(`${tourUrl}/api/emulator/clock`, {
          data: { advanceSeconds: 120 },
          headers: { 'x-csrf-token': session.csrfToken },
        });
        expect(clock.ok()).toBe(true);
        await page.reload();
        await expect(identityPage.value('Identity status')).toHaveText('Verified');
        return `The records went into the parent zone ${anchors.zonedDomain}; SES found them and ${newDomain} is Verified.`;
      },
      { fullPage: true },
    );

    await tour.step(
      'edit-containers',
      'Edit the identity: tags and custom MAIL FROM domain',
      'Tags tab → Manage tags → team = growth; Authentication tab → Custom MAIL FROM domain → Edit → bounce.',
      async () => {
        await identityPage.openTab('Tags');
        await identityPage.addTag('team', 'growth');
        await expect(page.getByRole('table', { name: 'Tags' }).getByText('growth')).toBeVisible();
        await identityPage.openTab('Authentication');
        await identityPage.setMailFromDomain('bounce');
        await expect(identityPage.value('MAIL FROM domain')).toHaveText(`bounce.${newDomain}`);
        return `Tag team=growth saved; MAIL FROM domain is bounce.${newDomain} (its MX and SPF records are listed to publish).`;
      },
      { fullPage: true },
    );

    await tour.step(
      'default-configuration-set',
      'Assign a default configuration set',
      `Configuration set tab → Edit → "Assign a default configuration set" → ${firstSet}.`,
      async () => {
        await identityPage.openTab('Configuration set');
        await identityPage.assignConfigurationSet(firstSet);
        await expect(identityPage.value('Default configuration set')).toHaveText(firstSet);
        return `Mail from ${newDomain} now uses ${firstSet} unless the sender names another set.`;
      },
    );

    await tour.step(
      'email-authentication-tab',
      'Authentication tab of an email address identity',
      `Opened ${anchors.verifiedAddress}, an address whose domain is a verified domain identity.`,
      async () => {
        await identityPage.goto(region, anchors.verifiedAddress);
        await expect(identityPage.tab('Authentication')).toBeVisible();
        await identityPage.openTab('Authentication');
        await expect(page.getByRole('heading', { name: 'DomainKeys Identified Mail (DKIM)' })).toBeVisible();
        return `The Authentication tab is shown, because ${anchors.zonedDomain} is verified in ${region} (it is hidden for addresses without one).`;
      },
      { fullPage: true },
    );

    const subject = `Launch announcement ${suffix}`;
    await tour.step(
      'send-test-email',
      'Send a test email with another configuration set',
      `Selected ${newDomain} in the list → Send test email → configuration set ${otherSet} instead of the default ${firstSet}; then opened the Mailbox.`,
      async () => {
        await identitiesPage.goto({ region, filter: newDomain });
        await identitiesPage.select(newDomain);
        await identitiesPage.sendTestEmailButton.click();
        const messageId = await sendTestEmailPage.send({ configurationSet: otherSet, subject });
        expect(messageId).not.toBe('');
        await mailboxPage.goto(region);
        await mailboxPage.filter(subject);
        await expect(mailboxPage.row(subject)).toContainText(otherSet);
        await mailboxPage.open(subject);
        return `Sent (MessageId ${messageId}); the Mailbox captured it with configuration set ${otherSet}.`;
      },
      { fullPage: true },
    );

    await tour.step(
      'create-and-verify-email',
      'Create an email address identity and verify it through the Mailbox',
      `Create identity → Email address → ${newAddress}; opened the verification email in the Mailbox and clicked "Verify email address".`,
      async () => {
        await createIdentityPage.goto(region);
        await createIdentityPage.createEmailAddress(newAddress);
        await expect(
          identityPage.shell.flash(`A verification email was sent to ${newAddress}`),
        ).toBeVisible();
        await mailboxPage.goto(region);
        await mailboxPage.filter(newAddress);
        await mailboxPage.open(newAddress);
        await mailboxPage.verifyButton.click();
        await expect(mailboxPage.shell.flash(`${newAddress} is now verified.`)).toBeVisible();
        await identityPage.goto(region, newAddress);
        await expect(identityPage.value('Identity status')).toHaveText('Verified');
        return `${newAddress} went from Pending to Verified by following the captured link.`;
      },
    );

    await tour.step(
      'delete-one',
      'Delete one identity',
      `Filtered for ${suffix}, selected ${newAddress} → Delete → confirmed.`,
      async () => {
        await identitiesPage.goto({ region, filter: suffix });
        await identitiesPage.select(newAddress);
        await expect(await identitiesPage.deleteSelected()).toBeHidden();
        // With ACCOUNTS the message names the account the identity was deleted in (the default one).
        await expect(identitiesPage.shell.flash(`Successfully deleted ${named(newAddress)}.`)).toBeVisible();
        await expect(identitiesPage.link(newAddress)).toHaveCount(0);
        return `${newAddress} is gone; ${newDomain} remains.`;
      },
    );

    await tour.step(
      'delete-several',
      'Delete several identities at once',
      `Created ${extraDomain}, then selected it and ${newDomain} → Delete → typed "delete" → Delete.`,
      async () => {
        await createIdentityPage.goto(region);
        await createIdentityPage.createDomain(extraDomain);
        await expect(identityPage.heading(extraDomain)).toBeVisible();
        await identitiesPage.goto({ region, filter: suffix });
        await identitiesPage.select(newDomain, extraDomain);
        await expect(await identitiesPage.deleteSelected()).toBeHidden();
        await expect(identitiesPage.shell.flash('Successfully deleted 2 identities.')).toBeVisible();
        await expect(identitiesPage.table.getByRole('rowheader')).toHaveCount(0);
        return 'Both were deleted in one go; the tour left the demo account as it found it.';
      },
    );
  } finally {
    tour.write({ url: tourUrl, seed: process.env.DEMO_TOUR_SEED });
  }
  expect(
    tour.failed.map((s) => `${s.number}. ${s.title}: ${s.result}`),
    'every tour step passes',
  ).toEqual([]);
});
