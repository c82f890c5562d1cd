import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const unavailable = {
  status: 503,
  body: { error: { code: 'ServiceUnavailable', message: 'SES is unavailable', requestId: 'req-7' } },
};

/** A BFF whose answers for `path` can be switched to 503 and back. */
async function switchableBff(path: string, body: unknown) {
  const state = { down: false };
  bff = await startFakeBff((req) =>
    req.method === 'GET' && req.path === path ? (state.down ? unavailable : { body }) : undefined,
  );
  return state;
}

/** The time of the last good load the warning names (its `<time>`, the only one on these pages). */
function shownLoadTime(): number {
  return Date.parse(document.querySelector('time')?.getAttribute('datetime') ?? '');
}

describe('data that could not be refreshed', () => {
  it('when refreshing the identities fails, then the last list stays under a warning with its load time and the reason, and Retry clears it once the server answers', async () => {
    const server = await switchableBff('/api/regions/us-east-1/identities', {
      region: 'us-east-1',
      identities: [{ name: 'kept.example', type: 'DOMAIN', status: 'SUCCESS', sendingEnabled: true }],
    });
    const user = userEvent.setup();
    const before = Date.now();
    renderApp('/identities?region=us-east-1');
    await screen.findByRole('link', { name: 'kept.example' });
    const after = Date.now();

    server.down = true;
    await user.click(screen.getByRole('button', { name: 'Refresh identities' }));
    expect(await screen.findByText('The identities could not be refreshed')).toBeTruthy();
    expect(screen.getByText(/SES is unavailable \(request id req-7\)/)).toBeTruthy();
    const loadedAt = shownLoadTime();
    expect(loadedAt).toBeGreaterThanOrEqual(before);
    expect(loadedAt).toBeLessThanOrEqual(after);
    expect(screen.getByRole('link', { name: 'kept.example' })).toBeTruthy();
    // The table's own error state is for a list that never loaded: not shown beside the stale rows.
    expect(screen.queryByText(/Identities could not be loaded/)).toBeNull();

    server.down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText('The identities could not be refreshed')).toBeNull());
    expect(screen.getByRole('link', { name: 'kept.example' })).toBeTruthy();
  });

  it('when the first load of the identities fails, then there is no stale warning but the table error with Retry', async () => {
    const server = await switchableBff('/api/regions/us-east-1/identities', {
      region: 'us-east-1',
      identities: [],
    });
    server.down = true;
    renderApp('/identities?region=us-east-1');
    expect(await screen.findByText(/Identities could not be loaded: SES is unavailable/)).toBeTruthy();
    expect(screen.queryByText('The identities could not be refreshed')).toBeNull();
  });

  it('when refreshing an identity fails, then its page stays with a warning naming the last load instead of turning into an error', async () => {
    const detail = testIdentityDetail({ name: 'stale.example' });
    const server = await switchableBff('/api/regions/us-east-1/identities/stale.example', detail);
    const before = Date.now();
    const app = renderApp('/identities/stale.example?region=us-east-1');
    await screen.findByRole('heading', { level: 1, name: 'stale.example' });
    const after = Date.now();

    server.down = true;
    // Any refresh of the page's data (after an edit, a Retry elsewhere) goes through the same query.
    await app.queryClient.refetchQueries({ type: 'active' });
    expect(await screen.findByText('The identity could not be refreshed')).toBeTruthy();
    expect(screen.getByText(/SES is unavailable \(request id req-7\)/)).toBeTruthy();
    const loadedAt = shownLoadTime();
    expect(loadedAt).toBeGreaterThanOrEqual(before);
    expect(loadedAt).toBeLessThanOrEqual(after);
    expect(screen.getByRole('heading', { level: 1, name: 'stale.example' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Authentication' })).toBeTruthy();
    expect(screen.queryByText('The identity could not be loaded')).toBeNull();
  });
});
