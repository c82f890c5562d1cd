import type { CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { IdentityStatus } from '../components/identity-status-indicator';
import type { IdentityRow } from '../model/identity-rows';
import { identityTypeLabel } from '../model/identity-status';

export function columnDefinitions(
  renderLink: (row: IdentityRow) => ReactNode,
  options: { withRegion: boolean } = { withRegion: false },
): TableProps.ColumnDefinition<IdentityRow>[] {
  const region: TableProps.ColumnDefinition<IdentityRow> = {
    id: 'region',
    header: 'Region',
    cell: (item) => item.region,
    sortingField: 'region',
  };
  return [
    {
      id: 'name',
      header: 'Identity',
      cell: (item) => renderLink(item),
      sortingField: 'name',
      isRowHeader: true,
      minWidth: 240,
    },
    {
      id: 'type',
      header: 'Identity type',
      cell: (item) => identityTypeLabel[item.type],
      sortingField: 'type',
    },
    {
      id: 'status',
      header: 'Status',
      cell: (item) => <IdentityStatus status={item.status} />,
      sortingField: 'status',
    },
    ...(options.withRegion ? [region] : []),
  ];
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
];

/** The All regions view adds the Region column (shown unless the user hid it). */
export const allRegionsContentDisplayOptions: CollectionPreferencesProps.ContentDisplayOption[] = [
  ...contentDisplayOptions,
  { id: 'region', label: 'Region' },
];

export function withRegionColumn(
  display: readonly CollectionPreferencesProps.ContentDisplayItem[],
): CollectionPreferencesProps.ContentDisplayItem[] {
  return display.some((c) => c.id === 'region')
    ? [...display]
    : [...display, { id: 'region', visible: true }];
}
