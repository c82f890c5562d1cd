import {
  apiPath,
  apiPaths,
  type DnsDiagnosticsResponse,
  type IdentityAcrossRegionsResponse,
  type IdentityDetail,
  type ListAllRegionsIdentitiesResponse,
  type ListIdentitiesResponse,
  type Route53Change,
} from '@ses-console/contract';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Lists and details never share a prefix below `all`, so editing one identity never refetches every list. */
export const identityKeys = {
  all: ['identities'] as const,
  lists: () => [...identityKeys.all, 'list'] as const,
  list: (region: string) => [...identityKeys.lists(), region] as const,
  /** The list with each domain's DKIM origin (the DKIM origin column): under `list`, so it is invalidated with it. */
  listWithDkimOrigin: (region: string) => [...identityKeys.list(region), 'dkim-origin'] as const,
  /** Every region at once; not a region code, so it never collides with `list(region)`. */
  allRegionsList: () => [...identityKeys.lists(), { allRegions: true }] as const,
  allRegionsListWithDkimOrigin: () => [...identityKeys.allRegionsList(), 'dkim-origin'] as const,
  details: () => [...identityKeys.all, 'detail'] as const,
  detail: (region: string, identity: string) => [...identityKeys.details(), region, identity] as const,
  /** Live DNS answers: their own prefix, so an edit's detail refetch does not re-query DNS (and vice versa). */
  dnsDiagnostics: (region: string, identity: string) =>
    [...identityKeys.all, 'dns-diagnostics', region, identity] as const,
  /** Route 53 is global: which public zone covers a domain (the create page's Publish default). */
  hostedZoneLookup: (domain: string) => [...identityKeys.all, 'hosted-zone-lookup', domain] as const,
  /** A Route 53 change a publish made (global, like zones). */
  route53Change: (changeId: string) => [...identityKeys.all, 'route53-change', changeId] as const,
  /** One name in every Region (Global identities): its own prefix, one SES call per Region. */
  acrossRegions: (identity: string) => [...identityKeys.all, 'across-regions', identity] as const,
};

/** How often a publish's Route 53 change is asked about while PENDING, and for how long at most. */
export const ROUTE53_CHANGE_REFRESH_MS = 3_000;
export const ROUTE53_CHANGE_MAX_POLLS = 200; // 10 minutes: Route 53 is typically INSYNC within 60 s

/** Follows a change until INSYNC (bounded), starting from the status the publish answered. */
export const route53ChangeQueryOptions = (changeId: string, initial?: Route53Change['status']) =>
  queryOptions({
    queryKey: identityKeys.route53Change(changeId),
    queryFn: () => api.get<Route53Change>(apiPath(apiPaths.route53Change, { changeId })),
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

export const identitiesQueryOptions = (region: string, withDkimOrigin = false) =>
  queryOptions({
    queryKey: withDkimOrigin ? identityKeys.listWithDkimOrigin(region) : identityKeys.list(region),
    queryFn: () =>
      api.get<ListIdentitiesResponse>(
        `${apiPath(apiPaths.identities, { region })}${includeQuery(withDkimOrigin)}`,
      ),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING') ? PENDING_REFRESH_MS : false,
  });

export const identityQueryOptions = (region: string, identity: string) =>
  queryOptions({
    queryKey: identityKeys.detail(region, identity),
    queryFn: () => api.get<IdentityDetail>(apiPath(apiPaths.identity, { region, identity })),
    refetchInterval: (query) => (query.state.data?.status === 'PENDING' ? PENDING_REFRESH_MS : false),
  });

/** All regions costs one SES call per region, so it polls less often while anything is Pending. */
export const ALL_REGIONS_PENDING_REFRESH_MS = 30_000;

export const allRegionsIdentitiesQueryOptions = (withDkimOrigin = false) =>
  queryOptions({
    queryKey: withDkimOrigin ? identityKeys.allRegionsListWithDkimOrigin() : identityKeys.allRegionsList(),
    queryFn: () =>
      api.get<ListAllRegionsIdentitiesResponse>(
        `${apiPaths.allRegionsIdentities}${includeQuery(withDkimOrigin)}`,
      ),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING')
        ? ALL_REGIONS_PENDING_REFRESH_MS
        : false,
  });

export const dnsDiagnosticsQueryOptions = (region: string, identity: string) =>
  queryOptions({
    queryKey: identityKeys.dnsDiagnostics(region, identity),
    queryFn: () => api.get<DnsDiagnosticsResponse>(apiPath(apiPaths.dnsDiagnostics, { region, identity })),
    // DNS answers change outside the console; "Check again" asks anew, nothing is kept fresh for long.
    staleTime: 0,
  });

/** A change in one region shows in that region's list and in the All regions list. */
export function invalidateListsOf(queryClient: QueryClient, region: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: identityKeys.list(region) }),
    queryClient.invalidateQueries({ queryKey: identityKeys.allRegionsList() }),
  ]);
}

/**
 * The identity of this name in every Region: a parent's replicas, the Regions that lack it, the
 * parents the create page offers. Polls while one of them is Pending, as the All regions list does.
 */
export const identityAcrossRegionsQueryOptions = (identity: string) =>
  queryOptions({
    queryKey: identityKeys.acrossRegions(identity),
    queryFn: () =>
      api.get<IdentityAcrossRegionsResponse>(apiPath(apiPaths.identityAcrossRegions, { identity })),
    refetchInterval: (query) =>
      query.state.data?.identities.some((i) => i.status === 'PENDING')
        ? ALL_REGIONS_PENDING_REFRESH_MS
        : false,
  });
