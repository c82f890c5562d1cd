import {
  accountApiPath,
  apiPaths,
  type DnsDiagnosticsResponse,
  type IdentityAcrossRegionsResponse,
  type IdentityDetail,
  type ListAllAccountsIdentitiesResponse,
  type ListAllRegionsIdentitiesResponse,
  type ListIdentitiesResponse,
  type Route53Change,
} from '@ses-console/contract';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The account a key or path acts in: an ACCOUNTS id, or undefined for the one account without ACCOUNTS. */
export type AccountId = string | undefined;

/**
 * Lists and details never share a prefix below `all`, so editing one identity never refetches every
 * list. Every key names its account (null without ACCOUNTS): the same name in two accounts is two entries.
 */
export const identityKeys = {
  all: ['identities'] as const,
  lists: () => [...identityKeys.all, 'list'] as const,
  list: (account: AccountId, region: string) => [...identityKeys.lists(), account ?? null, region] as const,
  /** The list with each domain's DKIM origin (the DKIM origin column): under `list`, so it is invalidated with it. */
  listWithDkimOrigin: (account: AccountId, region: string) =>
    [...identityKeys.list(account, region), 'dkim-origin'] as const,
  /** Every region at once; not a region code, so it never collides with `list(region)`. */
  allRegionsList: (account: AccountId) =>
    [...identityKeys.lists(), account ?? null, { allRegions: true }] as const,
  allRegionsListWithDkimOrigin: (account: AccountId) =>
    [...identityKeys.allRegionsList(account), 'dkim-origin'] as const,
  /** Every account (ACCOUNTS) in one Region, or (no region) in all of them. */
  allAccountsLists: () => [...identityKeys.lists(), { allAccounts: true }] as const,
  allAccountsList: (region: string | undefined) =>
    [...identityKeys.allAccountsLists(), region ?? null] as const,
  details: () => [...identityKeys.all, 'detail'] as const,
  detail: (account: AccountId, region: string, identity: string) =>
    [...identityKeys.details(), account ?? null, region, identity] as const,
  /** Live DNS answers: their own prefix, so an edit's detail refetch does not re-query DNS (and vice versa). */
  dnsDiagnostics: (account: AccountId, region: string, identity: string) =>
    [...identityKeys.all, 'dns-diagnostics', account ?? null, region, identity] as const,
  /** Route 53 is global (per account): which public zone covers a domain (the create page's Publish default). */
  hostedZoneLookup: (account: AccountId, domain: string) =>
    [...identityKeys.all, 'hosted-zone-lookup', account ?? null, domain] as const,
  /** A Route 53 change a publish made (global, like zones). */
  route53Change: (account: AccountId, changeId: string) =>
    [...identityKeys.all, 'route53-change', account ?? null, changeId] as const,
  /** One name in every Region (Global identities): its own prefix, one SES call per Region. */
  acrossRegions: (account: AccountId, identity: string) =>
    [...identityKeys.all, 'across-regions', account ?? null, identity] as const,
};

/** How often a publish's Route 53 change is asked about while PENDING, and for how long at most. */
export const ROUTE53_CHANGE_REFRESH_MS = 3_000;
export const ROUTE53_CHANGE_MAX_POLLS = 200; // 10 minutes: Route 53 is typically INSYNC within 60 s

/** Follows a change until INSYNC (bounded), starting from the status the publish answered. */
export const route53ChangeQueryOptions = (
  account: AccountId,
  changeId: string,
  initial?: Route53Change['status'],
) =>
  queryOptions({
    queryKey: identityKeys.route53Change(account, changeId),
    queryFn: () => api.get<Route53Change>(accountApiPath(account, apiPaths.route53Change, { changeId })),
    ...(initial && { initialData: { id: changeId, status: initial }, initialDataUpdatedAt: 0 }),
    refetchInterval: (query) =>
      query.state.data?.status === 'INSYNC' || query.state.dataUpdateCount >= ROUTE53_CHANGE_MAX_POLLS
        ? false
        : ROUTE53_CHANGE_REFRESH_MS,
  });

/** While verification is in flight the list polls, so Pending turns into Verified without a reload. */
export const PENDING_REFRESH_MS = 10_000;

/** `withDkimOrigin`: each domain's DKIM origin too (one SES call per domain, so only when shown). */
const includeQuery = (withDkimOrigin: boolean) => (withDkimOrigin ? '?include=dkim-origin' : '');

export const identitiesQueryOptions = (account: AccountId, region: string, withDkimOrigin = false) =>
  queryOptions({
    queryKey: withDkimOrigin
      ? identityKeys.listWithDkimOrigin(account, region)
      : identityKeys.list(account, region),
    queryFn: () =>
      api.get<ListIdentitiesResponse>(
        `${accountApiPath(account, apiPaths.identities, { region })}${includeQuery(withDkimOrigin)}`,
      ),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING') ? PENDING_REFRESH_MS : false,
  });

export const identityQueryOptions = (account: AccountId, region: string, identity: string) =>
  queryOptions({
    queryKey: identityKeys.detail(account, region, identity),
    queryFn: () => api.get<IdentityDetail>(accountApiPath(account, apiPaths.identity, { region, identity })),
    refetchInterval: (query) => (query.state.data?.status === 'PENDING' ? PENDING_REFRESH_MS : false),
  });

/** All regions costs one SES call per region, so it polls less often while anything is Pending. */
export const ALL_REGIONS_PENDING_REFRESH_MS = 30_000;

export const allRegionsIdentitiesQueryOptions = (account: AccountId, withDkimOrigin = false) =>
  queryOptions({
    queryKey: withDkimOrigin
      ? identityKeys.allRegionsListWithDkimOrigin(account)
      : identityKeys.allRegionsList(account),
    queryFn: () =>
      api.get<ListAllRegionsIdentitiesResponse>(
        `${accountApiPath(account, apiPaths.allRegionsIdentities)}${includeQuery(withDkimOrigin)}`,
      ),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING')
        ? ALL_REGIONS_PENDING_REFRESH_MS
        : false,
  });

/**
 * Every account (ACCOUNTS) in one Region, or (no region) in every Region: one request, the BFF loads
 * the account × Region lists a few at a time; it polls like All regions while anything is Pending.
 */
export const allAccountsIdentitiesQueryOptions = (region: string | undefined) =>
  queryOptions({
    queryKey: identityKeys.allAccountsList(region),
    queryFn: () =>
      api.get<ListAllAccountsIdentitiesResponse>(
        region
          ? `${apiPaths.allAccountsIdentities}?${new URLSearchParams({ region })}`
          : apiPaths.allAccountsIdentities,
      ),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING')
        ? ALL_REGIONS_PENDING_REFRESH_MS
        : false,
  });

export const dnsDiagnosticsQueryOptions = (account: AccountId, region: string, identity: string) =>
  queryOptions({
    queryKey: identityKeys.dnsDiagnostics(account, region, identity),
    queryFn: () =>
      api.get<DnsDiagnosticsResponse>(accountApiPath(account, apiPaths.dnsDiagnostics, { region, identity })),
    // DNS answers change outside the console; "Check again" asks anew, nothing is kept fresh for long.
    staleTime: 0,
  });

/** A change in one account's region shows in that region's list, its All regions list and All accounts. */
export function invalidateListsOf(
  queryClient: QueryClient,
  account: AccountId,
  region: string,
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: identityKeys.list(account, region) }),
    queryClient.invalidateQueries({ queryKey: identityKeys.allRegionsList(account) }),
    queryClient.invalidateQueries({ queryKey: identityKeys.allAccountsLists() }),
  ]);
}

/**
 * The identity of this name in every Region: a parent's replicas, the Regions that lack it, the
 * parents the create page offers. Polls while one of them is Pending, as the All regions list does.
 */
export const identityAcrossRegionsQueryOptions = (account: AccountId, identity: string) =>
  queryOptions({
    queryKey: identityKeys.acrossRegions(account, identity),
    queryFn: () =>
      api.get<IdentityAcrossRegionsResponse>(
        accountApiPath(account, apiPaths.identityAcrossRegions, { identity }),
      ),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING')
        ? ALL_REGIONS_PENDING_REFRESH_MS
        : false,
  });
