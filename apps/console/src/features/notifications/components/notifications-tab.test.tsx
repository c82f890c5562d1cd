import type { NotificationSettings } from '@ses-console/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { type FakeBff, type FakeRequest, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { NotificationsTab } from '../../identities/components/notifications-tab';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const detail = testIdentityDetail({ name: 'notify.example' });
const bounces = 'arn:aws:sns:us-east-1:000000000000:ses-bounces';
const complaints = 'arn:aws:sns:us-east-1:000000000000:ses-complaints';
const topics = [
  { arn: bounces, name: 'ses-bounces' },
  { arn: complaints, name: 'ses-complaints' },
];
const none = { topicArn: null, includeHeaders: false };
const fresh: NotificationSettings = {
  bounce: none,
  complaint: none,
  delivery: none,
  forwardingEnabled: true,
};

/** A BFF that holds the settings and answers a PUT with them merged (as the real one does after SES). */
function settingsBff(
  initial: NotificationSettings,
  refuse?: (req: FakeRequest) => unknown,
  regionTopics = topics,
) {
  let settings = initial;
  return startFakeBff((req) => {
    if (req.path.endsWith('/sns-topics')) return { body: { topics: regionTopics, truncated: false } };
    if (!req.path.endsWith('/notifications')) return undefined;
    if (req.method === 'PUT') {
      const refusal = refuse?.(req);
      if (refusal) return { status: 400, body: refusal };
      settings = { ...settings, ...(req.body as Partial<NotificationSettings>) };
    }
    return { body: settings };
  });
}

function renderTab() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(
    <AppProvider queryClient={queryClient}>
      <NotificationsTab detail={detail} />
    </AppProvider>,
  );
}

async function enabledButton(name: string): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button.getAttribute('aria-disabled')).not.toBe('true'));
  return button;
}

const puts = () => bff?.requests.filter((r) => r.method === 'PUT') ?? [];

describe('the Notifications tab', () => {
  it('when the settings cannot be loaded, then both containers say why and Retry loads them', async () => {
    let fail = true;
    bff = await startFakeBff((req) => {
      if (!req.path.endsWith('/notifications')) return undefined;
      if (fail)
        return {
          status: 503,
          body: { error: { code: 'ServiceUnavailable', message: 'SES is down', requestId: 'r-1' } },
        };
      return { body: fresh };
    });
    renderTab();
    expect(
      await screen.findAllByText('Notification settings could not be loaded: SES is down (request id r-1)'),
    ).toHaveLength(2);
    fail = false;
    await userEvent.setup().click(screen.getAllByRole('button', { name: 'Retry' })[0] as HTMLElement);
    expect(await screen.findByRole('button', { name: 'Edit Feedback notifications' })).toBeTruthy();
  });

  it('when an identity has a Bounce topic with headers, then the table shows each type, its topic and the headers choice', async () => {
    bff = await settingsBff({ ...fresh, bounce: { topicArn: bounces, includeHeaders: true } });
    renderTab();
    const table = within(await screen.findByRole('table'));
    expect(table.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Feedback type',
      'SNS topic',
      'Include original email headers',
    ]);
    const rows = table.getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Bounce', bounces, 'Yes'],
      ['Complaint', 'No SNS topic', 'No'],
      ['Delivery', 'No SNS topic', 'No'],
    ]);
    expect(screen.getByText('Enabled')).toBeTruthy();
  });

  it('when Bounce and Complaint get topics of the Region and Bounce its headers, then one PUT sends just those and focus is back on Edit', async () => {
    bff = await settingsBff(fresh);
    const user = userEvent.setup();
    renderTab();
    await user.click(await enabledButton('Edit Feedback notifications'));
    await user.click(screen.getByRole('button', { name: /^Bounce feedback/ }));
    await user.click(await screen.findByRole('option', { name: /^ses-bounces/ }));
    await user.click(screen.getByRole('button', { name: /^Complaint feedback/ }));
    await user.click(await screen.findByRole('option', { name: /^ses-complaints/ }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Include original email headers in Bounce notifications' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull());
    expect(puts().map((r) => r.body)).toEqual([
      {
        bounce: { topicArn: bounces, includeHeaders: true },
        complaint: { topicArn: complaints, includeHeaders: false },
      },
    ]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Feedback notifications' }));
    expect(await screen.findByText(complaints)).toBeTruthy();
  });

  it("when a topic you don't own gets a malformed ARN, then the rule shows under the ARN field, it has focus and nothing is sent", async () => {
    bff = await settingsBff(fresh);
    const user = userEvent.setup();
    renderTab();
    await user.click(await enabledButton('Edit Feedback notifications'));
    await user.click(screen.getByRole('button', { name: /^Delivery feedback/ }));
    await user.click(await screen.findByRole('option', { name: /^SNS topic you don't own/ }));
    await user.type(screen.getByRole('textbox', { name: /^Delivery topic ARN/ }), 'my-topic');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText(/Enter a topic ARN such as arn:aws:sns/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Delivery topic ARN/ }));
    expect(puts()).toHaveLength(0);
  });

  it('when forwarding is unchecked while Complaint has no topic, then the form explains the rule and sends nothing', async () => {
    bff = await settingsBff({ ...fresh, bounce: { topicArn: bounces, includeHeaders: false } });
    const user = userEvent.setup();
    renderTab();
    await user.click(await enabledButton('Edit Email feedback forwarding'));
    expect(screen.getByText(/Set a topic for Complaint under Feedback notifications first/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /^Enabled/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findAllByText(/Set a topic for Complaint under Feedback notifications first/),
    ).toHaveLength(2);
    expect(puts()).toHaveLength(0);
  });

  it('when SES still refuses to disable forwarding, then its own message is shown under the checkbox', async () => {
    const message = 'Feedback forwarding cannot be disabled for identity notify.example (SES said so).';
    bff = await settingsBff(
      {
        ...fresh,
        bounce: { topicArn: bounces, includeHeaders: false },
        complaint: { topicArn: complaints, includeHeaders: false },
      },
      () => ({
        error: {
          code: 'InvalidParameterValue',
          message,
          requestId: 'r-2',
          fieldErrors: [{ field: 'forwardingEnabled', message }],
        },
      }),
    );
    const user = userEvent.setup();
    renderTab();
    await user.click(await enabledButton('Edit Email feedback forwarding'));
    await user.click(screen.getByRole('checkbox', { name: /^Enabled/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      (await screen.findAllByText(new RegExp(message.replace(/[().]/g, '\\$&')))).length,
    ).toBeGreaterThan(0);
    expect(puts().map((r) => r.body)).toEqual([{ forwardingEnabled: false }]);
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeTruthy();
  });

  it("when the Region has no topics, then the select says so and another account's topic can still be entered", async () => {
    bff = await settingsBff(fresh, undefined, []);
    const user = userEvent.setup();
    renderTab();
    await user.click(await enabledButton('Edit Feedback notifications'));
    await user.click(screen.getByRole('button', { name: /^Bounce feedback/ }));
    expect(
      (await screen.findByRole('option', { name: 'No SNS topics in us-east-1 yet' })).getAttribute(
        'aria-disabled',
      ),
    ).toBe('true');
    await user.click(screen.getByRole('option', { name: /^SNS topic you don't own/ }));
    const arn = 'arn:aws:sns:us-east-1:111122223333:partner-bounces';
    await user.type(screen.getByRole('textbox', { name: /^Bounce topic ARN/ }), arn);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]?.body).toEqual({ bounce: { topicArn: arn, includeHeaders: false } });
  });

  it('when Cancel closes the feedback form, then focus is back on its Edit button and nothing is sent', async () => {
    bff = await settingsBff(fresh);
    const user = userEvent.setup();
    renderTab();
    await user.click(await enabledButton('Edit Feedback notifications'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Feedback notifications' }));
    expect(puts()).toHaveLength(0);
  });
});
