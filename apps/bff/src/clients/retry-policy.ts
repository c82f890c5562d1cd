import { ConfiguredRetryStrategy } from '@smithy/core/retry';

/**
 * How the BFF's SDK clients retry: the SDK's standard strategy (it repeats throttling, 5xx and
 * transient network errors, never a call that answered a 2xx or a client error) with enough attempts
 * to ride out a bad minute and a short, capped, jittered backoff, so the worst case stays bounded:
 * at most MAX_ATTEMPTS attempts and MAX_TOTAL_BACKOFF_MS of waiting, plus each attempt's timeout.
 */
export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 2_000;

/** Sum of the largest delays between MAX_ATTEMPTS attempts (documented in docs/operating.md). */
export const MAX_TOTAL_BACKOFF_MS = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) =>
  Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (i + 1)),
).reduce((a, b) => a + b, 0);

/** Delay before attempt `attempt` (2, 3, …): capped exponential with "equal jitter" (half fixed, half random). */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createRetryStrategy(maxAttempts = MAX_ATTEMPTS): ConfiguredRetryStrategy {
  // The strategy numbers its retries from 1 (the first retry is the second attempt): without the +1
  // every wait would be half the one intended here and MAX_TOTAL_BACKOFF_MS would never be reached.
  return new ConfiguredRetryStrategy(maxAttempts, (retry) => backoffDelayMs(retry + 1));
}
