import { authPaths, sessionActions } from '@ses-console/contract';
import express, { type Request, type Response } from 'express';
import * as oidc from 'openid-client';
import { AppError } from '../errors/app-error.js';
import { requireCsrfToken } from './access-guard.js';
import type { AuthRouteContext, AuthSetup } from './auth-setup.js';
import { clearCookie, readCookie, setCookie } from './cookies.js';
import { groupsFromClaim, type Principal, withRoles } from './principal.js';
import { type AccountRef, type RoleGroups, roleMapOf } from './role-groups.js';
import type { LoadedSession, Sessions } from './sessions.js';
import { parseTrustedProxies } from './trusted-proxies.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The BFF's `/auth/callback` as the browser reaches it (registered at the IdP). */
  redirectUrl: string;
  groupsClaim: string;
  scopes: string;
  roleGroups: RoleGroups;
  /** ACCOUNTS (id and name of each): ROLE_GROUPS may scope roles to them. */
  accounts?: readonly AccountRef[];
  /** A session's roles are re-derived from the IdP at least this often (default 3600). */
  rolesMaxAgeSeconds?: number;
  /** TRUSTED_PROXIES: the TLS-terminating proxy whose X-Forwarded-For / -Proto are believed. */
  trustedProxies?: string[];
}

/** Binds the IdP's redirect back to the browser that started the sign-in (login CSRF). */
const LOGIN_COOKIE = 'ses_console_login';
const LOGIN_TTL_SECONDS = 600;

interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** Only a path on this site: `/identities?region=…`, never `//evil.example` or a full URL. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 2000 ? value : '/';
}

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * AUTH_MODE=oidc: authorization code flow with PKCE against any OpenID Connect provider. The BFF
 * keeps the session server-side (store) and the browser only an httpOnly cookie.
 */
export function oidcAuth(settings: OidcSettings): AuthSetup {
  const issuerUrl = new URL(settings.issuer);
  const redirectUrl = new URL(settings.redirectUrl);
  const roleMap = roleMapOf(settings.roleGroups, settings.accounts);
  const trusted =
    settings.trustedProxies && settings.trustedProxies.length > 0
      ? parseTrustedProxies(settings.trustedProxies)
      : undefined;
  let discovered: Promise<oidc.Configuration> | undefined;

  /** Discovery on first use (the IdP may start after the BFF); a failure is retried next time. */
  function configuration(): Promise<oidc.Configuration> {
    if (!discovered) {
      discovered = oidc.discovery(issuerUrl, settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for an IdP on loopback (tests, local development).
        ...(isLoopbackHttp(issuerUrl) ? { execute: [oidc.allowInsecureRequests] } : {}),
        timeout: 10,
      });
      discovered.catch(() => {
        discovered = undefined;
      });
    }
    return discovered;
  }

  /**
   * The principal from a token response: the ID token's claims, completed from UserInfo when they lack
   * the groups or a name. A refresh may come without an ID token; `subject` is then the session's user.
   */
  async function principalFrom(
    config: oidc.Configuration,
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
    subject?: string,
  ): Promise<Principal> {
    const claims = tokens.claims() ?? (subject ? { sub: subject } : undefined);
    if (!claims) throw new AppError(401, 'SignInFailed', 'The identity provider sent no ID token.');
    if (subject && claims.sub !== subject) {
      throw new AppError(401, 'SignInFailed', 'The identity provider answered for another user.');
    }
    let all: Record<string, unknown> = { ...claims };
    // Many providers put profile and group claims only in the UserInfo response.
    const hasUserInfo = Boolean(config.serverMetadata().userinfo_endpoint);
    if (hasUserInfo && (all[settings.groupsClaim] === undefined || all.name === undefined)) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      all = {
        ...info,
        ...all,
        [settings.groupsClaim]: all[settings.groupsClaim] ?? info[settings.groupsClaim],
      };
    }
    const groups = groupsFromClaim(all[settings.groupsClaim]);
    const name = [all.name, all.preferred_username, all.email].find(
      (v) => typeof v === 'string' && v.length > 0,
    );
    return withRoles(
      {
        id: claims.sub,
        name: typeof name === 'string' ? name : claims.sub,
        ...(typeof all.email === 'string' ? { email: all.email } : {}),
        groups,
        roles: [],
      },
      roleMap,
    );
  }

  const rolesMaxAgeMs = (settings.rolesMaxAgeSeconds ?? 3600) * 1000;

  /**
   * Roles come from the IdP's groups at sign-in; a user removed from a group must not keep its role for
   * the rest of a long session. After `rolesMaxAgeSeconds` the session's refresh token asks the IdP
   * again (new groups → new roles, same session and CSRF token). Without a refresh token, or when the
   * IdP refuses it (user disabled, grant revoked), the session ends: the user signs in again. An IdP
   * that cannot be reached refuses the request (503) and keeps the session for the next try.
   */
  async function renew(session: LoadedSession, sessions: Sessions): Promise<LoadedSession | undefined> {
    const checkedAt = Date.parse(session.data.rolesAt ?? session.data.createdAt);
    const now = sessions.now();
    if (now.getTime() - checkedAt < rolesMaxAgeMs) return session;
    const refreshToken = session.data.refreshToken;
    if (!refreshToken) {
      await sessions.store.sessions.delete(session.id);
      return undefined;
    }
    let principal: Principal;
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      const config = await configuration();
      tokens = await oidc.refreshTokenGrant(config, refreshToken);
      principal = await principalFrom(config, tokens, session.data.principal.id);
    } catch (error) {
      const refused =
        error instanceof AppError ||
        (error instanceof oidc.ResponseBodyError && error.status >= 400 && error.status < 500);
      if (refused) {
        await sessions.store.sessions.delete(session.id);
        return undefined;
      }
      throw new AppError(
        503,
        'IdentityProviderUnavailable',
        "This session's roles are due to be re-checked, but the identity provider could not be reached. Try again shortly.",
      );
    }
    const renewed: LoadedSession = {
      id: session.id,
      data: {
        ...session.data,
        principal,
        rolesAt: now.toISOString(),
        refreshToken: tokens.refresh_token ?? refreshToken,
        ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
      },
    };
    await sessions.update(renewed);
    return renewed;
  }

  function routes({ sessions, audit, signInLimit }: AuthRouteContext): express.Router {
    const router = express.Router();
    const cookieOptions = (req: Request) => ({ secure: sessions.secure(req), path: '/auth' });

    router.get(authPaths.login, signInLimit, async (req: Request, res: Response) => {
      const config = await configuration().catch(() => {
        throw new AppError(502, 'IdentityProviderUnavailable', 'The identity provider could not be reached.');
      });
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const pending: PendingLogin = { codeVerifier, nonce, returnTo: safeReturnTo(req.query.returnTo) };
      await sessions.store.sessions.put(
        state,
        'login',
        pending,
        new Date(sessions.now().getTime() + LOGIN_TTL_SECONDS * 1000),
      );
      setCookie(res, LOGIN_COOKIE, state, { ...cookieOptions(req), maxAgeSeconds: LOGIN_TTL_SECONDS });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUrl.href,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      res.redirect(302, url.href);
    });

    router.get(
      authPaths.callback,
      signInLimit,
      audit.middleware(sessionActions.signIn),
      async (req: Request, res: Response) => {
        const state = typeof req.query.state === 'string' ? req.query.state : '';
        // A duplicated login cookie (tossed by a sibling site) is no proof either: `value` is then unset.
        const cookieState = readCookie(req, LOGIN_COOKIE).value;
        clearCookie(res, LOGIN_COOKIE, cookieOptions(req));
        if (!state || !cookieState || state !== cookieState) {
          throw new AppError(
            400,
            'SignInFailed',
            'This sign-in was not started in this browser. Sign in again.',
          );
        }
        const pending = (await sessions.store.sessions.take(state, 'login', sessions.now())) as
          | PendingLogin
          | undefined;
        if (!pending) throw new AppError(400, 'SignInFailed', 'This sign-in expired. Sign in again.');
        const config = await configuration();
        const current = new URL(redirectUrl.href);
        current.search = new URL(req.originalUrl, redirectUrl).search;
        let principal: Principal;
        let idToken: string | undefined;
        let refreshToken: string | undefined;
        try {
          const tokens = await oidc.authorizationCodeGrant(config, current, {
            pkceCodeVerifier: pending.codeVerifier,
            expectedState: state,
            expectedNonce: pending.nonce,
          });
          idToken = tokens.id_token;
          refreshToken = tokens.refresh_token;
          principal = await principalFrom(config, tokens);
        } catch (error) {
          if (error instanceof AppError) throw error;
          req.log?.warn({ err: error }, 'OIDC sign-in failed');
          throw new AppError(
            401,
            'SignInFailed',
            'The identity provider did not confirm the sign-in. Sign in again.',
          );
        }
        const session = await sessions.create(req, res, principal, { idToken, refreshToken });
        req.auth = { principal, session };
        res.redirect(302, pending.returnTo);
      },
    );

    router.post(
      authPaths.logout,
      audit.middleware(sessionActions.signOut),
      async (req: Request, res: Response) => {
        const session = await sessions.load(req);
        req.auth = { principal: session?.data.principal, session };
        requireCsrfToken(req);
        await sessions.destroy(req, res, session);
        let redirectTo = '/';
        const config = await configuration().catch(() => undefined);
        if (config?.serverMetadata().end_session_endpoint) {
          redirectTo = oidc.buildEndSessionUrl(config, {
            post_logout_redirect_uri: new URL('/', redirectUrl).href,
            ...(session?.data.idToken ? { id_token_hint: session.data.idToken } : {}),
          }).href;
        }
        res.json({ redirectTo });
      },
    );
    return router;
  }

  return {
    authenticator: {
      mode: 'oidc',
      signOut: 'bff',
      // Roles from the session's groups under ROLE_GROUPS as configured now (a session stored before
      // a role was scoped to accounts must not keep that role everywhere).
      identify: async (_req, session) => session && withRoles(session.principal, roleMap),
      renew,
    },
    routes,
    ...(trusted ? { trustProxy: (address: string) => trusted.has(address) } : {}),
  };
}
