import {
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  PutEmailIdentityMailFromAttributesCommand,
  TagResourceCommand,
} from '@aws-sdk/client-sesv2';
import type { Page } from '@playwright/test';
import { Emulator, expect, test } from '../fixtures';
import { axeViolations, describeViolations } from '../support/axe';

/**
 * An axe-core audit of every page a daily user works on, in light, dark and mobile (390 px): zero
 * violations of any rule axe runs by default (WCAG 2 A/AA and best practices). One page load per
 * page and mode, on data seeded once for the file.
 */
const region = 'us-east-2';
const emulator = new Emulator();
const domain = emulator.uniqueDomain('a11y');
const address = `${emulator.unique('a11y')}@example.com`;
const topic = emulator.unique('a11y-feedback');

test.beforeAll(async () => {
  await emulator.createVerifiedDomain(region, domain);
  const ses = emulator.ses(region);
  await ses.send(
    new PutEmailIdentityMailFromAttributesCommand({
      EmailIdentity: domain,
      MailFromDomain: `bounce.${domain}`,
    }),
  );
  await ses.send(
    new TagResourceCommand({
      ResourceArn: `arn:aws:ses:${region}:000000000000:identity/${domain}`,
      Tags: [{ Key: 'team', Value: 'mail' }],
    }),
  );
  await ses.send(
    new CreateEmailIdentityPolicyCommand({
      EmailIdentity: domain,
      PolicyName: 'senders',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'ses:SendEmail', Resource: '*' },
        ],
      }),
    }),
  );
  await emulator.createEmailAddress(region, address); // its verification email fills the Mailbox
  // A Bounce topic: the Notifications table shows its ARN, and SES's confirmation is the topic's message.
  const topicArn = await emulator.createTopic(region, topic);
  await emulator.setNotificationTopic(region, domain, 'Bounce', topicArn);
  // A replica (Deterministic Easy DKIM), so the Global identity container is audited with a row.
  await emulator.ses('us-west-2').send(
    new CreateEmailIdentityCommand({
      EmailIdentity: domain,
      DkimSigningAttributes: { DomainSigningAttributesOrigin: 'AWS_SES_US_EAST_2' },
    }),
  );
});

interface AuditedPage {
  name: string;
  url: () => string;
  /** What shows once the page has its data (axe audits what the user sees, not a spinner). */
  ready(page: Page): Promise<void>;
}

const tab = (label: string, id: string, more?: (page: Page) => Promise<void>, state = ''): AuditedPage => ({
  name: `identity page, ${label} tab${state}`,
  url: () => `/identities/${encodeURIComponent(domain)}?region=${region}&tab=${id}`,
  async ready(page) {
    await expect(page.getByRole('tab', { name: label, selected: true })).toBeVisible();
    await more?.(page);
  },
});

const pages: AuditedPage[] = [
  {
    name: 'identities list',
    url: () => `/identities?region=${region}&filter=${encodeURIComponent(domain)}`,
    ready: (page) => expect(page.getByRole('link', { name: domain })).toBeVisible(),
  },
  tab('Authentication', 'authentication', async (page) => {
    await expect(page.getByText(/^Checked .* through /)).toBeVisible();
    // The Global identity container with its replica row.
    await expect(
      page.getByRole('table', { name: 'Replicas' }).getByRole('link', { name: /us-west-2/ }),
    ).toBeVisible({ timeout: 30_000 });
  }),
  tab('Authorization', 'authorization', (page) => expect(page.getByText('senders').first()).toBeVisible()),
  tab('Configuration set', 'configuration-set'),
  tab('Notifications', 'notifications', (page) =>
    expect(page.getByRole('cell', { name: new RegExp(`:${topic}$`) })).toBeVisible(),
  ),
  tab(
    'Notifications',
    'notifications',
    async (page) => {
      // The Feedback notifications form, open, with a topic's ARN field.
      await page.getByRole('button', { name: 'Edit Feedback notifications' }).click();
      await page.getByRole('button', { name: /^Delivery feedback/ }).click();
      await page.getByRole('option', { name: /^SNS topic you don't own/ }).click();
      await expect(page.getByRole('textbox', { name: /^Delivery topic ARN/ })).toBeVisible();
    },
    ' (editing feedback notifications)',
  ),
  tab('Tags', 'tags', (page) => expect(page.getByRole('rowheader', { name: 'team' })).toBeVisible()),
  {
    name: 'create identity',
    url: () => `/identities/create?region=${region}`,
    ready: (page) => expect(page.getByRole('heading', { level: 1, name: 'Create identity' })).toBeVisible(),
  },
  {
    name: 'send test email',
    url: () => `/identities/${encodeURIComponent(domain)}/send-test-email?region=${region}`,
    ready: (page) => expect(page.getByRole('heading', { level: 1, name: 'Send test email' })).toBeVisible(),
  },
  {
    name: 'emulator account',
    url: () => `/emulator/account?region=${region}`,
    ready: (page) => expect(page.getByRole('checkbox', { name: 'Production access' })).toBeVisible(),
  },
  {
    name: 'mailbox',
    url: () => `/mailbox?region=${region}`,
    ready: (page) =>
      expect(page.getByRole('table', { name: 'Captured messages' }).getByRole('row').nth(1)).toBeVisible(),
  },
  {
    name: 'SNS topics page, a topic with its messages',
    url: () => `/emulator/sns-topics?region=${region}&topic=${topic}`,
    async ready(page) {
      await expect(page.getByRole('heading', { name: new RegExp(`Messages of ${topic}`) })).toBeVisible();
      await expect(page.getByText(/"notificationType": "AmazonSnsSubscriptionSucceeded"/)).toBeVisible();
    },
  },
  {
    name: 'activity',
    url: () => `/activity?region=${region}`,
    async ready(page) {
      await expect(page.getByRole('heading', { name: /^Activity/ })).toBeVisible();
      await expect(page.getByText('Loading activity')).toHaveCount(0);
    },
  },
];

async function expectNoViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const modes = [
  { mode: 'light', viewport: { width: 1280, height: 900 }, theme: 'light' },
  { mode: 'dark', viewport: { width: 1280, height: 900 }, theme: 'dark' },
  { mode: 'mobile', viewport: { width: 390, height: 844 }, theme: 'light' },
] as const;

for (const { mode, viewport, theme } of modes) {
  test.describe(`accessibility (${mode})`, () => {
    // The audit injects axe as a script tag, which the console's CSP (script-src 'self') would refuse.
    test.use({ viewport, bypassCSP: true });
    test.beforeEach(async ({ page }) => {
      // What the top bar's Dark mode / Light mode button stores; the console applies it on start.
      await page.addInitScript(
        (stored) => window.localStorage.setItem('ses-console.theme', stored),
        JSON.stringify(theme),
      );
    });

    for (const audited of pages) {
      test(`a user of assistive technology finds no axe violations on the ${audited.name}`, async ({
        page,
      }) => {
        await page.goto(audited.url());
        await audited.ready(page);
        await expect(page.locator('body')).toHaveClass(
          theme === 'dark' ? /awsui-dark-mode/ : /^(?!.*awsui-dark-mode)/,
        );
        await expectNoViolations(page);
      });
    }

    if (mode === 'mobile') {
      test('a mobile user who opens the navigation still finds a level-one heading and no violations', async ({
        page,
      }) => {
        await page.goto(pages[0]!.url());
        await pages[0]!.ready(page);
        await page.getByRole('button', { name: 'Open side navigation' }).click();
        await expect(page.getByRole('button', { name: 'Close side navigation' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 1, name: 'Verified identities' })).toBeAttached();
        await expectNoViolations(page);
      });
    }
  });
}
