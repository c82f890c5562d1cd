import { z } from 'zod';
import { identityTypeSchema, verificationStatusSchema } from './enums.js';
import { regionSchema } from './validation.js';

/**
 * Global identities (SES's Deterministic Easy DKIM, DEED): a domain identity in one Region (the
 * parent, Easy DKIM) whose DKIM key and DNS records identities of the same name in other Regions
 * (replicas) reuse. A replica's DKIM origin is `AWS_SES_<PARENT_REGION>`, e.g. `AWS_SES_US_EAST_1`.
 */

/** Regions fetched at the same time when a name is looked up in every Region (as the All regions list). */
export const GLOBAL_IDENTITY_CONCURRENCY = 4;

const REPLICA_ORIGIN_PREFIX = 'AWS_SES_';

/** The DKIM origin a replica of a parent in `parentRegion` is created with (`us-east-1` → `AWS_SES_US_EAST_1`). */
export function replicaOriginOf(parentRegion: string): string {
  return `${REPLICA_ORIGIN_PREFIX}${parentRegion.toUpperCase().replaceAll('-', '_')}`;
}

/** The parent Region a replica's DKIM origin names; undefined for `AWS_SES`, `EXTERNAL` or nothing. */
export function parentRegionOfOrigin(origin: string | undefined): string | undefined {
  if (!origin?.startsWith(REPLICA_ORIGIN_PREFIX)) return undefined;
  const region = origin.slice(REPLICA_ORIGIN_PREFIX.length).toLowerCase().replaceAll('_', '-');
  return region.length > 0 ? region : undefined;
}

// ---------- one name in every Region ----------

/** The identity of this name in one Region, as GetEmailIdentity there answers it. */
export const identityInRegionSchema = z.object({
  region: z.string(),
  type: identityTypeSchema,
  status: verificationStatusSchema,
  dkimStatus: verificationStatusSchema,
  /** `AWS_SES`, `EXTERNAL` or `AWS_SES_<REGION>` (a replica); absent when SES names none. */
  dkimOrigin: z.string().optional(),
  /** A replica: the Region of its parent. */
  parentRegion: z.string().optional(),
});
export type IdentityInRegion = z.infer<typeof identityInRegionSchema>;

/** How looking in one Region went: a Region that failed is a warning, the others still answer. */
export const regionLookupSchema = z.discriminatedUnion('outcome', [
  z.object({ region: z.string(), outcome: z.literal('found') }),
  z.object({ region: z.string(), outcome: z.literal('absent') }),
  z.object({
    region: z.string(),
    outcome: z.literal('failed'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type RegionLookup = z.infer<typeof regionLookupSchema>;

/**
 * `GET /api/identities/{identity}/regions`: the identity of this name in every configured Region —
 * the parents the create page offers, a parent's replicas and the Regions that lack the domain.
 */
export const identityAcrossRegionsResponseSchema = z.object({
  name: z.string(),
  /** The Regions where an identity of this name exists, in the configured order. */
  identities: z.array(identityInRegionSchema),
  /** One entry per configured Region, in the configured order. */
  regions: z.array(regionLookupSchema),
});
export type IdentityAcrossRegionsResponse = z.infer<typeof identityAcrossRegionsResponseSchema>;

// ---------- replicate ----------

/** `POST …/identities/{identity}/replicate`: create a replica of this (parent) identity in each Region. */
export const replicateIdentityRequestSchema = z.object({
  regions: z.array(regionSchema).min(1, 'Choose at least one Region').max(64, 'At most 64 Regions at a time'),
});
export type ReplicateIdentityRequest = z.infer<typeof replicateIdentityRequestSchema>;

/**
 * `created`: this request created the replica (or an attempt of it whose answer was lost did);
 * `already_exists`: the Region already had an identity of this name (nothing was changed);
 * `failed`: SES refused, or nothing was sent (its message says why); `unknown`: a create was sent and
 * no answer came — it may or may not exist; reload to see.
 */
export const replicateResultSchema = z.object({
  region: z.string(),
  outcome: z.enum(['created', 'already_exists', 'failed', 'unknown']),
  message: z.string().optional(),
  /** The replica's verification status right after a create (SES verifies it on its own). */
  status: verificationStatusSchema.optional(),
});
export type ReplicateResult = z.infer<typeof replicateResultSchema>;

export const replicateIdentityResponseSchema = z.object({
  name: z.string(),
  parentRegion: z.string(),
  /** One result per Region asked for (duplicates collapsed), in the order asked. */
  results: z.array(replicateResultSchema),
  created: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
});
export type ReplicateIdentityResponse = z.infer<typeof replicateIdentityResponseSchema>;
