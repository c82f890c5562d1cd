import type { CardsProps } from '@cloudscape-design/components/cards';
import type { CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { IdentityStatus } from '../components/identity-status-indicator';
import { dkimOriginLabel } from '../model/identity-display';
import type { IdentityRow } from '../model/identity-rows';
import { identityTypeLabel } from '../model/identity-status';

/** The cells shared by the table's columns and the narrow layout's cards. */
const cells = {
  account: (item: IdentityRow, accountName: (id: string) => string) =>
    item.account ? accountName(item.account) : '-',
  type: (item: IdentityRow) => identityTypeLabel[item.type],
  status: (item: IdentityRow) => <IdentityStatus status={item.status} />,
  region: (item: IdentityRow) => item.region,
  dkimOrigin: (item: IdentityRow) => dkimOriginLabel(item.dkimOrigin),
};

/**
 * The other columns have fixed widths and the Identity column, the only one without, takes what they
 * leave (its names do not size it, see `IdentityNameLink`): the columns stay put whatever a page's
 * names or statuses are, and sorting never moves them.
 */
/** Which optional columns a view has: Region (views spanning Regions), Account (All accounts: its `name (id)`). */
export interface ViewColumns {
  withRegion: boolean;
  accountName?: (id: string) => string;
}

export function columnDefinitions(
  renderLink: (row: IdentityRow) => ReactNode,
  options: ViewColumns = { withRegion: false },
): TableProps.ColumnDefinition<IdentityRow>[] {
  const { accountName } = options;
  const account: TableProps.ColumnDefinition<IdentityRow>[] = accountName
    ? [
        {
          id: 'account',
          header: 'Account',
          cell: (item) => cells.account(item, accountName),
          sortingField: 'account',
          width: 230,
        },
      ]
    : [];
  const region: TableProps.ColumnDefinition<IdentityRow> = {
    id: 'region',
    header: 'Region',
    cell: cells.region,
    sortingField: 'region',
    width: 150,
  };
  return [
    {
      id: 'name',
      header: 'Identity',
      cell: (item) => renderLink(item),
      sortingField: 'name',
      isRowHeader: true,
      minWidth: 160,
    },
    { id: 'type', header: 'Identity type', cell: cells.type, sortingField: 'type', width: 150 },
    { id: 'status', header: 'Status', cell: cells.status, sortingField: 'status', width: 190 },
    ...(options.withRegion ? [region] : []),
    ...account,
    { id: 'dkimOrigin', header: 'DKIM origin', cell: cells.dkimOrigin, width: 260 },
  ];
}

/** The narrow layout's cards: the name as the header, then type, status (and Region in All regions). */
export function cardDefinition(
  renderLink: (row: IdentityRow) => ReactNode,
  options: ViewColumns = { withRegion: false },
): CardsProps.CardDefinition<IdentityRow> {
  const { accountName } = options;
  return {
    header: renderLink,
    sections: [
      { id: 'type', header: 'Identity type', content: cells.type, width: 50 },
      { id: 'status', header: 'Status', content: cells.status, width: 50 },
      ...(options.withRegion ? [{ id: 'region', header: 'Region', content: cells.region, width: 50 }] : []),
      ...(accountName
        ? [
            {
              id: 'account',
              header: 'Account',
              content: (item: IdentityRow) => cells.account(item, accountName),
              width: 50,
            },
          ]
        : []),
    ],
  };
}

export interface IdentityTablePreferences {
  pageSize: number;
  contentDisplay: CollectionPreferencesProps.ContentDisplayItem[];
  wrapLines: boolean;
}

export const DEFAULT_PREFERENCES: IdentityTablePreferences = {
  pageSize: 25,
  contentDisplay: [
    { id: 'name', visible: true },
    { id: 'type', visible: true },
    { id: 'status', visible: true },
    { id: 'dkimOrigin', visible: false },
  ],
  wrapLines: false,
};

export const PREFERENCES_STORAGE_KEY = 'ses-console.identities-table.preferences';

export const pageSizeOptions: CollectionPreferencesProps.PageSizeOption[] = [10, 25, 50, 100].map((n) => ({
  value: n,
  label: `${n} identities`,
}));

export const contentDisplayOptions: CollectionPreferencesProps.ContentDisplayOption[] = [
  { id: 'name', label: 'Identity', alwaysVisible: true },
  { id: 'type', label: 'Identity type' },
  { id: 'status', label: 'Status' },
  // Hidden by default: SES lists identities without it, so showing it costs a call per domain.
  { id: 'dkimOrigin', label: 'DKIM origin' },
];

/** The All regions view adds the Region column (shown unless the user hid it). */
export const allRegionsContentDisplayOptions: CollectionPreferencesProps.ContentDisplayOption[] = [
  ...contentDisplayOptions,
  { id: 'region', label: 'Region' },
];

/** Preferences saved before the DKIM origin column existed list it hidden, so it can be chosen. */
export function withDkimOriginColumn(
  display: readonly CollectionPreferencesProps.ContentDisplayItem[],
): CollectionPreferencesProps.ContentDisplayItem[] {
  return display.some((c) => c.id === 'dkimOrigin')
    ? [...display]
    : [...display, { id: 'dkimOrigin', visible: false }];
}

/** All accounts adds the Account column (and the Region column when it spans Regions). */
export const allAccountsContentDisplayOptions = (withRegion: boolean) => [
  ...(withRegion ? allRegionsContentDisplayOptions : contentDisplayOptions),
  { id: 'account', label: 'Account' },
];

export function withAccountColumn(
  display: readonly CollectionPreferencesProps.ContentDisplayItem[],
): CollectionPreferencesProps.ContentDisplayItem[] {
  return display.some((c) => c.id === 'account')
    ? [...display]
    : [...display, { id: 'account', visible: true }];
}

export function withRegionColumn(
  display: readonly CollectionPreferencesProps.ContentDisplayItem[],
): CollectionPreferencesProps.ContentDisplayItem[] {
  return display.some((c) => c.id === 'region')
    ? [...display]
    : [...display, { id: 'region', visible: true }];
}
