import { apiPath, type DeleteIdentitiesResponse, type DeleteResult, routeTable } from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, describeError } from '../../../lib/api-client';
import { identityKeys, invalidateListsOf } from './identity-queries';

/**
 * The route every delete in the console calls (the table's and the identity page's): its access
 * rule is what decides whether Delete is offered, and its audit action (`identities.delete`) is what
 * the Activity page shows.
 */
export const deleteIdentitiesRoute = routeTable.deleteIdentities;

export const deleteIdentities = (region: string, identities: string[]) =>
  api.post<DeleteIdentitiesResponse>(apiPath(deleteIdentitiesRoute.path, { region }), { identities });

export type RegionalDeleteResult = DeleteResult & { region: string };

/** Regions deleted from at the same time; each region's request paces its own deletes in the BFF. */
const REGIONS_IN_FLIGHT = 4;

/**
 * What a region's failed bulk request means for each of its identities: a refusal (4xx) deleted
 * nothing; no answer, a 5xx or a timeout may have come after some deletes ran, so they are unknown.
 */
export function outcomeOfFailedRequest(error: unknown): 'failed' | 'unknown' {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 ? 'failed' : 'unknown';
}

/**
 * Deletes rows that may come from several regions: one bulk request per region, a few regions at a
 * time. A region whose request fails reports each of its identities as failed (a refusal) or unknown
 * (no answer) with the reason, so the per-identity results always cover every row; when every
 * region's request was refused, the first error is thrown, as a single region's delete would.
 */
export async function deleteAcrossRegions(
  rows: ReadonlyArray<{ region: string; name: string }>,
): Promise<RegionalDeleteResult[]> {
  const byRegion = new Map<string, string[]>();
  for (const row of rows) byRegion.set(row.region, [...(byRegion.get(row.region) ?? []), row.name]);
  const groups = [...byRegion.entries()];
  const errors: unknown[] = [];
  const results = await mapWithConcurrency(groups, REGIONS_IN_FLIGHT, async ([region, names]) => {
    try {
      const response = await deleteIdentities(region, names);
      return response.results.map((r): RegionalDeleteResult => ({ ...r, region }));
    } catch (error) {
      errors.push(error);
      const message = describeError(error);
      const outcome = outcomeOfFailedRequest(error);
      return names.map((identity): RegionalDeleteResult => ({ identity, region, outcome, message }));
    }
  });
  const refused = errors.filter((error) => outcomeOfFailedRequest(error) === 'failed');
  if (groups.length > 0 && refused.length === groups.length) throw refused[0];
  return results.flat();
}

export function useDeleteIdentityRows() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAcrossRegions,
    onSuccess: async (results) => {
      for (const r of results) {
        if (r.outcome !== 'failed') {
          queryClient.removeQueries({ queryKey: identityKeys.detail(r.region, r.identity) });
        }
      }
      await Promise.all(
        [...new Set(results.map((r) => r.region))].map((region) => invalidateListsOf(queryClient, region)),
      );
    },
  });
}
