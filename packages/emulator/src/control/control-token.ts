import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With EMULATOR_CONTROL_TOKEN set, the control plane answers only requests that carry it, as
 * `x-emulator-control-token: <token>` or `Authorization: Bearer <token>` (compared in constant time).
 * Which endpoints are open without it (the health probe, the verification link) is the control plane's
 * to say (`ControlPlane.needsToken`). Returns the refusal's message, or `undefined` when the request may
 * go on (no token configured, or the token sent).
 */
export function controlTokenRefusal(
  headers: IncomingHttpHeaders,
  token: string | undefined,
): string | undefined {
  if (!token) return undefined;
  const direct = headers['x-emulator-control-token'];
  const sent =
    (Array.isArray(direct) ? direct[0] : direct) ??
    /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (sent !== undefined && sameSecret(sent, token)) return undefined;
  return sent === undefined
    ? 'The control plane needs the EMULATOR_CONTROL_TOKEN: send it as x-emulator-control-token (or Authorization: Bearer).'
    : 'The control-plane token is not the one this emulator was started with (EMULATOR_CONTROL_TOKEN).';
}
