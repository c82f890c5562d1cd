import { setMaxListeners } from 'node:events';
import { DeleteEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import type { DeleteIdentitiesResponse, DeleteResult } from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { backoffDelayMs } from '../clients/retry-policy.js';
import {
  AttemptHistory,
  describeUnanswered,
  type FailedChangeOutcome,
  failedChangeError,
  outcomeOfFailedChange,
  outcomeOfFailedSdkCall,
} from '../errors/attempt-outcome.js';
import { describeFailure, isAwsNotFound } from '../errors/aws-error-map.js';
import { type AimdOptions, AimdPacer, DEFAULT_AIMD } from './pacing/aimd-pacer.js';
import type { ServiceContext } from './service-context.js';

/** A delete's result from how its attempts ended (errors/attempt-outcome.ts reads them). */
function resultOf(
  identity: string,
  outcome: FailedChangeOutcome,
  history: AttemptHistory,
  lastError: unknown,
): DeleteResult {
  switch (outcome) {
    case 'done-earlier':
      return { identity, outcome: 'deleted' };
    case 'already':
      return { identity, outcome: 'not_found', message: `Identity ${identity} does not exist.` };
    case 'unknown':
      return {
        identity,
        outcome: 'unknown',
        message: `Not confirmed: ${describeUnanswered(history.lastMayHaveRun)}, so the delete may or may not have run. Reload to see whether it is still there.`,
      };
    case 'not-done':
      return { identity, outcome: 'failed', message: describeFailure(lastError) };
  }
}

/**
 * The result of a delete whose last attempt failed, read against its attempts (by default those of
 * one SDK call, its retries included; the bulk delete passes its own). A last NotFound means
 * "deleted" only when an earlier attempt may have run (5xx, timeout, reset: it may have deleted the
 * identity before its answer was lost); after throttles or refused connections nothing of this
 * request ran, so the identity was not there.
 */
export function outcomeOfFailedDelete(
  identity: string,
  error: unknown,
  history: AttemptHistory = AttemptHistory.ofSdkCall(error),
): DeleteResult {
  return resultOf(identity, outcomeOfFailedChange(history, error, isAwsNotFound), history, error);
}

/** Deletes one identity; NotFound only when the identity really was not there (see above). */
export async function deleteIdentity(ctx: ServiceContext, region: string, identity: string): Promise<void> {
  try {
    await ctx.clients.ses(region).send(new DeleteEmailIdentityCommand({ EmailIdentity: identity }));
  } catch (error) {
    const outcome = outcomeOfFailedSdkCall(error, isAwsNotFound);
    if (outcome === 'done-earlier') return;
    throw failedChangeError(
      error,
      outcome,
      `The delete may have run: reload to see whether ${identity} is still there.`,
    );
  }
}

export interface BulkDeleteOptions {
  pacing: AimdOptions;
  /** Attempts per identity (throttles included) before it is given up. */
  maxAttemptsPerIdentity: number;
  /**
   * Time budget of the whole request: no attempt starts later than `attemptTimeoutMs` (at most half
   * the budget) before it, so calls end by their own timeout in time; a call still in flight at the
   * deadline is abandoned and reported `unknown`. Nothing is sent after the request answered.
   */
  deadlineMs: number;
  /** The longest one attempt can take (the SDK clients' per-attempt timeout). */
  attemptTimeoutMs: number;
}

export const DEFAULT_BULK_DELETE: BulkDeleteOptions = {
  pacing: DEFAULT_AIMD,
  maxAttemptsPerIdentity: 12,
  deadlineMs: 90_000,
  attemptTimeoutMs: 10_000,
};

/**
 * The bulk delete's budget inside the API's response deadline (`API_TIMEOUT_MS`): 10 % of it (0.5 s
 * to 10 s) is kept to answer, so the per-identity report, not a 504, is what the caller gets.
 */
export function bulkDeleteOptions(apiTimeoutMs: number, attemptTimeoutMs: number): BulkDeleteOptions {
  const margin = Math.min(10_000, Math.max(500, apiTimeoutMs * 0.1));
  return { ...DEFAULT_BULK_DELETE, deadlineMs: Math.max(0, apiTimeoutMs - margin), attemptTimeoutMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Deletes each identity asked for, once (duplicates in the request are collapsed), pacing itself to
 * what SES accepts (AimdPacer) and reporting each outcome truthfully (errors/attempt-outcome.ts):
 * - a throttled delete is repeated (it did not run); the pacer slows down;
 * - a refused connection is repeated after a backoff (it never reached SES);
 * - a 5xx, timeout or reset is repeated after a backoff; it may have run, so a later NotFound counts
 *   as deleted, and if no later answer comes the identity is `unknown`;
 * - a delete that answered success is never sent again; NotFound when nothing of ours may have run
 *   is `not_found`; any other client error is final (`failed` with SES's message);
 * - attempts per identity and the request's time are bounded (BulkDeleteOptions); an identity never
 *   sent, or only throttled, is `failed` ("not deleted"), one that may have run is `unknown`.
 * It only ever sends DeleteEmailIdentity for the names in the request.
 */
export async function deleteIdentities(
  ctx: ServiceContext,
  region: string,
  identities: readonly string[],
  options: BulkDeleteOptions = DEFAULT_BULK_DELETE,
): Promise<DeleteIdentitiesResponse> {
  const unique = [...new Set(identities)];
  const ses = ctx.clients.sesSingleAttempt(region);
  const pacer = new AimdPacer(options.pacing);
  const started = performance.now();
  const lastStart = started + options.deadlineMs - Math.min(options.attemptTimeoutMs, options.deadlineMs / 2);
  const deadline = new AbortController();
  // Each call in flight listens to it (the SDK's handler and retry loop): a few per pacer slot.
  setMaxListeners(4 * options.pacing.maxWindow, deadline.signal);
  const deadlineTimer = setTimeout(() => deadline.abort(), options.deadlineMs);
  const tooLate = () => performance.now() >= lastStart || deadline.signal.aborted;

  async function deleteOne(identity: string): Promise<DeleteResult> {
    const history = new AttemptHistory();
    let lastError: unknown;
    for (let attempt = 1; attempt <= options.maxAttemptsPerIdentity && !tooLate(); attempt += 1) {
      const slot = await pacer.acquire();
      if (tooLate()) {
        pacer.cancel(slot);
        break;
      }
      try {
        await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: identity }), {
          abortSignal: deadline.signal,
        });
        pacer.release(slot, 'success');
        return { identity, outcome: 'deleted' };
      } catch (error) {
        lastError = error;
        const failure = history.record(error);
        pacer.release(slot, failure === 'throttled' ? 'throttled' : 'failed');
        if (failure === 'rejected') return outcomeOfFailedDelete(identity, error, history);
        if (failure !== 'throttled') {
          const pause = backoffDelayMs(attempt + 1);
          if (performance.now() + pause >= lastStart) break;
          await sleep(pause);
        }
      }
    }
    if (history.failedAttempts === 0) {
      return {
        identity,
        outcome: 'failed',
        message: 'Not deleted: the request ran out of time before this delete was sent; delete it again.',
      };
    }
    if (history.mayHaveRun) return resultOf(identity, 'unknown', history, lastError);
    return {
      identity,
      outcome: 'failed',
      message: `Not deleted: SES did not accept the delete (${describeFailure(lastError)}); try again later.`,
    };
  }

  try {
    const results = await mapWithConcurrency(unique, options.pacing.maxWindow, deleteOne);
    return {
      results,
      deleted: results.filter((r) => r.outcome === 'deleted').length,
      failed: results.filter((r) => r.outcome === 'failed').length,
      unknown: results.filter((r) => r.outcome === 'unknown').length,
    };
  } finally {
    clearTimeout(deadlineTimer);
  }
}
