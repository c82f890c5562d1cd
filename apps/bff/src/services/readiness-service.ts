import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import type { ServiceContext } from './service-context.js';

/**
 * Ready when SES answers a cheap call in the default region (one identity, one page). One attempt
 * through the single-attempt client: a probe must not retry, and must not spend the retry quota the
 * users' calls share.
 */
export async function checkSesReachable(
  ctx: ServiceContext,
  region: string,
  timeoutMs = 3_000,
): Promise<boolean> {
  try {
    await ctx.clients
      .sesSingleAttempt(region)
      .send(new ListEmailIdentitiesCommand({ PageSize: 1 }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

export interface ReadinessOptions {
  /** How long an answer (ready or not) is reused. */
  ttlMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

export const READINESS_TTL_MS = 10_000;

/**
 * The readiness check `/readyz` answers with. `/readyz` is unauthenticated, so anyone may call it as
 * often as they like: the answer is cached for READINESS_TTL_MS (both outcomes) and callers arriving
 * while a check runs share it, so SES sees at most one probe call per period, whatever the traffic.
 */
export function createReadinessProbe(
  ctx: ServiceContext,
  region: string,
  options: ReadinessOptions = {},
): () => Promise<boolean> {
  const ttlMs = options.ttlMs ?? READINESS_TTL_MS;
  const now = options.now ?? (() => performance.now());
  let cached: { ready: boolean; at: number } | undefined;
  let inFlight: Promise<boolean> | undefined;
  return () => {
    if (cached && now() - cached.at < ttlMs) return Promise.resolve(cached.ready);
    inFlight ??= checkSesReachable(ctx, region, options.timeoutMs)
      .then((ready) => {
        cached = { ready, at: now() };
        return ready;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
