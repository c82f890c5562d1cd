import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { AccountInfo, AuditEntry } from '@ses-console/contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RefreshButton } from '../../../components/refresh-button';
import { TableEmptyState } from '../../../components/table-states';
import { StatusText } from '../../../components/text-wrapping';
import { accountLabel, useAccount } from '../../../hooks/use-account';
import { describeError } from '../../../lib/api-client';
import { auditListQueryOptions } from '../api/audit-queries';
import {
  type ActivityFilters,
  accountOptions,
  actionOptions,
  defaultActivityFilters,
  rangeOptions,
  resultOptions,
} from '../config/activity-filters';
import { auditCsvHref } from '../model/audit-query';

/** Who made the request; requests without a sign-in have no actor (never a made-up name). */
function actorLabel(entry: AuditEntry): string {
  if (entry.actor === null) return 'Not signed in';
  return entry.actorName ? `${entry.actorName} (${entry.actor})` : entry.actor;
}

/**
 * How the request ended. `unknown`: the change started (its intent was recorded) but no result was:
 * it is still running, or the BFF stopped before it finished. A 504 deadline is said next to the
 * outcome, because the caller was told something else than what happened.
 */
function ResultCell({ entry }: { entry: AuditEntry }) {
  const outcome =
    entry.result === 'success' ? (
      <StatusText type="success">Success ({entry.status})</StatusText>
    ) : entry.result === 'error' ? (
      <StatusText type="error">
        {entry.errorCode ?? 'Error'} ({entry.status})
      </StatusText>
    ) : (
      <StatusText type="warning">Outcome unknown</StatusText>
    );
  const note =
    entry.result === 'unknown'
      ? entry.deadlineExceeded
        ? 'The caller was told it timed out (504); no result recorded yet.'
        : 'Started, no result recorded: still running, or the console server stopped before it finished.'
      : entry.deadlineExceeded
        ? 'Finished after the caller was told it timed out (504).'
        : undefined;
  return (
    <SpaceBetween size="xxxs">
      {outcome}
      {note ? (
        <Box variant="small" color="text-body-secondary">
          {note}
        </Box>
      ) : null}
    </SpaceBetween>
  );
}

/**
 * The columns; with ACCOUNTS an Account column after Region: the account's name and id when it is
 * configured, the id alone when not (any more), `-` for entries that acted in no account.
 */
const columnsFor = (accounts: readonly AccountInfo[]): TableProps.ColumnDefinition<AuditEntry>[] =>
  accounts.length === 0
    ? columns
    : columns.flatMap((column) =>
        column.id === 'region'
          ? [
              column,
              {
                id: 'account',
                header: 'Account',
                cell: (e: AuditEntry) => (e.account ? accountLabel(accounts, e.account) : '-'),
              },
            ]
          : [column],
      );

const columns: TableProps.ColumnDefinition<AuditEntry>[] = [
  { id: 'time', header: 'Time', cell: (e) => new Date(e.time).toLocaleString(), isRowHeader: true },
  { id: 'actor', header: 'User', cell: (e) => actorLabel(e) },
  { id: 'action', header: 'Action', cell: (e) => e.action },
  { id: 'identity', header: 'Identity', cell: (e) => e.identity ?? '-' },
  { id: 'region', header: 'Region', cell: (e) => e.region ?? '-' },
  { id: 'result', header: 'Result', cell: (e) => <ResultCell entry={e} /> },
  {
    id: 'parameters',
    header: 'Parameters',
    cell: (e) => (
      <Box fontSize="body-s" variant="code">
        {JSON.stringify(e.parameters)}
      </Box>
    ),
    maxWidth: 420,
  },
  { id: 'requestId', header: 'Request id', cell: (e) => e.requestId },
];

/** A text filter that applies on Enter or when the field loses focus (not on every keystroke). */
function TextFilter(props: { label: string; value: string; onApply(value: string): void }) {
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  return (
    <FormField label={props.label}>
      <Input
        type="search"
        ariaLabel={`${props.label} filter`}
        value={draft}
        onChange={({ detail }) => setDraft(detail.value)}
        onKeyDown={({ detail }) => detail.key === 'Enter' && props.onApply(draft)}
        onBlur={() => draft !== props.value && props.onApply(draft)}
      />
    </FormField>
  );
}

export function ActivityTable(props: {
  filters: ActivityFilters;
  onFiltersChange(changes: Partial<ActivityFilters>): void;
}) {
  const { filters, onFiltersChange } = props;
  const { accounts } = useAccount();
  const query = useInfiniteQuery(auditListQueryOptions(filters));
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = JSON.stringify(filters) !== JSON.stringify(defaultActivityFilters);
  const pick = (options: SelectProps.Option[], value: string) =>
    options.find((o) => o.value === value) ?? options[0] ?? null;

  return (
    <Table
      variant="full-page"
      items={entries}
      columnDefinitions={columnsFor(accounts)}
      loading={query.isPending}
      loadingText="Loading activity"
      wrapLines
      ariaLabels={{ tableLabel: 'Activity' }}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={query.hasNextPage ? `(${entries.length}+)` : `(${entries.length})`}
          description="Every change made through this console: who, when, what, and how it ended."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <RefreshButton query={query} ariaLabel="Refresh activity" />
              <Button iconName="download" href={auditCsvHref(filters)} download="ses-console-audit.csv">
                Export CSV
              </Button>
            </SpaceBetween>
          }
        >
          Activity
        </Header>
      }
      filter={
        <SpaceBetween direction="horizontal" size="s">
          <TextFilter label="User" value={filters.actor} onApply={(actor) => onFiltersChange({ actor })} />
          <FormField label="Action">
            <Select
              selectedOption={pick(actionOptions, filters.action)}
              options={actionOptions}
              onChange={({ detail }) => onFiltersChange({ action: detail.selectedOption.value ?? '' })}
            />
          </FormField>
          <TextFilter
            label="Identity"
            value={filters.identity}
            onApply={(identity) => onFiltersChange({ identity })}
          />
          <FormField label="Result">
            <Select
              selectedOption={pick(resultOptions, filters.result)}
              options={resultOptions}
              onChange={({ detail }) =>
                onFiltersChange({ result: (detail.selectedOption.value ?? '') as ActivityFilters['result'] })
              }
            />
          </FormField>
          {accounts.length > 0 && (
            <FormField label="Account">
              <Select
                selectedOption={pick(accountOptions(accounts), filters.entryAccount)}
                options={accountOptions(accounts)}
                onChange={({ detail }) =>
                  onFiltersChange({ entryAccount: detail.selectedOption.value ?? '' })
                }
              />
            </FormField>
          )}
          <FormField label="Time range">
            <Select
              selectedOption={pick(rangeOptions, filters.range)}
              options={rangeOptions}
              onChange={({ detail }) =>
                onFiltersChange({ range: (detail.selectedOption.value ?? '7d') as ActivityFilters['range'] })
              }
            />
          </FormField>
        </SpaceBetween>
      }
      empty={
        query.isError ? (
          <Box textAlign="center" color="text-status-error">
            {describeError(query.error)}
          </Box>
        ) : (
          <TableEmptyState
            title={filtered ? 'No matching activity' : 'No activity'}
            subtitle={
              filtered ? 'No change matches these filters.' : 'Changes made through this console appear here.'
            }
            action={
              filtered ? (
                <Button onClick={() => onFiltersChange(defaultActivityFilters)}>Clear filters</Button>
              ) : undefined
            }
          />
        )
      }
      footer={
        query.hasNextPage ? (
          <Box textAlign="center">
            <Button loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
              Load older entries
            </Button>
          </Box>
        ) : undefined
      }
    />
  );
}
