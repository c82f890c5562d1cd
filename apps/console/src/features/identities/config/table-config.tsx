import type { CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { IdentitySummary } from '@ses-console/contract';
import type { ReactNode } from 'react';
import { identityTypeLabel, statusDisplay } from './identity-status';

export function IdentityStatus({ status }: { status: IdentitySummary['status'] }) {
  const display = statusDisplay[status];
  return <StatusIndicator type={display.type}>{display.label}</StatusIndicator>;
}

export function columnDefinitions(
  renderLink: (identity: string) => ReactNode,
): TableProps.ColumnDefinition<IdentitySummary>[] {
  return [
    {
      id: 'name',
      header: 'Identity',
      cell: (item) => renderLink(item.name),
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

/** Free-text filtering matches the name and the words the user sees for type and status. */
export function matchesFilter(item: IdentitySummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [item.name, identityTypeLabel[item.type], statusDisplay[item.status].label].some((v) =>
    v.toLowerCase().includes(needle),
  );
}
