import {
  ALL_REGIONS_CONCURRENCY,
  type ListAllRegionsIdentitiesResponse,
  type ListIdentitiesQuery,
  type RegionalIdentitySummary,
  type RegionLoadResult,
} from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { regionFailureOf } from './global-identity-service.js';
import { listIdentities } from './identity-list-service.js';
import type { ServiceContext } from './service-context.js';

/** One region's identities, each with its region, and how loading it went (a failure never throws). */
export async function loadRegionIdentities(
  ctx: ServiceContext,
  region: string,
  query: ListIdentitiesQuery,
): Promise<{ result: RegionLoadResult; identities: RegionalIdentitySummary[] }> {
  try {
    // Tagged in place, not copied: the summaries are this list's own, and at 100,000 rows a copy of
    // each (object spread) cost more of the BFF's time than paging them.
    const identities = await listIdentities(ctx, region, query);
    for (const identity of identities) (identity as RegionalIdentitySummary).region = region;
    return {
      result: { region, outcome: 'loaded', count: identities.length },
      identities: identities as RegionalIdentitySummary[],
    };
  } catch (error) {
    return { result: { region, outcome: 'failed', error: regionFailureOf(error) }, identities: [] };
  }
}

/**
 * Every region's identities, a few regions at a time. A region that fails is reported in `regions`
 * with the error the region's own list would have answered; the others still load.
 */
export async function listIdentitiesInAllRegions(
  ctx: ServiceContext,
  regions: readonly string[],
  query: ListIdentitiesQuery,
): Promise<ListAllRegionsIdentitiesResponse> {
  const perRegion = await mapWithConcurrency(regions, ALL_REGIONS_CONCURRENCY, (region) =>
    loadRegionIdentities(ctx, region, query),
  );
  return {
    identities: perRegion.flatMap((r) => r.identities),
    regions: perRegion.map((r) => r.result),
  };
}
