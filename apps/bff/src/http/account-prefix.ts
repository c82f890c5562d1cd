import { accountIdSchema, isAccountScoped } from '@ses-console/contract';
import type { Request, RequestHandler } from 'express';
import type { AccountScopes } from '../accounts/account-scopes.js';
import { AppError } from '../errors/app-error.js';
import { setRequestAccount } from './request-account.js';

const PREFIX = '/api/accounts/';

/** A concrete path as the route table spells it (Express matches case-insensitively and ignores one trailing `/`). */
function routeShape(pathname: string): string {
  const lower = pathname.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/**
 * The account a request acts in. `/api/accounts/{account}/…`: the account must be configured (400 for
 * a malformed id, 404 naming it when it is not one of ACCOUNTS) and the rest an account-scoped route
 * (`isAccountScoped`); the prefix is then stripped, so the routes, guards and audit run unchanged on
 * the unprefixed path (the audit keeps the path as sent). Without the prefix an account-scoped route acts
 * in the default account (undefined in a one-account console); the others act in no account.
 */
export function accountPrefix(
  scopes: AccountScopes,
  /** Whether the caller is signed in: an account is refused (400/404) only to them, others get 401 (no probing). */
  signedIn: (req: Request) => Promise<boolean>,
): RequestHandler {
  const refuse = async (req: Request, error: AppError): Promise<never> => {
    if (!(await signedIn(req))) throw new AppError(401, 'Unauthenticated', 'Sign in to use the console.');
    throw error;
  };
  return async (req, res, next) => {
    const queryAt = req.url.indexOf('?');
    const pathname = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
    const query = queryAt === -1 ? '' : req.url.slice(queryAt);
    if (!pathname.toLowerCase().startsWith(PREFIX)) {
      setRequestAccount(res, isAccountScoped(routeShape(pathname)) ? scopes.defaultAccount : undefined);
      next();
      return;
    }
    const segmentEnd = pathname.indexOf('/', PREFIX.length);
    const encoded = pathname.slice(PREFIX.length, segmentEnd === -1 ? undefined : segmentEnd);
    const rest = segmentEnd === -1 ? '' : pathname.slice(segmentEnd);
    let account: string;
    try {
      account = decodeURIComponent(encoded);
    } catch {
      account = encoded;
    }
    const parsed = accountIdSchema.safeParse(account);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'account must be a 12-digit AWS account id';
      return refuse(req, AppError.badRequest(`account: ${message}`, [{ field: 'account', message }]));
    }
    if (!scopes.of(account) || scopes.defaultAccount === undefined) {
      return refuse(
        req,
        new AppError(
          404,
          'AccountNotFound',
          scopes.defaultAccount === undefined
            ? `Account ${account} is not configured: this console serves one account (no ACCOUNTS)`
            : `Account ${account} is not configured in this console (ACCOUNTS)`,
        ),
      );
    }
    const stripped = `/api${rest}`;
    const shape = routeShape(stripped);
    if (shape.startsWith(PREFIX) || shape === '/api/accounts' || !isAccountScoped(shape)) {
      return refuse(
        req,
        new AppError(
          404,
          'RouteNotFound',
          `No API route ${req.method} ${pathname}: only account-scoped routes exist under /api/accounts/{account}`,
        ),
      );
    }
    setRequestAccount(res, account);
    req.url = `${stripped}${query}`;
    next();
  };
}
