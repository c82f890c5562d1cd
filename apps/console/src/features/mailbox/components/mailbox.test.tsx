import type { MailboxMessage } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const TOKEN = 'tok-0123456789abcdef-XYZ';
const EMULATOR_LINK = `http://127.0.0.1:4566/_emulator/verify-email?token=${TOKEN}`;

const verification: MailboxMessage = {
  id: 'm-verify',
  region: 'eu-west-1',
  from: 'no-reply-aws@amazon.com',
  to: ['new@shop.example'],
  subject: 'Amazon Web Services – Email Address Verification Request in region Europe (Ireland)',
  text: `To verify, open ${EMULATOR_LINK} within 24 hours.`,
  sentAt: '2026-03-01T10:00:00.000Z',
  verificationLink: EMULATOR_LINK,
  verificationToken: TOKEN,
};

/** A BFF whose mailbox holds one verification email in eu-west-1 and nothing elsewhere. */
function fakeMailbox() {
  return startFakeBff((req) => {
    if (req.method === 'GET' && req.path === '/api/emulator/mailbox') {
      return { body: { messages: req.query.get('region') === 'eu-west-1' ? [verification] : [] } };
    }
    if (req.method === 'POST' && req.path === '/api/emulator/verify-email') {
      return { body: { verified: true } };
    }
    if (req.method === 'GET' && req.path.startsWith('/api/regions/')) {
      return { body: { region: 'eu-west-1', identities: [] } };
    }
    return undefined;
  });
}

describe('the Mailbox', () => {
  it('when a Region is selected, then only its mail is asked for and shown', async () => {
    bff = await fakeMailbox();
    renderApp('/mailbox?region=us-east-1');
    expect(await screen.findByText('No messages', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByText(verification.subject)).toBeNull();
    await waitFor(() =>
      expect(
        bff?.requests.filter((r) => r.path === '/api/emulator/mailbox').map((r) => r.query.get('region')),
      ).toContain('us-east-1'),
    );
    expect(
      bff.requests.filter((r) => r.path === '/api/emulator/mailbox').every((r) => r.query.has('region')),
    ).toBe(true);
  });

  it("when a verification email is opened, then its link is the console's own (no emulator port), in the field and the text", async () => {
    bff = await fakeMailbox();
    const user = userEvent.setup();
    renderApp('/mailbox?region=eu-west-1');
    const row = (await screen.findByText(verification.subject, {}, { timeout: 20_000 })).closest('tr');
    await user.click(within(row as HTMLElement).getByRole('radio'));
    const consoleLink = `${window.location.origin}/mailbox?region=eu-west-1&verify=${TOKEN}`;
    const link = await screen.findByRole('link', { name: consoleLink });
    expect(link.getAttribute('href')).toBe(`/mailbox?region=eu-west-1&verify=${TOKEN}`);
    expect(screen.getByText(`To verify, open ${consoleLink} within 24 hours.`)).toBeTruthy();
    expect(screen.queryByText(/127\.0\.0\.1:4566/)).toBeNull();
  });

  it('when the console link is opened, then the page says which address it verifies and its button verifies it', async () => {
    bff = await fakeMailbox();
    const user = userEvent.setup();
    const app = renderApp(`/mailbox?region=eu-west-1&verify=${TOKEN}`);
    expect(
      await screen.findByText(
        /verification email to new@shop.example \(eu-west-1\)/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByText('new@shop.example is now verified.')).toBeTruthy();
    const post = bff.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ token: TOKEN });
    await waitFor(() => expect(app.router.state.location.search).not.toContain('verify='));
  });
});
