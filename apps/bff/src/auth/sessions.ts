import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppError } from '../errors/app-error.js';
import type { Store } from '../store/store.js';
import { clearCookie, readCookie, setCookie } from './cookies.js';
import type { Principal } from './principal.js';

export const SESSION_COOKIE = 'ses_console_session';

/** What the server keeps for a session; the browser only holds the random id (httpOnly cookie). */
export interface SessionData {
  principal: Principal;
  /** Synchronizer token: state-changing requests must send it as `x-csrf-token`. */
  csrfToken: string;
  createdAt: string;
  /** OIDC: the ID token, kept server-side for the IdP's end-session `id_token_hint`. */
  idToken?: string;
  /** OIDC: the refresh token (server-side only), to re-derive the roles while the session lasts. */
  refreshToken?: string;
  /** OIDC: when the principal's roles were last taken from the IdP (default `createdAt`). */
  rolesAt?: string;
}

export interface LoadedSession {
  id: string;
  data: SessionData;
}

export interface SessionOptions {
  store: Store;
  ttlSeconds: number;
  now: () => Date;
  /** Secure cookies: always (https public URL), or when the request came over https. */
  secureCookies: boolean | 'auto';
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Sessions {
  constructor(private readonly options: SessionOptions) {}

  get store(): Store {
    return this.options.store;
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  now(): Date {
    return this.options.now();
  }

  secure(req: Request): boolean {
    return this.options.secureCookies === 'auto' ? req.secure : this.options.secureCookies;
  }

  async load(req: Request): Promise<LoadedSession | undefined> {
    const { value: id, duplicate } = readCookie(req, SESSION_COOKIE);
    if (duplicate) {
      const message = `The browser sent two different ${SESSION_COOKIE} cookies (another site on this domain may have set one); neither is used. Clear this site's cookies and sign in again.`;
      throw new AppError(400, 'DuplicateSessionCookie', message, [{ field: 'cookie', message }]);
    }
    if (!id || id.length > 128) return undefined;
    const data = await this.options.store.sessions.get(id, 'session', this.options.now());
    return data ? { id, data: data as SessionData } : undefined;
  }

  async create(
    req: Request,
    res: Response,
    principal: Principal,
    extra: { idToken?: string; refreshToken?: string } = {},
  ): Promise<LoadedSession> {
    const id = randomToken();
    const now = this.options.now();
    const data: SessionData = {
      principal,
      csrfToken: randomToken(),
      createdAt: now.toISOString(),
      ...extra,
    };
    await this.options.store.sessions.put(
      id,
      'session',
      data,
      new Date(now.getTime() + this.options.ttlSeconds * 1000),
    );
    setCookie(res, SESSION_COOKIE, id, { secure: this.secure(req), maxAgeSeconds: this.options.ttlSeconds });
    return { id, data };
  }

  /** Stores changed session data under the same id and expiry (the cookie stays as it is). */
  async update(session: LoadedSession): Promise<void> {
    const expiresAt = new Date(Date.parse(session.data.createdAt) + this.options.ttlSeconds * 1000);
    await this.options.store.sessions.put(session.id, 'session', session.data, expiresAt);
  }

  async destroy(req: Request, res: Response, session: LoadedSession | undefined): Promise<void> {
    if (session) await this.options.store.sessions.delete(session.id);
    clearCookie(res, SESSION_COOKIE, { secure: this.secure(req) });
  }
}
