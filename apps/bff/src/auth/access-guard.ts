import { hasRole, type RouteAccess } from '@ses-console/contract';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';
import type { Authenticator } from './authenticator.js';
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
 * The one authorization check every API route passes: signed in (401), role (403 naming it), and
 * for state-changing methods the session's CSRF token in `x-csrf-token` (403).
 */
export function authorize(access: RouteAccess): RequestHandler {
  return (req, _res, next) => {
    const principal = req.auth?.principal;
    if (!principal) throw new AppError(401, 'Unauthenticated', 'Sign in to use the console.');
    if (!hasRole(principal.roles, access.role)) {
      const error = new AppError(
        403,
        'Forbidden',
        `This needs the ${access.role} role; ${principal.name} has ${
          principal.roles.length > 0 ? principal.roles.join(', ') : 'no role'
        }.`,
      );
      error.requiredRole = access.role ?? undefined;
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
