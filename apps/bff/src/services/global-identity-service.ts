import { setMaxListeners } from 'node:events';
import {
  CreateEmailIdentityCommand,
  type DkimSigningAttributesOrigin,
  GetEmailIdentityCommand,
} from '@aws-sdk/client-sesv2';
import {
  type FieldError,
  GLOBAL_IDENTITY_CONCURRENCY,
  type IdentityAcrossRegionsResponse,
  type IdentityInRegion,
  parentRegionOfOrigin,
  type RegionLookup,
  type ReplicateIdentityResponse,
  type ReplicateResult,
  replicaOriginOf,
} from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { AppError } from '../errors/app-error.js';
import { AttemptHistory, describeUnanswered, outcomeOfFailedSdkCall } from '../errors/attempt-outcome.js';
import { describeFailure, isAwsAlreadyExists, isAwsNotFound, mapAwsError } from '../errors/aws-error-map.js';
import { getEmailIdentity } from './identity-detail-service.js';
import type { ServiceContext } from './service-context.js';

/** The DkimSigningAttributes of a create that makes a replica of the identity in `parentRegion`. */
export function replicaSigningAttributes(parentRegion: string): {
  DomainSigningAttributesOrigin: DkimSigningAttributesOrigin;
} {
  return { DomainSigningAttributesOrigin: replicaOriginOf(parentRegion) as DkimSigningAttributesOrigin };
}

/**
 * A replica's parent Region must be one of the Regions the console offers (REGIONS) and not the
 * replica's own Region (SES would fail the replica with REPLICATION_PRIMARY_INVALID_REGION later; we
 * refuse before anything is created). Throws a 400 naming `field`.
 */
export function assertParentRegion(
  replicaRegion: string,
  parentRegion: string,
  offered: readonly string[],
  field: string,
): void {
  const problem = parentRegionProblem(replicaRegion, parentRegion, offered);
  if (problem) throw AppError.badRequest(`${field}: ${problem}`, [{ field, message: problem }]);
}

function parentRegionProblem(
  replicaRegion: string,
  parentRegion: string,
  offered: readonly string[],
): string | undefined {
  if (!offered.includes(parentRegion)) {
    return `The parent Region must be one of the Regions this console offers (${parentRegion} is not)`;
  }
  if (parentRegion === replicaRegion) {
    return `The parent Region must differ from the identity's own Region (${replicaRegion})`;
  }
  return undefined;
}

/** An AppError's message is safe to show; anything else (a network failure) gets a generic one. */
export function regionFailureOf(error: unknown): { code: string; message: string } {
  const mapped = mapAwsError(error);
  return mapped instanceof AppError
    ? { code: mapped.code, message: mapped.message }
    : { code: 'UpstreamError', message: 'The AWS service could not be reached. Try again later.' };
}

/**
 * The identity of this name in each Region (GetEmailIdentity there, a few Regions at a time). A Region
 * without it is `absent`; a Region that fails is reported and does not fail the others.
 */
export async function identityAcrossRegions(
  ctx: ServiceContext,
  name: string,
  regions: readonly string[],
): Promise<IdentityAcrossRegionsResponse> {
  const perRegion = await mapWithConcurrency(
    regions,
    GLOBAL_IDENTITY_CONCURRENCY,
    async (region): Promise<{ lookup: RegionLookup; identity?: IdentityInRegion }> => {
      try {
        const ses = await ctx.clients.ses(region).send(new GetEmailIdentityCommand({ EmailIdentity: name }));
        const dkimOrigin = ses.DkimAttributes?.SigningAttributesOrigin;
        const parentRegion = parentRegionOfOrigin(dkimOrigin);
        return {
          lookup: { region, outcome: 'found' },
          identity: {
            region,
            type: ses.IdentityType ?? (name.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN'),
            status: ses.VerificationStatus ?? 'NOT_STARTED',
            dkimStatus: ses.DkimAttributes?.Status ?? 'NOT_STARTED',
            ...(dkimOrigin ? { dkimOrigin } : {}),
            ...(parentRegion ? { parentRegion } : {}),
          },
        };
      } catch (error) {
        if (isAwsNotFound(error)) return { lookup: { region, outcome: 'absent' } };
        return { lookup: { region, outcome: 'failed', error: regionFailureOf(error) } };
      }
    },
  );
  return {
    name,
    identities: perRegion.flatMap((r) => (r.identity ? [r.identity] : [])),
    regions: perRegion.map((r) => r.lookup),
  };
}

export interface ReplicateOptions {
  /** Regions the console offers (REGIONS): the only ones a replica may be created in. */
  offeredRegions: readonly string[];
  /**
   * Time budget of the whole request (the bulk delete's, inside API_TIMEOUT_MS): no create starts
   * after it, and one still in flight then is abandoned and reported `unknown`.
   */
  deadlineMs: number;
}

/** 400 unless every target is an offered Region other than the parent's own. */
function assertTargets(parentRegion: string, targets: readonly string[], offered: readonly string[]): void {
  const fieldErrors: FieldError[] = [];
  targets.forEach((target, i) => {
    const problem = !offered.includes(target)
      ? `Region ${target} is not one of the Regions this console offers`
      : target === parentRegion
        ? `Region ${target} is the parent's own Region: a replica lives in another Region`
        : undefined;
    if (problem) fieldErrors.push({ field: `regions.${i}`, message: problem });
  });
  const [first] = fieldErrors;
  if (first) throw AppError.badRequest(`${first.field}: ${first.message}`, fieldErrors);
}

/** 400 unless the identity can be a parent: a domain with Easy DKIM (not BYODKIM, not itself a replica). */
async function assertCanBeParent(ctx: ServiceContext, region: string, identity: string): Promise<void> {
  const ses = await getEmailIdentity(ctx, region, identity);
  if (ses.IdentityType === 'EMAIL_ADDRESS') {
    throw AppError.badRequest(
      `${identity} is an email address: only a domain identity can be replicated to other Regions`,
    );
  }
  const origin = ses.DkimAttributes?.SigningAttributesOrigin ?? 'AWS_SES';
  const parentOfThis = parentRegionOfOrigin(origin);
  if (parentOfThis) {
    throw AppError.badRequest(
      `${identity} in ${region} is itself a replica of its parent in ${parentOfThis}: replicate the parent instead`,
    );
  }
  if (origin !== 'AWS_SES') {
    throw AppError.badRequest(
      `${identity} uses BYODKIM: only an Easy DKIM identity can be replicated to other Regions`,
    );
  }
}

/**
 * Creates a replica of the identity (the parent, in `region`) in each Region asked for: one
 * CreateEmailIdentity with origin `AWS_SES_<PARENT_REGION>` per Region (duplicates collapsed), a few
 * Regions at a time. Each Region has its own SES rate limits, so there is nothing to share a pacer
 * with: each create is repeated by the SDK client's retry policy (throttles, 5xx, network) and read by
 * the attempt-outcome rules, as the single create is:
 * - success → `created`, with the replica's status;
 * - AlreadyExists after an attempt that may have run → `created` (that attempt did it);
 * - AlreadyExists otherwise → `already_exists` (the Region had the name before; nothing changed);
 * - no answer to an attempt that may have run → `unknown`; any other refusal → `failed`.
 * The request's time is bounded (ReplicateOptions.deadlineMs).
 */
export async function replicateIdentity(
  ctx: ServiceContext,
  region: string,
  identity: string,
  targets: readonly string[],
  options: ReplicateOptions,
): Promise<ReplicateIdentityResponse> {
  assertTargets(region, targets, options.offeredRegions);
  await assertCanBeParent(ctx, region, identity);
  const unique = [...new Set(targets)];
  const deadline = new AbortController();
  setMaxListeners(4 * GLOBAL_IDENTITY_CONCURRENCY, deadline.signal);
  const deadlineTimer = setTimeout(() => deadline.abort(), options.deadlineMs);

  async function replicateTo(target: string): Promise<ReplicateResult> {
    if (deadline.signal.aborted) {
      return {
        region: target,
        outcome: 'failed',
        message: 'Not created: the request ran out of time before this Region was asked; try it again.',
      };
    }
    try {
      const out = await ctx.clients.ses(target).send(
        new CreateEmailIdentityCommand({
          EmailIdentity: identity,
          DkimSigningAttributes: replicaSigningAttributes(region),
        }),
        { abortSignal: deadline.signal },
      );
      const status = out.VerifiedForSendingStatus ? 'SUCCESS' : out.DkimAttributes?.Status;
      return { region: target, outcome: 'created', ...(status ? { status } : {}) };
    } catch (error) {
      switch (outcomeOfFailedSdkCall(error, isAwsAlreadyExists)) {
        case 'done-earlier':
          return {
            region: target,
            outcome: 'created',
            message:
              'SES answered AlreadyExists to a repeated attempt: an earlier attempt of this request, whose answer was lost, created it',
          };
        case 'already':
          return {
            region: target,
            outcome: 'already_exists',
            message: `${target} already has an identity named ${identity}: nothing was changed there (${describeFailure(error)})`,
          };
        case 'unknown':
          return {
            region: target,
            outcome: 'unknown',
            message: `Not confirmed: ${describeUnanswered(AttemptHistory.ofSdkCall(error).lastMayHaveRun)}, so the replica may or may not exist. Reload to see.`,
          };
        case 'not-done':
          return { region: target, outcome: 'failed', message: describeFailure(error) };
      }
    }
  }

  try {
    const results = await mapWithConcurrency(unique, GLOBAL_IDENTITY_CONCURRENCY, replicateTo);
    return {
      name: identity,
      parentRegion: region,
      results,
      created: results.filter((r) => r.outcome === 'created').length,
      failed: results.filter((r) => r.outcome === 'failed').length,
      unknown: results.filter((r) => r.outcome === 'unknown').length,
    };
  } finally {
    clearTimeout(deadlineTimer);
  }
}
