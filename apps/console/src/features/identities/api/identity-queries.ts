import { apiPath, apiPaths, type IdentityDetail, type ListIdentitiesResponse } from '@ses-console/contract';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Lists and details never share a prefix below `all`, so editing one identity never refetches every list. */
export const identityKeys = {
  all: ['identities'] as const,
  lists: () => [...identityKeys.all, 'list'] as const,
  list: (region: string) => [...identityKeys.lists(), region] as const,
  details: () => [...identityKeys.all, 'detail'] as const,
  detail: (region: string, identity: string) => [...identityKeys.details(), region, identity] as const,
};

/** While verification is in flight the list polls, so Pending turns into Verified without a reload. */
export const PENDING_REFRESH_MS = 10_000;

export const identitiesQueryOptions = (region: string) =>
  queryOptions({
    queryKey: identityKeys.list(region),
    queryFn: () => api.get<ListIdentitiesResponse>(apiPath(apiPaths.identities, { region })),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING') ? PENDING_REFRESH_MS : false,
  });

export const identityQueryOptions = (region: string, identity: string) =>
  queryOptions({
    queryKey: identityKeys.detail(region, identity),
    queryFn: () => api.get<IdentityDetail>(apiPath(apiPaths.identity, { region, identity })),
    refetchInterval: (query) => (query.state.data?.status === 'PENDING' ? PENDING_REFRESH_MS : false),
  });
