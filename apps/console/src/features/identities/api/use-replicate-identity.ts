import {
  accountApiPath,
  type ReplicateIdentityResponse,
  type ReplicateResult,
  routeTable,
} from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api, describeError } from '../../../lib/api-client';
import { type AccountId, identityKeys, invalidateListsOf } from './identity-queries';
import { outcomeOfFailedRequest } from './use-delete-identities';

/** The route "Replicate to Regions" calls: its access rule decides whether the action is offered. */
export const replicateIdentityRoute = routeTable.replicateIdentity;

/** Regions replicated to at the same time (one request each, so each Region's progress shows). */
const REGIONS_IN_FLIGHT = 4;

export interface ReplicateInput {
  regions: string[];
  /** Called as each Region starts and ends, for the per-Region progress. */
  onStart?(region: string): void;
  onResult?(result: ReplicateResult): void;
}

/**
 * Creates a replica of the identity in each Region: one request per Region, a few at a time, so the
 * dialog can show each Region's progress and result. A request that fails reports its Region as
 * failed (a refusal: nothing was created) or unknown (no answer: it may exist), with the reason.
 */
export async function replicateRegionByRegion(
  account: AccountId,
  region: string,
  identity: string,
  input: ReplicateInput,
): Promise<ReplicateResult[]> {
  return mapWithConcurrency(input.regions, REGIONS_IN_FLIGHT, async (target) => {
    input.onStart?.(target);
    let result: ReplicateResult;
    try {
      const response = await api.post<ReplicateIdentityResponse>(
        accountApiPath(account, replicateIdentityRoute.path, { region, identity }),
        { regions: [target] },
      );
      result = response.results.find((r) => r.region === target) ?? {
        region: target,
        outcome: 'unknown',
        message: 'The answer named no result for this Region; reload to see.',
      };
    } catch (error) {
      result = { region: target, outcome: outcomeOfFailedRequest(error), message: describeError(error) };
    }
    input.onResult?.(result);
    return result;
  });
}

export function useReplicateIdentity(region: string, identity: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (input: ReplicateInput) => replicateRegionByRegion(account, region, identity, input),
    onSettled: async (results) => {
      const touched = (results ?? []).filter((r) => r.outcome !== 'failed').map((r) => r.region);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.acrossRegions(account, identity) }),
        ...touched.map((r) => invalidateListsOf(queryClient, account, r)),
      ]);
    },
  });
}
