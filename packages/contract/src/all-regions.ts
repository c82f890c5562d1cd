import { z } from 'zod';
import { identitySummarySchema, listIdentitiesQuerySchema } from './identities.js';

/** Regions `GET /api/identities` loads at the same time: fast enough for the ~20 SES regions, polite to SES. */
export const ALL_REGIONS_CONCURRENCY = 4;

/** One row of the All regions table: an identity and the region it lives in. */
export const regionalIdentitySummarySchema = identitySummarySchema.extend({ region: z.string() });
export type RegionalIdentitySummary = z.infer<typeof regionalIdentitySummarySchema>;

/** Query of `GET /api/identities`: the same SES filters as one region's list, applied in every region. */
export const listAllRegionsIdentitiesQuerySchema = listIdentitiesQuerySchema;
export type ListAllRegionsIdentitiesQuery = z.infer<typeof listAllRegionsIdentitiesQuerySchema>;

/** How loading one region went; a failed region does not fail the others. */
export const regionLoadResultSchema = z.discriminatedUnion('outcome', [
  z.object({ region: z.string(), outcome: z.literal('loaded'), count: z.number().int() }),
  z.object({
    region: z.string(),
    outcome: z.literal('failed'),
    /** The error envelope's code and message, as the region's own list would have answered. */
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type RegionLoadResult = z.infer<typeof regionLoadResultSchema>;

/** `GET /api/identities`: every configured region's identities, loaded a few regions at a time. */
export const listAllRegionsIdentitiesResponseSchema = z.object({
  identities: z.array(regionalIdentitySummarySchema),
  /** One entry per configured region, in the configured order. */
  regions: z.array(regionLoadResultSchema),
});
export type ListAllRegionsIdentitiesResponse = z.infer<typeof listAllRegionsIdentitiesResponseSchema>;
