import type { SelectProps } from '@cloudscape-design/components/select';
import { type AuditResult, auditActions } from '@ses-console/contract';

/** Time ranges offered on the Activity page (the URL keeps the id, the query gets `from`). */
export const timeRanges = [
  { id: '1h', label: 'Last hour', seconds: 3600 },
  { id: '24h', label: 'Last 24 hours', seconds: 86_400 },
  { id: '7d', label: 'Last 7 days', seconds: 7 * 86_400 },
  { id: '30d', label: 'Last 30 days', seconds: 30 * 86_400 },
  { id: 'all', label: 'All time', seconds: undefined },
] as const;
export type TimeRangeId = (typeof timeRanges)[number]['id'];

export interface ActivityFilters {
  actor: string;
  action: string;
  identity: string;
  result: '' | AuditResult;
  range: TimeRangeId;
  /**
   * Entries of this account id only (ACCOUNTS; the audit query's `account`). Its URL key is not
   * `account`: that one is the selected account every page carries.
   */
  entryAccount: string;
}

export const defaultActivityFilters: ActivityFilters = {
  actor: '',
  action: '',
  identity: '',
  result: '',
  range: '7d',
  entryAccount: '',
};

const anyOption: SelectProps.Option = { value: '', label: 'Any' };
export const actionOptions: SelectProps.Option[] = [
  anyOption,
  ...auditActions.map((a) => ({ value: a, label: a })),
];
export const resultOptions: SelectProps.Option[] = [
  anyOption,
  { value: 'success', label: 'Success' },
  { value: 'error', label: 'Error' },
  { value: 'unknown', label: 'Outcome unknown' },
];
/** The account filter's options: Any, then each configured account as the console names it. */
export const accountOptions = (accounts: readonly { id: string; name: string }[]): SelectProps.Option[] => [
  anyOption,
  ...accounts.map((a) => ({ value: a.id, label: a.name, description: a.id })),
];

export const rangeOptions: SelectProps.Option[] = timeRanges.map((r) => ({ value: r.id, label: r.label }));
