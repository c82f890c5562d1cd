import type { IdentitySummary } from '@ses-console/contract';
import { toCsv } from '../../../lib/csv';
import { identityTypeLabel, statusDisplay } from './identity-status';

/** A row of the identities table: the region is known even when one region is shown. */
export type IdentityRow = IdentitySummary & { region: string };

/** Where an identity lives: enough to name it, key it and delete it. */
export type IdentityRef = Pick<IdentityRow, 'region' | 'name'>;

/** Selection, results and React keys: the same name can exist in several regions. */
export const identityRowKey = (row: IdentityRef) => `${row.region}/${row.name}`;

/** How a row is named where its region matters (dialogs, messages): with it in the All regions view. */
export function identityRowLabel(row: IdentityRef, withRegion: boolean): string {
  return withRegion ? `${row.name} (${row.region})` : row.name;
}

/** Free-text filtering matches the name, the region and the words the user sees for type and status. */
export function matchesFilter(item: IdentitySummary & { region?: string }, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [item.name, item.region ?? '', identityTypeLabel[item.type], statusDisplay[item.status].label].some(
    (v) => v.toLowerCase().includes(needle),
  );
}

/** The rows as the table shows them (words, not enum values), for "Download CSV". */
export function identitiesToCsv(rows: readonly IdentityRow[]): string {
  return toCsv(
    ['Identity', 'Identity type', 'Status', 'Region'],
    rows.map((r) => [r.name, identityTypeLabel[r.type], statusDisplay[r.status].label, r.region]),
  );
}
