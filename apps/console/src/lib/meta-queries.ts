import { apiPaths, type MetaResponse } from '@ses-console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';

export const metaKeys = { all: ['meta'] as const };

export const metaQueryOptions = () =>
  queryOptions({
    queryKey: metaKeys.all,
    queryFn: () => api.get<MetaResponse>(apiPaths.meta),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useMeta = () => useQuery(metaQueryOptions());
