import type { IdentitySummary } from '@ses-console/contract';
import { toCsv } from '../../../lib/csv';
import { identityTypeLabel, statusDisplay } from './identity-status';

/**
 * A row of the identities table: the region is known even when one region is shown; the account is
 * the ACCOUNTS id it lives in (undefined when the console serves one account).
 */
export type IdentityRow = IdentitySummary & { region: string; account?: string };

/** Where an identity lives: enough to name it, key it and delete it. */
export type IdentityRef = Pick<IdentityRow, 'region' | 'name' | 'account'>;

/** Selection, results and React keys: the same name can exist in several regions (and accounts). */
export const identityRowKey = (row: IdentityRef) =>
  row.account ? `${row.account}/${row.region}/${row.name}` : `${row.region}/${row.name}`;

/**
 * How a row is named in dialogs and messages: with its region in the views that span Regions, and
 * with its account (`x in staging (111111111111)`) when the console serves several (`accountName`).
 */
export function identityRowLabel(
  row: IdentityRef,
  withRegion: boolean,
  accountName?: (id: string) => string,
): string {
  const name = withRegion ? `${row.name} (${row.region})` : row.name;
  return row.account && accountName ? `${name} in ${accountName(row.account)}` : name;
}

/**
 * Free-text filtering matches the name, the region, the account (id, and name when `accountName`
 * knows it) and the words the user sees for type and status.
 */
export function matchesFilter(
  item: IdentitySummary & { region?: string; account?: string },
  text: string,
  accountName?: (id: string) => string,
): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const account = item.account ? (accountName?.(item.account) ?? item.account) : '';
  return [
    item.name,
    item.region ?? '',
    account,
    identityTypeLabel[item.type],
    statusDisplay[item.status].label,
  ].some((v) => v.toLowerCase().includes(needle));
}

/** The rows as the table shows them (words, not enum values), for "Download CSV" (All accounts: + Account). */
export function identitiesToCsv(rows: readonly IdentityRow[], accountName?: (id: string) => string): string {
  const base = (r: IdentityRow) => [
    r.name,
    identityTypeLabel[r.type],
    statusDisplay[r.status].label,
    r.region,
  ];
  if (!accountName) return toCsv(['Identity', 'Identity type', 'Status', 'Region'], rows.map(base));
  return toCsv(
    ['Identity', 'Identity type', 'Status', 'Region', 'Account'],
    rows.map((r) => [...base(r), r.account ? accountName(r.account) : '']),
  );
}
