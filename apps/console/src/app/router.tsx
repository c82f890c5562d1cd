import Spinner from '@cloudscape-design/components/spinner';
import { createBrowserRouter, Navigate, type RouteObject, RouterProvider } from 'react-router';
import { paths } from '../config/paths';
import { AppShell } from './layout/app-shell';
import { NotFoundRoute } from './routes/not-found';

/** Each page is its own chunk: the first load only pays for the shell and the page it opens. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    hydrateFallbackElement: <Spinner size="large" />,
    children: [
      { path: paths.home.path, element: <Navigate to={paths.identities.href()} replace /> },
      {
        path: paths.identities.path,
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

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
