import {
  apiPaths,
  authPaths,
  canCall,
  type HttpMethod,
  type LogoutResponse,
  type SessionResponse,
} from '@ses-console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
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
 * Whether the signed-in user may call this route (the contract's access table, the same one the BFF
 * enforces). False while the session loads, so buttons appear rather than disappear.
 */
export function useCan(method: HttpMethod, path: string): boolean {
  const { data } = useSession();
  return data ? canCall(data.roles, method, path) : false;
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
