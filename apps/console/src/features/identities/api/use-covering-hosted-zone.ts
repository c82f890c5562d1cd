import {
  accountApiPath,
  apiPaths,
  domainSchema,
  type HostedZoneLookupResponse,
  type HostedZoneRef,
} from '@ses-console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { api } from '../../../lib/api-client';
import { type AccountId, identityKeys } from './identity-queries';

/** How long the domain must stay unchanged before Route 53 is asked. */
export const HOSTED_ZONE_LOOKUP_DELAY_MS = 400;

export const hostedZoneLookupQueryOptions = (account: AccountId, domain: string) =>
  queryOptions({
    queryKey: identityKeys.hostedZoneLookup(account, domain),
    queryFn: () =>
      api.get<HostedZoneLookupResponse>(
        `${accountApiPath(account, apiPaths.hostedZoneLookup)}?${new URLSearchParams({ domain })}`,
      ),
    staleTime: 60_000,
  });

/**
 * Whether a public Route 53 hosted zone covers `domain`: `unknown` while the domain is not a valid
 * one, the answer is pending or the lookup failed (the create page then leaves the choice to the user).
 */
export type CoveringZone =
  | { state: 'unknown' }
  | { state: 'none'; domain: string }
  | { state: 'found'; domain: string; zone: HostedZoneRef };

export function useCoveringHostedZone(domain: string, enabled: boolean): CoveringZone {
  const settled = useDebouncedValue(domain.trim().toLowerCase(), HOSTED_ZONE_LOOKUP_DELAY_MS);
  const valid = enabled && settled.length > 0 && domainSchema.safeParse(settled).success;
  const { account } = useAccount();
  const query = useQuery({ ...hostedZoneLookupQueryOptions(account, settled), enabled: valid });
  if (!valid || settled !== domain.trim().toLowerCase() || !query.data) return { state: 'unknown' };
  return query.data.hostedZone
    ? { state: 'found', domain: settled, zone: query.data.hostedZone }
    : { state: 'none', domain: settled };
}
