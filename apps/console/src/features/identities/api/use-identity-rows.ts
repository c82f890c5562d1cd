import type { AccountLoadResult, RegionLoadResult } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { IdentityRow } from '../model/identity-rows';
import {
  type AccountId,
  allAccountsIdentitiesQueryOptions,
  allRegionsIdentitiesQueryOptions,
  identitiesQueryOptions,
} from './identity-queries';

/**
 * What the identities table lists: one region or every configured region of the selected account
 * (`account` undefined without ACCOUNTS), or every account (ACCOUNTS) in one Region or all of them.
 */
export type IdentityScope =
  | { kind: 'region'; account?: AccountId; region: string }
  | { kind: 'all'; account?: AccountId }
  | { kind: 'all-accounts'; region?: string };

export type FailedRegion = Extract<RegionLoadResult, { outcome: 'failed' }>;
/** An account (`region: null`: as a whole, e.g. its role could not be assumed) or one of its Regions. */
export type FailedAccountLoad = Extract<AccountLoadResult, { outcome: 'failed' }>;

/** The table's rows for a scope, each carrying its region (and account), and what could not be loaded. */
export function useIdentityRows(scope: IdentityScope, options: { withDkimOrigin?: boolean } = {}) {
  const region = scope.kind === 'region' ? scope.region : '';
  const account = scope.kind === 'all-accounts' ? undefined : scope.account;
  const withDkimOrigin = options.withDkimOrigin ?? false;
  const regional = useQuery({
    ...identitiesQueryOptions(account, region, withDkimOrigin),
    enabled: scope.kind === 'region',
  });
  const all = useQuery({
    ...allRegionsIdentitiesQueryOptions(account, withDkimOrigin),
    enabled: scope.kind === 'all',
  });
  const allAccounts = useQuery({
    ...allAccountsIdentitiesQueryOptions(scope.kind === 'all-accounts' ? scope.region : undefined),
    enabled: scope.kind === 'all-accounts',
  });
  const active = scope.kind === 'all-accounts' ? allAccounts : scope.kind === 'all' ? all : regional;

  const rows = useMemo<IdentityRow[]>(() => {
    if (scope.kind === 'all-accounts') return allAccounts.data?.identities ?? [];
    if (scope.kind === 'all') return (all.data?.identities ?? []).map((i) => ({ ...i, account }));
    return (regional.data?.identities ?? []).map((i) => ({ ...i, region, account }));
  }, [scope.kind, all.data, allAccounts.data, regional.data, region, account]);

  const failedRegions = useMemo<FailedRegion[]>(
    () =>
      scope.kind === 'all'
        ? (all.data?.regions ?? []).filter((r): r is FailedRegion => r.outcome === 'failed')
        : [],
    [scope.kind, all.data],
  );
  const failedAccounts = useMemo<FailedAccountLoad[]>(
    () =>
      scope.kind === 'all-accounts'
        ? (allAccounts.data?.loads ?? []).filter((r): r is FailedAccountLoad => r.outcome === 'failed')
        : [],
    [scope.kind, allAccounts.data],
  );

  return {
    rows,
    failedRegions,
    failedAccounts,
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
