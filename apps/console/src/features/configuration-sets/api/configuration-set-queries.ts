import { accountApiPath, apiPaths, type ListConfigurationSetsResponse } from '@ses-console/contract';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AccountId } from '../../identities/api/identity-queries';

export const configurationSetKeys = {
  all: ['configuration-sets'] as const,
  list: (account: AccountId, region: string) =>
    [...configurationSetKeys.all, 'list', account ?? null, region] as const,
};

export const configurationSetsQueryOptions = (account: AccountId, region: string) =>
  queryOptions({
    queryKey: configurationSetKeys.list(account, region),
    queryFn: () =>
      api.get<ListConfigurationSetsResponse>(accountApiPath(account, apiPaths.configurationSets, { region })),
    select: (data) => data.configurationSets,
  });
