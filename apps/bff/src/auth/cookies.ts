import type { Request, Response } from 'express';

/** Every value the request carries for cookie `name`, in the order sent (undecodable ones as `undefined`). */
function cookieValues(req: Request, name: string): Array<string | undefined> {
  const header = req.headers.cookie;
  if (!header) return [];
  const values: Array<string | undefined> = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      values.push(decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      values.push(undefined);
    }
  }
  return values;
}

/**
 * The value of one cookie of the request (no cookie-parser needed for the two cookies the BFF uses).
 * `duplicate` when the browser sent the name more than once with different values: a cookie set by a
 * sibling subdomain or for a longer path ("cookie tossing") comes first, so neither can be trusted.
 */
export function readCookie(req: Request, name: string): { value?: string; duplicate: boolean } {
  const values = cookieValues(req, name);
  if (values.length === 0) return { duplicate: false };
  const first = values[0];
  if (values.some((v) => v !== first)) return { duplicate: true };
  return first === undefined ? { duplicate: false } : { value: first, duplicate: false };
}

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds?: number;
  path?: string;
}

/** httpOnly, SameSite=Lax, Secure when the console is served over https. */
export function setCookie(res: Response, name: string, value: string, options: CookieOptions): void {
  res.cookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: options.path ?? '/',
    ...(options.maxAgeSeconds !== undefined ? { maxAge: options.maxAgeSeconds * 1000 } : {}),
  });
}

export function clearCookie(res: Response, name: string, options: CookieOptions): void {
  res.clearCookie(name, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: options.path ?? '/',
  });
}
