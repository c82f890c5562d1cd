import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const detail = testIdentityDetail({ name: 'page.example' });

/** The BFF for one identity page; its bulk delete answers with `outcome` (or the status it fails with). */
function fakePage(deleteAnswer: 'deleted' | 'unknown' | 504) {
  let deleted = false;
  return startFakeBff((req) => {
    if (req.method === 'GET' && req.path === '/api/regions/us-east-1/identities/page.example') {
      return deleted
        ? { status: 404, body: { error: { code: 'NotFound', message: 'gone', requestId: 'r' } } }
        : { body: detail };
    }
    if (req.method === 'GET' && req.path === '/api/regions/us-east-1/identities') {
      return { body: { region: 'us-east-1', identities: [] } };
    }
    if (req.method === 'POST' && req.path === '/api/regions/us-east-1/identities/delete') {
      if (deleteAnswer === 504) {
        return {
          status: 504,
          body: { error: { code: 'RequestTimeout', message: 'No answer', requestId: 'r-5' } },
        };
      }
      deleted = deleteAnswer === 'deleted';
      const result =
        deleteAnswer === 'deleted'
          ? { identity: 'page.example', outcome: 'deleted' }
          : { identity: 'page.example', outcome: 'unknown', message: 'SES did not answer in time' };
      return { body: { results: [result], deleted: deleted ? 1 : 0, failed: 0, unknown: deleted ? 0 : 1 } };
    }
    return undefined;
  });
}

async function deleteFromPage() {
  const user = userEvent.setup();
  const app = renderApp('/identities/page.example?region=us-east-1');
  await screen.findByRole('heading', { name: 'page.example', level: 1 }, { timeout: 20_000 });
  await user.click(await screen.findByRole('button', { name: 'Delete' }));
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).queryByRole('textbox')).toBeNull();
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
  return { app };
}

describe('deleting from the identity page', () => {
  it('when the identity is deleted, then the bulk delete was sent and the list opens with the success message', async () => {
    bff = await fakePage('deleted');
    const { app } = await deleteFromPage();
    expect(await screen.findByText('Successfully deleted page.example.')).toBeTruthy();
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/identities'));
    expect(bff.requests.filter((r) => r.path.endsWith('/delete')).map((r) => [r.method, r.body])).toEqual([
      ['POST', { identities: ['page.example'] }],
    ]);
    expect(bff.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('when SES does not confirm the delete, then the page stays and the dialog says Not confirmed with the reason', async () => {
    bff = await fakePage('unknown');
    const { app } = await deleteFromPage();
    // The page reloads the identity (it may be gone), so the dialog is found anew.
    const results = await screen.findByRole('table', { name: 'Delete results' });
    expect(within(results).getByText('Not confirmed')).toBeTruthy();
    expect(within(results).getByText('SES did not answer in time')).toBeTruthy();
    expect(app.router.state.location.pathname).toBe('/identities/page.example');
  });

  it('when the delete request times out, then the identity is Not confirmed rather than failed', async () => {
    bff = await fakePage(504);
    await deleteFromPage();
    const results = await screen.findByRole('table', { name: 'Delete results' });
    expect(within(results).getByText('Not confirmed')).toBeTruthy();
    expect(within(results).getByText('No answer (request id r-5)')).toBeTruthy();
  });
});
