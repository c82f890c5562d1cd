import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { type FakeBff, startFakeBff } from '../../testing/fake-bff';
import { renderApp } from '../../testing/render-app';
import { AppProvider, createQueryClient } from '../provider';
import { type ChunkRecovery, lazyPage } from './chunk-recovery';
import { RootErrorBoundary } from './root-error-boundary';
import { RouteError } from './route-error';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

/** A page route (`loader` or `lazy` decide how it fails) under a stand-in shell with the route error element. */
function renderFailingRoute(route: {
  loader?: () => unknown;
  lazy?: () => Promise<{ Component: ComponentType }>;
}) {
  const reloads: string[] = [];
  const router = createMemoryRouter(
    [
      {
        hydrateFallbackElement: <p>Loading</p>,
        element: (
          <div>
            <nav aria-label="Shell">shell</nav>
            <Outlet />
          </div>
        ),
        children: [
          {
            errorElement: <RouteError reload={() => reloads.push('reload')} />,
            children: [{ path: '/page', ...route, Component: route.lazy ? undefined : () => null }],
          },
        ],
      },
    ],
    { initialEntries: ['/page'] },
  );
  render(
    <AppProvider queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { reloads, router };
}

const offline: ChunkRecovery = {
  serverReachable: async () => false,
  reload: () => {},
  storage: { getItem: () => null, setItem: () => {} },
  buildId: 'build-a',
};

describe('route error element', () => {
  it('when a page chunk cannot be downloaded while the server is down, then the shell stays and the page says so with Reload only', async () => {
    const user = userEvent.setup();
    const { reloads } = renderFailingRoute({
      lazy: lazyPage(
        () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://x/a.js')),
        offline,
      ),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' }),
    ).toBeTruthy();
    expect(screen.getByText('The server could not be reached')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Shell' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reloads).toEqual(['reload']);
  });

  it('when a chunk still fails after the one automatic reload, then the page says the console was updated, with Reload', async () => {
    renderFailingRoute({
      lazy: lazyPage(() => Promise.reject(new TypeError('Unable to preload CSS for /assets/a.css')), {
        ...offline,
        serverReachable: async () => true,
        storage: { getItem: () => 'build-a', setItem: () => {} },
      }),
    });
    expect(await screen.findByText('The console was updated')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('when a page fails with an API error, then it shows the message, the request id and Retry, and Retry runs the page again', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const { router } = renderFailingRoute({
      loader: () => {
        calls += 1;
        if (calls === 1) {
          throw new ApiError(
            503,
            { code: 'ServiceUnavailable', message: 'SES is unavailable', requestId: 'req-42' },
            '',
          );
        }
        return null;
      },
    });
    expect(await screen.findByText('The server answered 503')).toBeTruthy();
    expect(screen.getByText('SES is unavailable')).toBeTruthy();
    expect(screen.getByText(/Request ID: req-42/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('navigation', { name: 'Shell' });
    expect(screen.queryByText('The server answered 503')).toBeNull();
    expect(calls).toBe(2);
    expect(router.state.location.pathname).toBe('/page');
  });
});

describe('pages of the app', () => {
  it('when the BFF answers the identities list with a malformed body, then the error shows inside the shell (never the router default) and Retry shows the list once the answer is right', async () => {
    let answer: unknown = { region: 'us-east-1', identities: 'not a list' };
    bff = await startFakeBff((req) =>
      req.path === '/api/regions/us-east-1/identities' ? { body: answer } : undefined,
    );
    const user = userEvent.setup();
    renderApp('/identities?region=us-east-1');

    expect(await screen.findByRole('heading', { level: 1, name: 'This page failed to show' })).toBeTruthy();
    expect(screen.queryByText(/Unexpected Application Error/)).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Side navigation' });
    expect(within(nav).getByRole('link', { name: 'Verified identities' })).toBeTruthy();

    answer = {
      region: 'us-east-1',
      identities: [{ name: 'back.example', type: 'DOMAIN', status: 'SUCCESS', sendingEnabled: true }],
    };
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'back.example' })).toBeTruthy();
  });
});

function Broken(): never {
  throw new Error('the provider broke');
}

describe('root error boundary', () => {
  it('when something outside every route throws, then the page says what failed and offers Reload', async () => {
    const user = userEvent.setup();
    const reloads: string[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      render(
        <RootErrorBoundary reload={() => reloads.push('reload')}>
          <Broken />
        </RootErrorBoundary>,
      );
    } finally {
      console.error = quiet;
    }
    expect(screen.getByRole('heading', { level: 1, name: 'This page failed to show' })).toBeTruthy();
    expect(screen.getByText('the provider broke')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reloads).toEqual(['reload']);
  });
});
