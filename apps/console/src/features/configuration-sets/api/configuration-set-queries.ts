import { apiPath, apiPaths, type ListConfigurationSetsResponse } from '@ses-console/contract';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const configurationSetKeys = {
  all: ['configuration-sets'] as const,
  list: (region: string) => [...configurationSetKeys.all, 'list', region] as const,
};

export const configurationSetsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: configurationSetKeys.list(region),
    queryFn: () => api.get<ListConfigurationSetsResponse>(apiPath(apiPaths.configurationSets, { region })),
    select: (data) => data.configurationSets,
  });
