import { apiPaths } from '@ses-console/contract';
import express, { type Express } from 'express';
import request from 'supertest';

export interface ConsoleSession {
  cookie: string;
  csrfToken: string;
  /** Headers the console's api-client sends: the session cookie and `x-csrf-token`. */
  headers: Record<string, string>;
}

function cookieOf(setCookie: string[] | string | undefined): string {
  const first = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [])
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.startsWith('ses_console_session='));
  return first.join('; ');
}

function sessionOf(cookie: string, csrfToken: string): ConsoleSession {
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Opens a session the way the console does: `GET /api/session` (over real HTTP via supertest). */
export async function openSession(
  app: Express,
  headers: Record<string, string> = {},
): Promise<ConsoleSession> {
  const res = await request(app).get(apiPaths.session).set(headers);
  if (res.status !== 200) throw new Error(`GET /api/session answered ${res.status}: ${res.text}`);
  return sessionOf(cookieOf(res.headers['set-cookie']), res.body.csrfToken as string);
}

/** The same against a running BFF process. */
export async function openSessionAt(
  baseUrl: string,
  headers: Record<string, string> = {},
): Promise<ConsoleSession> {
  const res = await fetch(`${baseUrl}${apiPaths.session}`, { headers });
  if (res.status !== 200) throw new Error(`GET /api/session answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return sessionOf(cookieOf(res.headers.getSetCookie()), body.csrfToken);
}

/**
 * The app as the console uses it: every request carries the session cookie and CSRF token unless
 * the test sets its own, so API tests written before sign-in existed still pass the real guards.
 */
export function asConsole(app: Express, session: ConsoleSession): Express {
  const wrapper = express();
  wrapper.use((req, _res, next) => {
    req.headers.cookie ??= session.cookie;
    req.headers['x-csrf-token'] ??= session.csrfToken;
    next();
  });
  wrapper.use(app);
  return wrapper;
}
