import { DeleteEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import type { DeleteIdentitiesResponse, DeleteResult } from '@ses-console/contract';
import { describeFailure, isAwsNotFound, mapAwsError } from '../errors/aws-error-map.js';
import type { ServiceContext } from './service-context.js';

/** SES throttles control-plane calls; a few deletes in flight is fast enough and stays polite. */
export const DELETE_CONCURRENCY = 5;

/**
 * The outcome of a delete that failed. Retries happen in the SDK only (adaptive mode), and the SDK
 * only repeats throttling, 5xx and transient network errors — never a delete that answered success.
 * One case needs care: when the SDK made more than one attempt and the last one says NotFound, an
 * earlier attempt may have deleted the identity before its answer was lost (timeout, 5xx). We cannot
 * tell that from "never existed", so we report `deleted`: the identity is gone either way, and
 * claiming "not found" for something this request removed would be the worse lie. (`$metadata.attempts`
 * is set by the SDK's retry middleware on the error it finally throws.)
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

/** Deletes each identity once (duplicates in the request are collapsed), reporting each outcome. */
export async function deleteIdentities(
  ctx: ServiceContext,
  region: string,
  identities: readonly string[],
): Promise<DeleteIdentitiesResponse> {
  const unique = [...new Set(identities)];
  const ses = ctx.clients.ses(region);
  const results = await mapWithConcurrency(
    unique,
    DELETE_CONCURRENCY,
    async (identity): Promise<DeleteResult> => {
      try {
        await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: identity }));
        return { identity, outcome: 'deleted' };
      } catch (error) {
        return outcomeOfFailedDelete(identity, error);
      }
    },
  );
  return {
    results,
    deleted: results.filter((r) => r.outcome === 'deleted').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
  };
}
