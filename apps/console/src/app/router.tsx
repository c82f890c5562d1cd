import Spinner from '@cloudscape-design/components/spinner';
import { isRegionName } from '@ses-console/contract/region-name';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  createBrowserRouter,
  type LoaderFunctionArgs,
  Navigate,
  type RouteObject,
  RouterProvider,
} from 'react-router';
import { paths } from '../config/paths';
import { identitiesQueryOptions } from '../features/identities/api/identity-queries';
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
    const region = new URL(request.url).searchParams.get('region');
    if (isRegionName(region)) void queryClient.prefetchQuery(identitiesQueryOptions(region));
    return null;
  };
}

/**
 * Each page is its own chunk: the first load only pays for the shell and the page it opens. With a
 * query client, the list page's data is requested while its chunk loads.
 */
export function createRoutes(options: { queryClient?: QueryClient } = {}): RouteObject[] {
  const { queryClient } = options;
  return [
    {
      element: <AppShell />,
      hydrateFallbackElement: <Spinner size="large" />,
      children: [
        { path: paths.home.path, element: <Navigate to={paths.identities.href()} replace /> },
        {
          path: paths.identities.path,
          ...(queryClient
            ? {
                loader: prefetchIdentities(queryClient),
                // Sorting, filtering and paging rewrite the query string: only a region switch is a new list.
                shouldRevalidate: ({ currentUrl, nextUrl }) =>
                  currentUrl.searchParams.get('region') !== nextUrl.searchParams.get('region'),
              }
            : {}),
          lazy: () => import('./routes/identities').then((m) => ({ Component: m.default })),
        },
        {
          path: paths.createIdentity.path,
          lazy: () => import('./routes/create-identity').then((m) => ({ Component: m.default })),
        },
        {
          path: paths.identity.path,
          lazy: () => import('./routes/identity').then((m) => ({ Component: m.default })),
        },
        {
          path: paths.sendTestEmail.path,
          lazy: () => import('./routes/send-test-email').then((m) => ({ Component: m.default })),
        },
        {
          path: paths.configurationSets.path,
          lazy: () => import('./routes/configuration-sets').then((m) => ({ Component: m.default })),
        },
        {
          path: paths.activity.path,
          lazy: () => import('./routes/activity').then((m) => ({ Component: m.default })),
        },
        {
          path: paths.mailbox.path,
          lazy: () => import('./routes/mailbox').then((m) => ({ Component: m.default })),
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}

export const routes: RouteObject[] = createRoutes();

export function AppRouter({ queryClient }: { queryClient?: QueryClient }) {
  const [router] = useState(() => createBrowserRouter(createRoutes({ queryClient })));
  return <RouterProvider router={router} />;
}
