import { apiPaths, hasRole, type Role, type RouteAccess, rolesInAccount } from '@ses-console/contract';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';
import { requestAccount } from '../http/request-account.js';
import type { Authenticator } from './authenticator.js';
import type { Principal } from './principal.js';
import type { RequestAuth } from './request-auth.js';
import { type Sessions, tokensEqual } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Finds out who is calling (session cookie, proxy headers), once per request: `req.auth`. */
export function identifyRequest(
  authenticator: Authenticator,
  sessions: Sessions,
): (req: Request) => Promise<RequestAuth> {
  return async (req) => {
    if (req.auth) return req.auth;
    let session = await sessions.load(req);
    if (session && authenticator.renew) session = await authenticator.renew(session, sessions);
    const principal = await authenticator.identify(req, session?.data);
    req.auth = { principal, session };
    return req.auth;
  };
}

/** `identifyRequest` as middleware. */
export function authenticate(authenticator: Authenticator, sessions: Sessions): RequestHandler {
  const identify = identifyRequest(authenticator, sessions);
  return async (req, _res, next) => {
    await identify(req);
    next();
  };
}

/**
 * Routes over every account at once: they need the role in at least one account, and show only the
 * accounts where the caller holds it (the All accounts list asks `mayView` per account).
 */
const spanningAccounts: ReadonlySet<string> = new Set([apiPaths.allAccountsIdentities]);

/** The roles a principal holds in some account (the highest of them, with the ones below). */
function rolesInAnyAccount(principal: Principal): Role[] {
  const held = [principal.roles, ...Object.values(principal.accountRoles ?? {})];
  return held.reduce((most, roles) => (roles.length > most.length ? roles : most), []);
}

/** Whether `principal` holds at least `role` in `account` (a configured account's id). */
export function mayInAccount(principal: Principal | undefined, account: string, role: Role): boolean {
  return principal !== undefined && hasRole(rolesInAccount(principal, account), role);
}

export interface AuthorizeOptions {
  /** The display name of a configured account (ACCOUNTS), for the 403 message. */
  accountName?: (id: string) => string | undefined;
  /** The default account (the first of ACCOUNTS): its roles apply to routes outside any account. */
  defaultAccount?: string;
}

/**
 * The one authorization check every API route passes: signed in (401), role in the request's account
 * (`requestAccount`: its `/api/accounts/{account}`, else the default account; ROLE_GROUPS may scope
 * roles to accounts; routes outside any account: the default account's roles) — 403 naming the role
 * and the account — and for state-changing methods the session's CSRF token in `x-csrf-token` (403).
 */
export function authorize(access: RouteAccess, options: AuthorizeOptions = {}): RequestHandler {
  const named = (id: string) => {
    const name = options.accountName?.(id);
    return name ? `account ${name} (${id})` : `account ${id}`;
  };
  return (req, res, next) => {
    const principal = req.auth?.principal;
    if (!principal) throw new AppError(401, 'Unauthenticated', 'Sign in to use the console.');
    const account = requestAccount(res);
    const spanning = account === undefined && spanningAccounts.has(access.path);
    const held = spanning ? rolesInAnyAccount(principal) : rolesInAccount(principal, account);
    if (!hasRole(held, access.role)) {
      const has = held.length > 0 ? held.join(', ') : 'no role';
      // Roles per account exist (ACCOUNTS): say where the role was missing.
      const checkedIn = spanning || !principal.accountRoles ? undefined : (account ?? options.defaultAccount);
      let message = `This needs the ${access.role} role; ${principal.name} has ${has}.`;
      if (spanning && principal.accountRoles)
        message = `This needs the ${access.role} role in at least one account; ${principal.name} has ${has}.`;
      else if (checkedIn !== undefined)
        message = `This needs the ${access.role} role in ${named(checkedIn)}${
          account === undefined ? ', the default account, whose roles apply outside any account' : ''
        }; ${principal.name} has ${has} there.`;
      const error = new AppError(403, 'Forbidden', message);
      error.requiredRole = access.role ?? undefined;
      if (checkedIn !== undefined) error.account = checkedIn;
      throw error;
    }
    if (!SAFE_METHODS.has(req.method)) requireCsrfToken(req);
    next();
  };
}

export function requireCsrfToken(req: Parameters<RequestHandler>[0]): void {
  const session = req.auth?.session;
  const sent = req.get('x-csrf-token');
  const valid =
    session !== undefined &&
    session.data.principal.id === req.auth?.principal?.id &&
    typeof sent === 'string' &&
    tokensEqual(sent, session.data.csrfToken);
  if (!valid) {
    throw new AppError(
      403,
      'CsrfTokenInvalid',
      'Missing or stale x-csrf-token header: take the token from GET /api/session.',
    );
  }
}
