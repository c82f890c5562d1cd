import type { DeleteIdentitiesResponse, IdentitySummary } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

function fakeWith(initial: IdentitySummary[], deleteAnswer: (names: string[]) => DeleteIdentitiesResponse) {
  let identities = [...initial];
  return startFakeBff((req) => {
    if (req.method === 'GET' && req.path === '/api/regions/us-east-1/identities') {
      return { body: { region: 'us-east-1', identities } };
    }
    if (req.method === 'POST' && req.path === '/api/regions/us-east-1/identities/delete') {
      const answer = deleteAnswer((req.body as { identities: string[] }).identities);
      const gone = new Set(
        answer.results
          .filter((r) => r.outcome === 'deleted' || r.outcome === 'not_found')
          .map((r) => r.identity),
      );
      identities = identities.filter((i) => !gone.has(i.name));
      return { body: answer };
    }
    return undefined;
  });
}

const row = (name: string, status: IdentitySummary['status'] = 'SUCCESS'): IdentitySummary => ({
  name,
  type: name.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
  status,
  sendingEnabled: status === 'SUCCESS',
});

describe('identities table', () => {
  it('when a delete partly fails, then the failed identity stays selected and its reason is shown', async () => {
    bff = await fakeWith([row('a.example'), row('b.example'), row('c.example')], (names) => ({
      results: names.map((identity) =>
        identity === 'b.example'
          ? { identity, outcome: 'failed', message: 'Throttling: rate exceeded' }
          : { identity, outcome: 'deleted' },
      ),
      deleted: names.length - 1,
      failed: 1,
      unknown: 0,
    }));
    const user = userEvent.setup();
    renderApp('/identities?region=us-east-1');

    await user.click(await screen.findByRole('checkbox', { name: 'Select a.example' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select b.example' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm.hasAttribute('disabled') || confirm.getAttribute('aria-disabled') === 'true').toBe(true);
    await user.type(within(dialog).getByRole('textbox', { name: /^To confirm deletion/ }), 'delete');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const results = await within(dialog).findByRole('table', { name: 'Delete results' });
    expect(within(results).getByText('Throttling: rate exceeded')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select a.example' })).toBeNull());
    const failed = screen.getByRole('checkbox', { name: 'Select b.example' }) as HTMLInputElement;
    expect(failed.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Select c.example' }) as HTMLInputElement).checked).toBe(
      false,
    );
    expect(screen.getByText(/b\.example: Throttling: rate exceeded/)).toBeTruthy();
    expect(bff.requests.find((r) => r.path.endsWith('/delete'))?.body).toEqual({
      identities: ['a.example', 'b.example'],
    });
  });

  it('when one identity is deleted, then no typed confirmation is asked and a success message names it', async () => {
    bff = await fakeWith([row('solo.example')], (names) => ({
      results: names.map((identity) => ({ identity, outcome: 'deleted' as const })),
      deleted: names.length,
      failed: 0,
      unknown: 0,
    }));
    const user = userEvent.setup();
    renderApp('/identities?region=us-east-1');
    await user.click(await screen.findByRole('checkbox', { name: 'Select solo.example' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Successfully deleted solo.example.')).toBeTruthy();
  });

  it('when the list request fails, then the table shows the error with a Retry button', async () => {
    bff = await startFakeBff((req) =>
      req.path === '/api/regions/us-east-1/identities'
        ? {
            status: 500,
            body: { error: { code: 'InternalError', message: 'SES is down', requestId: 'r-9' } },
          }
        : undefined,
    );
    renderApp('/identities?region=us-east-1');
    expect(await screen.findByText(/SES is down \(request id r-9\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('when exactly one verified identity is selected, then Send test email is enabled', async () => {
    bff = await fakeWith([row('ok.example'), row('wait.example', 'PENDING')], () => ({
      results: [],
      deleted: 0,
      failed: 0,
      unknown: 0,
    }));
    const user = userEvent.setup();
    renderApp('/identities?region=us-east-1');
    const send = () => screen.getByRole('button', { name: 'Send test email' });
    await user.click(await screen.findByRole('checkbox', { name: 'Select wait.example' }));
    expect(send().hasAttribute('disabled') || send().getAttribute('aria-disabled') === 'true').toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Select wait.example' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select ok.example' }));
    expect(send().hasAttribute('disabled') || send().getAttribute('aria-disabled') === 'true').toBe(false);
  });

  it('when a delete is not confirmed, then the row says so, stays selected with its reason, and is not counted as deleted', async () => {
    bff = await fakeWith([row('gone.example'), row('maybe.example')], (names) => ({
      results: names.map((identity) =>
        identity === 'maybe.example'
          ? {
              identity,
              outcome: 'unknown',
              message: 'Not confirmed: SES did not answer in time, so the delete may or may not have run.',
            }
          : { identity, outcome: 'deleted' },
      ),
      deleted: 1,
      failed: 0,
      unknown: 1,
    }));
    const user = userEvent.setup();
    renderApp('/identities?region=us-east-1');
    await user.click(await screen.findByRole('checkbox', { name: 'Select gone.example' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select maybe.example' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^To confirm deletion/ }), 'delete');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const results = await within(dialog).findByRole('table', { name: 'Delete results' });
    const maybe = within(results).getByText('maybe.example').closest('tr') as HTMLElement;
    expect(within(maybe).getByText('Not confirmed')).toBeTruthy();
    expect(within(maybe).getByText(/may or may not have run/)).toBeTruthy();
    expect(
      screen.getByText(
        'Deleted 1 of 2 identities. 1 was not confirmed (SES did not answer; it may or may not be deleted) and stays selected.',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const stillSelected = (await screen.findByRole('checkbox', {
      name: 'Select maybe.example',
    })) as HTMLInputElement;
    expect(stillSelected.checked).toBe(true);
  });
});
