import {
  accountApiPath,
  type DeleteIdentitiesResponse,
  type DeleteResult,
  routeTable,
} from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, describeError } from '../../../lib/api-client';
import { type AccountId, identityKeys, invalidateListsOf } from './identity-queries';

/**
 * The route every delete in the console calls (the table's and the identity page's): its access
 * rule is what decides whether Delete is offered, and its audit action (`identities.delete`) is what
 * the Activity page shows.
 */
export const deleteIdentitiesRoute = routeTable.deleteIdentities;

export const deleteIdentities = (account: AccountId, region: string, identities: string[]) =>
  api.post<DeleteIdentitiesResponse>(accountApiPath(account, deleteIdentitiesRoute.path, { region }), {
    identities,
  });

export type RegionalDeleteResult = DeleteResult & { region: string; account?: string };

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
 * Deletes rows that may come from several regions (and accounts): one bulk request per account and
 * region, through that account's path prefix, a few at a time. A request that fails reports each of
 * its identities as failed (a refusal) or unknown (no answer) with the reason, so the per-identity
 * results always cover every row; when every request was refused, the first error is thrown, as a
 * single region's delete would.
 */
export async function deleteAcrossRegions(
  rows: ReadonlyArray<{ region: string; name: string; account?: string }>,
): Promise<RegionalDeleteResult[]> {
  const groupsByKey = new Map<string, { account: AccountId; region: string; names: string[] }>();
  for (const row of rows) {
    const key = `${row.account ?? ''}/${row.region}`;
    const group = groupsByKey.get(key) ?? { account: row.account, region: row.region, names: [] };
    group.names.push(row.name);
    groupsByKey.set(key, group);
  }
  const groups = [...groupsByKey.values()];
  const errors: unknown[] = [];
  const results = await mapWithConcurrency(groups, REGIONS_IN_FLIGHT, async ({ account, region, names }) => {
    const where = account === undefined ? { region } : { region, account };
    try {
      const response = await deleteIdentities(account, region, names);
      return response.results.map((r): RegionalDeleteResult => ({ ...r, ...where }));
    } catch (error) {
      errors.push(error);
      const message = describeError(error);
      const outcome = outcomeOfFailedRequest(error);
      return names.map((identity): RegionalDeleteResult => ({ identity, ...where, outcome, message }));
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
          queryClient.removeQueries({ queryKey: identityKeys.detail(r.account, r.region, r.identity) });
        }
      }
      const places = new Map(results.map((r) => [`${r.account ?? ''}/${r.region}`, r]));
      await Promise.all([...places.values()].map((r) => invalidateListsOf(queryClient, r.account, r.region)));
    },
  });
}
