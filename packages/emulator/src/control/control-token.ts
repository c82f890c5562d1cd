import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** `/_emulator/*` and `/_aws/ses`: the control plane (reset, seed, clock, faults, store, mailbox). */
export function isControlPath(rawPath: string): boolean {
  const path = rawPath.replace(/\/+$/, '') || '/';
  return path === '/_aws/ses' || path.startsWith('/_emulator/');
}

/**
 * Open without the token: the health probe, and the verification link people click in a browser
 * (its own `token` parameter is the secret, and a browser cannot add headers to a link).
 */
function isPublic(method: string, rawPath: string): boolean {
  const path = rawPath.replace(/\/+$/, '');
  if (path === '/_emulator/health') return method === 'GET' || method === 'HEAD';
  return path === '/_emulator/verify-email' && (method === 'GET' || method === 'HEAD');
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With EMULATOR_CONTROL_TOKEN set, the control plane answers only requests that carry it, as
 * `x-emulator-control-token: <token>` or `Authorization: Bearer <token>`. Returns the refusal's message,
 * or `undefined` when the request may go on (no token configured, a public endpoint, or the token sent).
 */
export function controlTokenRefusal(
  method: string,
  rawPath: string,
  headers: IncomingHttpHeaders,
  token: string | undefined,
): string | undefined {
  if (!token || !isControlPath(rawPath) || isPublic(method, rawPath)) return undefined;
  const direct = headers['x-emulator-control-token'];
  const sent =
    (Array.isArray(direct) ? direct[0] : direct) ??
    /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (sent !== undefined && sameSecret(sent, token)) return undefined;
  return sent === undefined
    ? 'The control plane needs the EMULATOR_CONTROL_TOKEN: send it as x-emulator-control-token (or Authorization: Bearer).'
    : 'The control-plane token is not the one this emulator was started with (EMULATOR_CONTROL_TOKEN).';
}
