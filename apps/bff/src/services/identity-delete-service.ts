import { DeleteEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import type { DeleteIdentitiesResponse, DeleteResult } from '@ses-console/contract';
import {
  awsErrorName,
  describeFailure,
  isAwsNotFound,
  isAwsRetryable,
  mapAwsError,
} from '../errors/aws-error-map.js';
import { type AimdOptions, AimdPacer, DEFAULT_AIMD } from './pacing/aimd-pacer.js';
import type { ServiceContext } from './service-context.js';

/**
 * The outcome of a single delete whose SDK call failed (the single-delete route, where the SDK
 * retries). When the SDK made more than one attempt and the last one says NotFound, an earlier attempt
 * may have deleted the identity before its answer was lost (timeout, 5xx): the identity is gone either
 * way, and claiming "not found" for something this request removed would be the worse lie.
 */
export function outcomeOfFailedDelete(identity: string, error: unknown): DeleteResult {
  if (isAwsNotFound(error)) {
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    if (attempts > 1) return { identity, outcome: 'deleted' };
    return { identity, outcome: 'not_found', message: `Identity ${identity} does not exist.` };
  }
  return { identity, outcome: 'failed', message: describeFailure(error) };
}

/** Deletes one identity; NotFound only when the identity really was not there (see above). */
export async function deleteIdentity(ctx: ServiceContext, region: string, identity: string): Promise<void> {
  try {
    await ctx.clients.ses(region).send(new DeleteEmailIdentityCommand({ EmailIdentity: identity }));
  } catch (error) {
    if (outcomeOfFailedDelete(identity, error).outcome === 'deleted') return;
    throw mapAwsError(error);
  }
}

/** Runs `worker` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await worker(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export interface BulkDeleteOptions {
  pacing: AimdOptions;
  /** Attempts per identity (throttles included) before it is reported failed. */
  maxAttemptsPerIdentity: number;
  /** Time budget of the whole request; identities not done by then are reported failed. */
  deadlineMs: number;
}

export const DEFAULT_BULK_DELETE: BulkDeleteOptions = {
  pacing: DEFAULT_AIMD,
  maxAttemptsPerIdentity: 12,
  deadlineMs: 90_000,
};

const THROTTLE_NAMES = new Set(['TooManyRequestsException', 'Throttling', 'ThrottlingException']);

/** A throttled call was refused before it ran: repeating it is always safe. */
function isThrottle(error: unknown): boolean {
  const name = awsErrorName(error);
  if (name !== undefined && THROTTLE_NAMES.has(name)) return true;
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 429;
}

/**
 * A server error or lost answer: the delete may or may not have run. Repeating it is safe (a second
 * delete of a deleted identity answers NotFound), but that NotFound then means "deleted by us".
 */
function mayHaveRun(error: unknown): boolean {
  if (isAwsRetryable(error)) return true;
  const code = (error as { code?: unknown })?.code;
  const name = (error as { name?: unknown })?.name;
  return (
    name === 'TimeoutError' ||
    (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT)$/.test(code))
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Deletes each identity asked for, once (duplicates in the request are collapsed), pacing itself to
 * what SES accepts (AimdPacer) and reporting each outcome:
 * - a throttled delete is repeated (it did not run); the pacer slows down;
 * - a 5xx, timeout or reset is repeated after a short backoff; a later NotFound then counts as deleted;
 * - a delete that answered success is never sent again; NotFound on a first clean try is `not_found`;
 * - any other client error is final (`failed` with SES's message);
 * - attempts per identity and the whole request's time are bounded; what is left is `failed`.
 * It only ever sends DeleteEmailIdentity for the names in the request.
 */
export async function deleteIdentities(
  ctx: ServiceContext,
  region: string,
  identities: readonly string[],
  options: BulkDeleteOptions = DEFAULT_BULK_DELETE,
): Promise<DeleteIdentitiesResponse> {
  const unique = [...new Set(identities)];
  const ses = ctx.clients.sesSingleAttempt?.(region) ?? ctx.clients.ses(region);
  const pacer = new AimdPacer(options.pacing);
  const deadline = performance.now() + options.deadlineMs;

  async function deleteOne(identity: string): Promise<DeleteResult> {
    let ranMaybe = false;
    let lastError: unknown;
    for (let attempt = 1; attempt <= options.maxAttemptsPerIdentity; attempt += 1) {
      if (performance.now() > deadline) break;
      const slot = await pacer.acquire();
      try {
        await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: identity }));
        pacer.release(slot, 'success');
        return { identity, outcome: 'deleted' };
      } catch (error) {
        lastError = error;
        if (isThrottle(error)) {
          pacer.release(slot, 'throttled');
          continue;
        }
        pacer.release(slot, 'failed');
        if (isAwsNotFound(error)) {
          return ranMaybe
            ? { identity, outcome: 'deleted' }
            : { identity, outcome: 'not_found', message: `Identity ${identity} does not exist.` };
        }
        if (!mayHaveRun(error)) return { identity, outcome: 'failed', message: describeFailure(error) };
        ranMaybe = true;
        await sleep(Math.min(2_000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
      }
    }
    const why = lastError === undefined ? 'it was not attempted in time' : describeFailure(lastError);
    return {
      identity,
      outcome: 'failed',
      message: `Not deleted: SES did not accept the delete (${why}); try again later.`,
    };
  }

  const results = await mapWithConcurrency(unique, options.pacing.maxWindow, deleteOne);
  return {
    results,
    deleted: results.filter((r) => r.outcome === 'deleted').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
  };
}
