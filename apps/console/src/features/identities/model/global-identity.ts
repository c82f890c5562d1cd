import type { IdentityAcrossRegionsResponse, IdentityInRegion, RegionInfo } from '@ses-console/contract';

/** A parent's replicas: the identities of its name whose DKIM origin names the parent's Region. */
export function replicasOf(across: IdentityAcrossRegionsResponse, parentRegion: string): IdentityInRegion[] {
  return across.identities.filter((i) => i.parentRegion === parentRegion);
}

/**
 * The Regions a parent can be replicated to: offered, not its own, and known to lack the name (a
 * Region that could not be asked is left out: it may hold the name already).
 */
export function regionsLacking(
  across: IdentityAcrossRegionsResponse,
  offered: readonly RegionInfo[],
  ownRegion: string,
): RegionInfo[] {
  const absent = new Set(across.regions.filter((r) => r.outcome === 'absent').map((r) => r.region));
  return offered.filter((r) => r.code !== ownRegion && absent.has(r.code));
}

/**
 * The parents a new replica in `replicaRegion` may name: Regions where the domain is a verified
 * Easy DKIM identity (not BYODKIM, not itself a replica), other than the replica's own.
 */
export function parentCandidates(
  across: IdentityAcrossRegionsResponse,
  replicaRegion: string,
): IdentityInRegion[] {
  return across.identities.filter(
    (i) =>
      i.region !== replicaRegion &&
      i.type === 'DOMAIN' &&
      i.status === 'SUCCESS' &&
      i.dkimOrigin === 'AWS_SES',
  );
}

/** The Regions that could not be asked, for a warning ("eu-west-3: SES did not answer …"). */
export function failedLookups(across: IdentityAcrossRegionsResponse) {
  return across.regions.flatMap((r) => (r.outcome === 'failed' ? [r] : []));
}
