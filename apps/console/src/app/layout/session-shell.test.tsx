import type { SessionResponse } from '@ses-console/contract';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff, testSession } from '../../testing/fake-bff';
import { renderApp } from '../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const viewer: SessionResponse = {
  ...testSession,
  authMode: 'oidc',
  user: { id: 'vera', name: 'Vera Viewer', email: 'vera@example.com' },
  roles: ['viewer'],
  signOut: 'bff',
};

function fakeAs(session: SessionResponse | 'signed-out') {
  return startFakeBff((req) => {
    if (req.path === '/api/session') {
      return session === 'signed-out'
        ? { status: 401, body: { error: { code: 'Unauthenticated', message: 'Sign in', requestId: 'r' } } }
        : { body: session };
    }
    if (req.path === '/api/regions/us-east-1/identities') {
      return {
        body: {
          region: 'us-east-1',
          identities: [{ name: 'a.example', type: 'DOMAIN', status: 'SUCCESS', sendingEnabled: true }],
        },
      };
    }
    return undefined;
  });
}

describe('session in the console shell', () => {
  it('when a viewer is signed in, then the top bar names them and Create and Delete are not offered', async () => {
    bff = await fakeAs(viewer);
    renderApp('/identities?region=us-east-1');
    await screen.findByRole('checkbox', { name: 'Select a.example' });
    // The top navigation's utilities (narrow jsdom window: possibly in the overflow menu) name the user.
    expect((await screen.findAllByText('Vera Viewer', {})).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create identity' })).toBeNull();
  });

  it('when the local admin (AUTH_MODE=none) is signed in, then Create and Delete are offered', async () => {
    bff = await fakeAs(testSession);
    renderApp('/identities?region=us-east-1');
    await screen.findByRole('checkbox', { name: 'Select a.example' });
    expect(await screen.findByRole('button', { name: 'Create identity' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('when nobody is signed in, then the page offers Sign in, coming back to the same page', async () => {
    bff = await fakeAs('signed-out');
    renderApp('/identities?region=us-east-1');
    const link = await screen.findByRole('link', { name: 'Sign in' });
    expect(link.getAttribute('href')).toBe(
      `/auth/login?returnTo=${encodeURIComponent('/identities?region=us-east-1')}`,
    );
  });
});
