import type { IncomingRequest } from './http-types.js';
import { queryFormOf } from './query.js';

/**
 * How a service's requests are told from every other service's on the one port (docs/emulator.md,
 * "What it emulates"):
 * - `path-prefix`: REST services, by path: the prefix itself or anything below it (`/v2/email/…` SES v2,
 *   `/2013-04-01/…` Route 53), or below one of `alsoPrefixes` (paths older SDK models spell otherwise);
 * - `query`: query services, by `POST /` with a form body whose `Version` is the service's API version
 *   and, when the request is signed, whose SigV4 credential scope names one of the service's signing
 *   names (SES v1 and SES v2 both sign as `ses`; the path tells them apart: v2 never posts to `/`). An
 *   unsigned request (STS AssumeRoleWithWebIdentity is one) goes by `Version` alone.
 *
 * Nothing here names a service: a new query service (SNS, STS, …) only declares its `Version` and
 * signing names in its `ServiceModule` and is recognised.
 */
export type Recognition =
  | { kind: 'path-prefix'; prefix: string; alsoPrefixes?: readonly string[] }
  | { kind: 'query'; version: string };

/**
 * How a service claims a request once the body is read:
 * - `exact`: everything it declares matches (path, or form `Version` and signing scope);
 * - `scope`: only the SigV4 credential scope names the service, while the form's `Action` or `Version`
 *   is missing or another API's. The service still answers it, with its own 400 naming the parameter
 *   (`queryRefusal`), rather than leaving the caller with "no service handles POST /".
 */
export type Claim = 'exact' | 'scope';

/** Before the body is read: whether the method and path can be this service's (the browser guard asks). */
export function mayBeFor(recognition: Recognition, method: string, rawPath: string): boolean {
  if (recognition.kind === 'path-prefix') {
    if (isAtOrBelow(rawPath, recognition.prefix)) return true;
    return recognition.alsoPrefixes?.some((prefix) => isAtOrBelow(rawPath, prefix)) ?? false;
  }
  return method === 'POST' && rawPath === '/';
}

/** `rawPath` is `prefix` itself or below it (`prefix/…`), without building `prefix + '/'` per request. */
function isAtOrBelow(rawPath: string, prefix: string): boolean {
  return rawPath.startsWith(prefix) && (rawPath.length === prefix.length || rawPath[prefix.length] === '/');
}

/** Once the body is read: whether (and how strongly) the request is this service's. */
export function claimOf(
  recognition: Recognition,
  signingNames: readonly string[],
  req: IncomingRequest,
): Claim | undefined {
  if (!mayBeFor(recognition, req.method, req.rawPath)) return undefined;
  if (recognition.kind === 'path-prefix') return 'exact';
  const scoped = req.ctx.signingService;
  const scopeIsOurs = scoped !== undefined && signingNames.includes(scoped);
  const form = queryFormOf(req);
  if (form && form.version === recognition.version && (scoped === undefined || scopeIsOurs)) return 'exact';
  return scopeIsOurs ? 'scope' : undefined;
}

/**
 * The service a request is for: the first that claims it exactly, else the first whose signing name
 * the credential scope carries (which then refuses the form with a 400 of its own).
 */
export function serviceFor<S extends { recognition: Recognition; signingNames: readonly string[] }>(
  services: readonly S[],
  req: IncomingRequest,
): S | undefined {
  const claims = services.map((s) => claimOf(s.recognition, s.signingNames, req));
  const exact = claims.indexOf('exact');
  if (exact !== -1) return services[exact];
  const scope = claims.indexOf('scope');
  return scope === -1 ? undefined : services[scope];
}
