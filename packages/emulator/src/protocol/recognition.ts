import type { IncomingRequest } from './http-types.js';
import { queryFormOf } from './query.js';

/**
 * How a service's requests are told from every other service's on the one port (docs/emulator.md,
 * "What it emulates"):
 * - `path-prefix`: REST services, by path: the prefix itself or anything below it (`/v2/email/…` SES v2,
 *   `/2013-04-01/…` Route 53), or below one of `alsoPrefixes` (paths older SDK models spell otherwise);
 * - `query`: query services, by `POST /` with a form body whose `Version` is the service's API version
 *   and, when the request is signed, whose SigV4 credential scope names one of the service's signing
 *   names (SES v1 and SES v2 both sign as `ses`; the version tells them apart). An unsigned request (STS
 *   AssumeRoleWithWebIdentity is one) goes by `Version` alone.
 */
export type Recognition =
  | { kind: 'path-prefix'; prefix: string; alsoPrefixes?: readonly string[] }
  | { kind: 'query'; version: string };

/** Before the body is read: whether the method and path can be this service's (the browser guard asks). */
export function mayBeFor(recognition: Recognition, method: string, rawPath: string): boolean {
  if (recognition.kind === 'path-prefix') {
    return [recognition.prefix, ...(recognition.alsoPrefixes ?? [])].some(
      (prefix) => rawPath === prefix || rawPath.startsWith(`${prefix}/`),
    );
  }
  return method === 'POST' && rawPath === '/';
}

/** Once the body is read: whether the request is this service's. */
export function isFor(
  recognition: Recognition,
  signingNames: readonly string[],
  req: IncomingRequest,
): boolean {
  if (!mayBeFor(recognition, req.method, req.rawPath)) return false;
  if (recognition.kind === 'path-prefix') return true;
  const form = queryFormOf(req);
  if (!form || form.version !== recognition.version) return false;
  const scoped = req.ctx.signingService;
  return scoped === undefined || signingNames.includes(scoped);
}
