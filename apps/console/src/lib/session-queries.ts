import {
  apiPaths,
  authPaths,
  canCall,
  type HttpMethod,
  type LogoutResponse,
  rolesInAccount,
  type SessionResponse,
} from '@ses-console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAccount } from '../hooks/use-account';
import { api, rememberCsrfToken } from './api-client';

export const sessionKeys = { all: ['session'] as const };

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    queryFn: async () => {
      const session = await api.get<SessionResponse>(apiPaths.session);
      rememberCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

export const useSession = () => useQuery(sessionQueryOptions());

/**
 * Whether this session may call the route in `account` (undefined: the default account): the
 * contract's access table, the same one the BFF enforces, over the roles the session holds there
 * (ROLE_GROUPS may scope a role to accounts). The one rule every button asks.
 */
export function sessionCan(
  session: Pick<SessionResponse, 'roles' | 'accountRoles'>,
  account: string | undefined,
  method: HttpMethod,
  path: string,
): boolean {
  return canCall(rolesInAccount(session, account), method, path);
}

/**
 * Whether the signed-in user may call this route in the selected account (or in `account`, when a
 * row names its own, as in All accounts). False while the session loads, so buttons appear rather
 * than disappear.
 */
export function useCan(method: HttpMethod, path: string, account?: string): boolean {
  const { data } = useSession();
  const selected = useAccount().account;
  return data ? sessionCan(data, account ?? selected, method, path) : false;
}

/** `sessionCan` for the signed-in session, for rows that each name their account (false while it loads). */
export function useCanIn(): (account: string | undefined, method: HttpMethod, path: string) => boolean {
  const { data } = useSession();
  return (account, method, path) => (data ? sessionCan(data, account, method, path) : false);
}

/** Where the browser goes to sign in again, coming back to `returnTo`. */
export function signInHref(returnTo: string): string {
  return `${authPaths.login}?returnTo=${encodeURIComponent(returnTo)}`;
}

/** Ends the session: the BFF's own (OIDC, then the IdP's end-session page) or the proxy's sign-out URL. */
export async function signOut(session: SessionResponse): Promise<void> {
  if (session.signOut === 'proxy' && session.proxySignOutUrl) {
    window.location.assign(session.proxySignOutUrl);
    return;
  }
  if (session.signOut === 'bff') {
    const { redirectTo } = await api.post<LogoutResponse>(authPaths.logout);
    rememberCsrfToken(undefined);
    window.location.assign(redirectTo);
  }
}
