import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { IdentitySummary, IdentityType, VerificationStatus } from '@ses-console/contract';

/** How the SES console shows each verification status. */
export const statusDisplay: Record<VerificationStatus, { label: string; type: StatusIndicatorProps.Type }> = {
  SUCCESS: { label: 'Verified', type: 'success' },
  FAILED: { label: 'Failure', type: 'error' },
  PENDING: { label: 'Pending', type: 'pending' },
  TEMPORARY_FAILURE: { label: 'Temporary Failure', type: 'warning' },
  NOT_STARTED: { label: 'Not started', type: 'stopped' },
};

export const identityTypeLabel: Record<IdentityType, string> = {
  DOMAIN: 'Domain',
  EMAIL_ADDRESS: 'Email address',
  MANAGED_DOMAIN: 'Managed domain',
};

/** Sorting by status puts what needs attention first: problems, then work in progress, then done. */
const statusRank: Record<VerificationStatus, number> = {
  FAILED: 0,
  TEMPORARY_FAILURE: 1,
  PENDING: 2,
  NOT_STARTED: 3,
  SUCCESS: 4,
};

export type IdentitySortField = 'name' | 'type' | 'status';

export function isSortField(value: string | null): value is IdentitySortField {
  return value === 'name' || value === 'type' || value === 'status';
}

// Same order as `a.name.localeCompare(b.name)` (no locale, no options), without building a collator per call.
const nameCollator = new Intl.Collator();
const byName = (a: IdentitySummary, b: IdentitySummary) => nameCollator.compare(a.name, b.name);

const primary: Record<IdentitySortField, (a: IdentitySummary, b: IdentitySummary) => number> = {
  name: () => 0,
  type: (a, b) => identityTypeLabel[a.type].localeCompare(identityTypeLabel[b.type]),
  status: (a, b) => statusRank[a.status] - statusRank[b.status],
};

/** A→Z by name, computed once per list the query returns (the sorts below start from it). */
const nameOrderCache = new WeakMap<readonly IdentitySummary[], IdentitySummary[]>();

function inNameOrder(items: readonly IdentitySummary[]): IdentitySummary[] {
  let ordered = nameOrderCache.get(items);
  if (!ordered) {
    ordered = [...items].sort(byName);
    nameOrderCache.set(items, ordered);
  }
  return ordered;
}

/**
 * Sorts by a column; descending reverses the column's order, while ties stay A→Z by name in both
 * directions so a re-sort never shuffles rows that compare equal. The other columns sort the A→Z
 * list with a stable sort, so ties keep that order without comparing names again (with 10,000
 * identities, comparing names in every sort cost more than the rest of a re-render).
 */
export function sortIdentities(
  items: readonly IdentitySummary[],
  field: IdentitySortField,
  descending: boolean,
): IdentitySummary[] {
  const byNameAsc = inNameOrder(items);
  if (field === 'name') return descending ? [...byNameAsc].reverse() : [...byNameAsc];
  const sign = descending ? -1 : 1;
  return [...byNameAsc].sort((a, b) => sign * primary[field](a, b));
}
