import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { ConfigurationSetTab } from './configuration-set-tab';
import { MailFromContainer } from './mail-from-container';
import { NotificationsTab } from './notifications-tab';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const detail = testIdentityDetail({ name: 'focus.example' });

function renderWith(node: ReactNode) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(<AppProvider queryClient={queryClient}>{node}</AppProvider>);
}

/** The Edit button once the session's roles allow it. */
async function enabledButton(name: string): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button.getAttribute('aria-disabled')).not.toBe('true'));
  return button;
}

describe('focus in the edit-in-place containers', () => {
  it('when Cancel closes the MAIL FROM form, then focus is back on its Edit button', async () => {
    bff = await startFakeBff(() => undefined);
    const user = userEvent.setup();
    renderWith(<MailFromContainer detail={detail} />);
    await user.click(await enabledButton('Edit Custom MAIL FROM domain'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Custom MAIL FROM domain' }));
  });

  it('when a MAIL FROM save is refused for an empty subdomain, then focus is on the subdomain field', async () => {
    bff = await startFakeBff(() => undefined);
    const user = userEvent.setup();
    renderWith(<MailFromContainer detail={detail} />);
    await user.click(await enabledButton('Edit Custom MAIL FROM domain'));
    await user.click(screen.getByRole('checkbox', { name: 'Use a custom MAIL FROM domain' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Enter a MAIL FROM subdomain, such as mail')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^MAIL FROM domain/ }));
    expect(bff.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('when the BFF refuses the chosen configuration set, then the message is under the select and focus is on it', async () => {
    bff = await startFakeBff((req) =>
      req.method === 'PUT'
        ? {
            status: 404,
            body: {
              error: {
                code: 'NotFound',
                message: 'Configuration set gone does not exist in us-east-1',
                requestId: 'r-3',
                fieldErrors: [{ field: 'configurationSetName', message: 'No configuration set named gone' }],
              },
            },
          }
        : undefined,
    );
    const user = userEvent.setup();
    renderWith(
      <ConfigurationSetTab detail={detail} configurationSets={['gone']} configurationSetsLoading={false} />,
    );
    await user.click(await enabledButton('Edit Default configuration set'));
    await user.click(screen.getByRole('checkbox', { name: 'Assign a default configuration set' }));
    await user.click(screen.getByRole('button', { name: /Choose a configuration set/ }));
    await user.click(await screen.findByRole('option', { name: 'gone' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('No configuration set named gone')).toBeTruthy();
    expect(
      screen.getAllByText('Configuration set gone does not exist in us-east-1 (request id r-3)').length,
    ).toBeGreaterThan(0);
    // Select's focus lands on its trigger, which says the choice and that it is invalid.
    expect(document.activeElement?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.textContent).toContain('gone');
  });

  it('when feedback forwarding is saved, then the form closes and focus is back on Edit', async () => {
    const topic = 'arn:aws:sns:us-east-1:000000000000:feedback';
    const settings = {
      bounce: { topicArn: topic, includeHeaders: false },
      complaint: { topicArn: topic, includeHeaders: false },
      delivery: { topicArn: null, includeHeaders: false },
      forwardingEnabled: true,
    };
    bff = await startFakeBff((req) => {
      if (req.path.endsWith('/notifications'))
        return { body: req.method === 'PUT' ? { ...settings, forwardingEnabled: false } : settings };
      if (req.path.endsWith('/sns-topics')) return { body: { topics: [], truncated: false } };
      return undefined;
    });
    const user = userEvent.setup();
    renderWith(<NotificationsTab detail={detail} />);
    await user.click(await enabledButton('Edit Email feedback forwarding'));
    await user.click(screen.getByRole('checkbox', { name: /^Enabled/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull());
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Edit Email feedback forwarding' }),
    );
    // Forwarding is SES v1's notification setting now (SetIdentityFeedbackForwardingEnabled).
    expect(bff.requests.find((r) => r.method === 'PUT')?.body).toEqual({ forwardingEnabled: false });
  });
});
