import { rolesInAccount, type SessionResponse } from '@ses-console/contract';
import type { Authenticator } from '../auth/authenticator.js';
import type { Sessions } from '../auth/sessions.js';
import { AppError } from '../errors/app-error.js';
import { type RouteBinding, route } from './route-spec.js';

/**
 * `GET /api/session`: who is signed in, their roles (with ACCOUNTS: in every configured account), and
 * the CSRF token. In modes where the user signs in elsewhere (none, proxy) the first call opens the
 * BFF session that holds the token.
 */
export function sessionRoutes(deps: {
  authenticator: Authenticator;
  sessions: Sessions;
  /** ACCOUNTS' ids; empty or absent: one account, no `accountRoles`. */
  accountIds?: readonly string[];
}): RouteBinding[] {
  const accountIds = deps.accountIds ?? [];
  return [
    route('getSession', async (_input, { req, res }): Promise<SessionResponse> => {
      const principal = req.auth?.principal;
      if (!principal) throw new AppError(401, 'Unauthenticated', 'Sign in to use the console.');
      let session = req.auth?.session;
      if (!session || session.data.principal.id !== principal.id) {
        session = await deps.sessions.create(req, res, principal);
      }
      return {
        authMode: deps.authenticator.mode,
        user: {
          id: principal.id,
          name: principal.name,
          ...(principal.email ? { email: principal.email } : {}),
        },
        roles: principal.roles,
        ...(accountIds.length > 0
          ? { accountRoles: Object.fromEntries(accountIds.map((id) => [id, rolesInAccount(principal, id)])) }
          : {}),
        csrfToken: session.data.csrfToken,
        signOut: deps.authenticator.signOut,
        ...(deps.authenticator.proxySignOutUrl
          ? { proxySignOutUrl: deps.authenticator.proxySignOutUrl }
          : {}),
      };
    }),
  ];
}
