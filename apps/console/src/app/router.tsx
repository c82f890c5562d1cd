import Spinner from '@cloudscape-design/components/spinner';
import { isRegionName } from '@ses-console/contract/region-name';
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import {
  createBrowserRouter,
  createPath,
  type DataRouter,
  type LoaderFunctionArgs,
  Navigate,
  type RouteObject,
} from 'react-router';
// The DOM RouterProvider passes ReactDOM.flushSync to the router, so a navigation asked for with
// `flushSync` (use-url-state's `immediate`) renders at once instead of as a transition.
import { RouterProvider } from 'react-router/dom';
import { ACCOUNT_PARAM, paths } from '../config/paths';
import { identitiesQueryOptions } from '../features/identities/api/identity-queries';
import { ALL_ACCOUNTS } from '../hooks/use-account';
import { browserChunkRecovery, type ChunkRecovery, lazyPage } from './errors/chunk-recovery';
import { RootRouteError, RouteError } from './errors/route-error';
import { AppShell } from './layout/app-shell';
import { NotFoundRoute } from './routes/not-found';

/**
 * Starts the identity list request as soon as the navigation starts, in parallel with downloading the
 * page's chunk and the region check, instead of after the page has rendered (with 10,000 identities
 * the list is the longest request of the first load). Never blocks the navigation; the page's own
 * query picks up the request in flight.
 */
function prefetchIdentities(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = new URL(request.url).searchParams;
    const region = search.get('region');
    // The account the page will act in when the URL names one (ACCOUNTS); without it, the one account.
    const account = search.get(ACCOUNT_PARAM) ?? undefined;
    if (account === ALL_ACCOUNTS) return null;
    if (isRegionName(region)) void queryClient.prefetchQuery(identitiesQueryOptions(account, region));
    return null;
  };
}

/**
 * Each page is its own chunk: the first load only pays for the shell and the page it opens. With a
 * query client, the list page's data is requested while its chunk loads. A page that fails (its chunk
 * cannot be downloaded, its code throws) shows an error inside the shell; a failing shell shows one on
 * its own. `recovery` decides what a chunk that cannot be downloaded does (default: the browser's).
 */
export function createRoutes(
  options: {
    queryClient?: QueryClient;
    recovery?: ChunkRecovery;
    /** Where the router is navigating to, if anywhere (an automatic reload goes there). */
    pendingHref?: () => string | undefined;
  } = {},
): RouteObject[] {
  const { queryClient, pendingHref } = options;
  const recovery = options.recovery ?? browserChunkRecovery();
  const page = (load: () => Promise<{ default: ComponentType }>) => lazyPage(load, recovery, pendingHref);
  return [
    {
      element: <AppShell />,
      errorElement: <RootRouteError reload={() => recovery.reload()} />,
      hydrateFallbackElement: <Spinner size="large" />,
      children: [
        {
          errorElement: <RouteError reload={() => recovery.reload()} />,
          children: [
            { path: paths.home.path, element: <Navigate to={paths.identities.href()} replace /> },
            {
              path: paths.identities.path,
              ...(queryClient
                ? {
                    loader: prefetchIdentities(queryClient),
                    // Sorting, filtering and paging rewrite the query string: only a region switch is a new list.
                    shouldRevalidate: ({ currentUrl, nextUrl }) =>
                      currentUrl.searchParams.get('region') !== nextUrl.searchParams.get('region') ||
                      currentUrl.searchParams.get(ACCOUNT_PARAM) !== nextUrl.searchParams.get(ACCOUNT_PARAM),
                  }
                : {}),
              lazy: page(() => import('./routes/identities')),
            },
            { path: paths.createIdentity.path, lazy: page(() => import('./routes/create-identity')) },
            { path: paths.identity.path, lazy: page(() => import('./routes/identity')) },
            { path: paths.sendTestEmail.path, lazy: page(() => import('./routes/send-test-email')) },
            { path: paths.configurationSets.path, lazy: page(() => import('./routes/configuration-sets')) },
            { path: paths.activity.path, lazy: page(() => import('./routes/activity')) },
            { path: paths.mailbox.path, lazy: page(() => import('./routes/mailbox')) },
            { path: paths.snsTopics.path, lazy: page(() => import('./routes/sns-topics')) },
            { path: paths.emulatorAccount.path, lazy: page(() => import('./routes/emulator-account')) },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ];
}

export const routes: RouteObject[] = createRoutes();

export function AppRouter({ queryClient }: { queryClient?: QueryClient }) {
  const [router] = useState(() => {
    const pendingHref = () => {
      const to = router.state.navigation.location;
      return to && createPath(to);
    };
    const router: DataRouter = createBrowserRouter(createRoutes({ queryClient, pendingHref }));
    return router;
  });
  return <RouterProvider router={router} />;
}
