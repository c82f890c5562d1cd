import type { VerificationError } from '@aws-sdk/client-sesv2';
import type { DkimState, IdentityRecord, Scope } from '../../../store/ses-records.js';
import type { SesStore } from '../../../store/ses-store.js';
import { DEED_REGIONS, parseReplicaOrigin, partitionOf, replicaOrigin } from '../dkim-regions.js';
import { newTrack } from '../verification/transitions.js';
import { BadRequestException, validationError } from './errors.js';
import { replicationDenied } from './replication-access.js';
import { resourceArn } from './resources.js';

/**
 * Deterministic Easy DKIM (DEED, SES-V1-SNS-STS.md §1): a domain created in a replica Region with
 * `DkimSigningAttributes.DomainSigningAttributesOrigin = AWS_SES_<PARENT_REGION>` uses the Easy DKIM key,
 * tokens and hosted zone of the identity of the same name in the same account in the parent Region, so it
 * verifies through the parent's published CNAMEs with no DNS work of its own, and follows the parent's
 * key-length changes and rotations. The rules here; `identities.ts` calls them.
 */

const ORIGIN_FIELD = 'dkimSigningAttributes.domainSigningAttributesOrigin';

export interface ReplicaOriginInput {
  DomainSigningSelector?: string;
  DomainSigningPrivateKey?: string;
  NextSigningKeyLength?: string;
  DomainSigningAttributesOrigin?: string;
}

/**
 * Checks what the request alone shows wrong with a replica origin and returns the parent Region.
 * These are input errors, so they are a synchronous 400 naming the field (the model's
 * `REPLICATION_PRIMARY_INVALID_REGION` also covers "same as the replica Region", but an emulator that
 * accepted the create only to fail the identity later would hide a typo behind a FAILED status; SES
 * validates its enums before it acts, and the same-Region case is as visible in the request) [inf]:
 *  - another member beside the origin (selector, private key, key length: the parent owns the key);
 *  - a value that is not `AWS_SES_<REGION>` or names a Region SES does not have;
 *  - the request's own Region.
 */
export function parseReplicaRequest(attrs: ReplicaOriginInput, replicaRegion: string): string {
  const origin = attrs.DomainSigningAttributesOrigin as string;
  for (const member of [
    'DomainSigningSelector',
    'DomainSigningPrivateKey',
    'NextSigningKeyLength',
  ] as const) {
    if (attrs[member] !== undefined) {
      throw new BadRequestException(
        `The input you provided is invalid. DkimSigningAttributes.${member} cannot be combined with DomainSigningAttributesOrigin ${origin}: a Deterministic Easy DKIM replica uses its parent's key (give only DomainSigningAttributesOrigin).`,
      );
    }
  }
  if (origin === 'AWS_SES' || origin === 'EXTERNAL') {
    throw validationError(
      ORIGIN_FIELD,
      'Member must be an AWS_SES_<REGION> replica origin here; use AWS_SES or EXTERNAL with PutEmailIdentityDkimSigningAttributes',
      origin,
    );
  }
  const parsed = parseReplicaOrigin(origin);
  if (parsed.kind === 'malformed') {
    throw validationError(
      ORIGIN_FIELD,
      'Member must be AWS_SES_<REGION>, the parent identity\'s Region in upper case with "_" for "-" (for example AWS_SES_US_EAST_1)',
      origin,
    );
  }
  if (!parsed.known) {
    throw validationError(
      ORIGIN_FIELD,
      `Member must name a Region where SES offers Deterministic Easy DKIM (${DEED_REGIONS.map(replicaOrigin).join(', ')}); ${parsed.region} is not one`,
      origin,
    );
  }
  if (parsed.region === replicaRegion) {
    throw new BadRequestException(
      `The input you provided is invalid. DkimSigningAttributes.DomainSigningAttributesOrigin ${origin} names this Region (${replicaRegion}); a replica's parent must be in another Region.`,
    );
  }
  return parsed.region;
}

/** Whether an identity is a DEED replica (its DKIM comes from another Region), failed or not. */
export function isReplica(identity: IdentityRecord | undefined): boolean {
  return identity?.dkim?.parentRegion !== undefined;
}

/** A replica that holds its parent's key (its replication did not fail). */
function isLinkedReplicaOf(candidate: IdentityRecord, parent: IdentityRecord): boolean {
  const dkim = candidate.dkim;
  return candidate.region !== parent.region && dkim?.parentRegion === parent.region && dkim.tokens.length > 0;
}

/** The replicas that use `parent`'s key, in Region order. */
export function linkedReplicas(store: SesStore, parent: IdentityRecord): IdentityRecord[] {
  if (parent.type !== 'DOMAIN' || isReplica(parent)) return [];
  return store.identities
    .inAllRegions(parent.accountId, parent.name)
    .filter((candidate) => isLinkedReplicaOf(candidate, parent));
}

/** The key material a replica mirrors from its parent (kept identical by `propagateKey`). */
function keyOf(dkim: DkimState): Partial<DkimState> {
  return {
    tokens: [...dkim.tokens],
    nextKeyLength: dkim.nextKeyLength,
    currentKeyLength: dkim.currentKeyLength,
    lastKeyGenerationAt: dkim.lastKeyGenerationAt,
    keyLengthChangedAt: dkim.keyLengthChangedAt,
    downgradeExemptionUsed: dkim.downgradeExemptionUsed,
  };
}

/**
 * Why a replica in `scope` of the identity `name` in `parentRegion` cannot get the parent's key, in the
 * order the checks apply (SES-V1-SNS-STS.md §1.9): a Region SES cannot replicate from (another
 * partition: aws ↔ aws-us-gov is not described anywhere, so it is refused [inf]); no such identity; the
 * named identity is itself a replica; it uses BYODKIM; the parent's policies deny
 * `ses:ReplicateEmailIdentityDkimSigningKey` for this Region.
 */
function replicationProblem(
  store: SesStore,
  scope: Scope,
  name: string,
  parentRegion: string,
): { error: VerificationError } | { parent: IdentityRecord } {
  if (partitionOf(parentRegion) !== partitionOf(scope.region)) {
    return { error: 'REPLICATION_PRIMARY_INVALID_REGION' };
  }
  const parentScope = { accountId: scope.accountId, region: parentRegion };
  const parent = store.identities.get(parentScope, name);
  if (parent?.type !== 'DOMAIN' || !parent.dkim) return { error: 'REPLICATION_PRIMARY_NOT_FOUND' };
  if (isReplica(parent)) return { error: 'REPLICATION_REPLICA_AS_PRIMARY_NOT_SUPPORTED' };
  if (parent.dkim.origin !== 'AWS_SES') return { error: 'REPLICATION_PRIMARY_BYO_DKIM_NOT_SUPPORTED' };
  const denied = replicationDenied(store.policies.all(parentScope, name), {
    parentArn: resourceArn(parentScope, 'identity', name),
    accountId: scope.accountId,
    replicaRegion: scope.region,
  });
  if (denied) return { error: 'REPLICATION_ACCESS_DENIED' };
  return { parent };
}

/**
 * The DKIM state a new replica starts with. Replication succeeds: the parent's tokens and key lengths,
 * its own signing flag and a PENDING search (the next verification pass finds the parent's CNAMEs if
 * they are in DNS). Replication fails: FAILED with the `REPLICATION_*` reason and no key. The model's
 * wording ("the verification failed because …") makes these a status of a created identity, not an
 * error of CreateEmailIdentity [model → inf]; the emulator decides at once, so the create answer may
 * already say FAILED, and GetEmailIdentity's `VerificationInfo.ErrorType` gives the reason.
 */
export function replicaDkim(
  store: SesStore,
  scope: Scope,
  name: string,
  parentRegion: string,
  now: number,
): DkimState {
  const outcome = replicationProblem(store, scope, name, parentRegion);
  if ('error' in outcome) {
    return {
      signingEnabled: true,
      origin: 'AWS_SES',
      parentRegion,
      track: newTrack('replication-failed', now, outcome.error),
      tokens: [],
    };
  }
  const parentDkim = outcome.parent.dkim as DkimState;
  return {
    signingEnabled: true,
    origin: 'AWS_SES',
    parentRegion,
    track: newTrack('start', now),
    tokens: [],
    ...keyOf(parentDkim),
  };
}

/** The verification track a replica starts with: FAILED like its DKIM when replication failed. */
export function replicaVerification(dkim: DkimState, now: number) {
  return dkim.track.status === 'FAILED'
    ? newTrack('replication-failed', now, dkim.track.errorType)
    : newTrack('start', now);
}

/**
 * After a key change on a parent (a new NextSigningKeyLength), every linked replica gets the same key
 * state in the same transaction, so the engine rotates parent and replicas at the same boundary
 * (`dkim-key-rotation.ts`) and they report the same Current/Next lengths and LastKeyGeneration.
 */
export function propagateKey(store: SesStore, parent: IdentityRecord): void {
  if (!parent.dkim) return;
  for (const replica of linkedReplicas(store, parent)) {
    store.identities.update({
      ...replica,
      dkim: { ...(replica.dkim as DkimState), ...keyOf(parent.dkim) },
    });
  }
}

/** The refusal of a DKIM signing change made on a replica: its DKIM is managed by its parent [inf]. */
export function replicaChangeRefused(identity: IdentityRecord, what: string): BadRequestException {
  const parentRegion = identity.dkim?.parentRegion as string;
  return new BadRequestException(
    `The input you provided is invalid. ${identity.name} is a Deterministic Easy DKIM replica of the identity in ${parentRegion} (SigningAttributesOrigin ${replicaOrigin(parentRegion)}); its ${what} follow the parent and cannot be changed in ${identity.region}. Change the parent in ${parentRegion}, or delete this replica and create an ordinary identity.`,
  );
}

/** Region names of the linked replicas, for messages. */
export function replicaRegions(replicas: readonly IdentityRecord[]): string {
  return replicas.map((r) => r.region).join(', ');
}
