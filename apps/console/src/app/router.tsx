import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { paths } from '../config/paths';
import { AppShell } from './layout/app-shell';
import { IdentitiesRoute } from './routes/identities';
import { NotFoundRoute } from './routes/not-found';

export const routes = [
  {
    element: <AppShell />,
    children: [
      { path: paths.home.path, element: <Navigate to={paths.identities.href()} replace /> },
      { path: paths.identities.path, element: <IdentitiesRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
