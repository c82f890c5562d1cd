import type { RegionLoadResult } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { IdentityRow } from '../model/identity-rows';
import { allRegionsIdentitiesQueryOptions, identitiesQueryOptions } from './identity-queries';

/** What the identities table lists: one region, or every configured region. */
export type IdentityScope = { kind: 'region'; region: string } | { kind: 'all' };

export type FailedRegion = Extract<RegionLoadResult, { outcome: 'failed' }>;

/** The table's rows for a scope, each carrying its region, and the regions that could not be loaded. */
export function useIdentityRows(scope: IdentityScope, options: { withDkimOrigin?: boolean } = {}) {
  const region = scope.kind === 'region' ? scope.region : '';
  const withDkimOrigin = options.withDkimOrigin ?? false;
  const regional = useQuery({
    ...identitiesQueryOptions(region, withDkimOrigin),
    enabled: scope.kind === 'region',
  });
  const all = useQuery({
    ...allRegionsIdentitiesQueryOptions(withDkimOrigin),
    enabled: scope.kind === 'all',
  });
  const active = scope.kind === 'all' ? all : regional;

  const rows = useMemo<IdentityRow[]>(() => {
    if (scope.kind === 'all') return all.data?.identities ?? [];
    return (regional.data?.identities ?? []).map((i) => ({ ...i, region }));
  }, [scope.kind, all.data, regional.data, region]);

  const failedRegions = useMemo<FailedRegion[]>(
    () =>
      scope.kind === 'all'
        ? (all.data?.regions ?? []).filter((r): r is FailedRegion => r.outcome === 'failed')
        : [],
    [scope.kind, all.data],
  );

  return {
    rows,
    failedRegions,
    /** Undefined until the first answer. */
    total: active.data ? rows.length : undefined,
    /** When the rows shown were loaded (kept, with `error`, when a refresh fails). */
    dataUpdatedAt: active.dataUpdatedAt,
    isPending: active.isPending,
    isFetching: active.isFetching,
    error: active.error,
    refetch: active.refetch,
  };
}
