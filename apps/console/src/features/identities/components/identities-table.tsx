import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { apiPaths, type DeleteResult } from '@ses-console/contract';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { RouterLink } from '../../../components/router-link';
import { TableEmptyState, TableErrorState, TableNoMatchState } from '../../../components/table-states';
import { paths } from '../../../config/paths';
import { useLocalStorage } from '../../../hooks/use-local-storage';
import { describeError } from '../../../lib/api-client';
import { downloadCsv } from '../../../lib/csv';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { type RegionalDeleteResult, useDeleteIdentityRows } from '../api/use-delete-identities';
import { type IdentityScope, useIdentityRows } from '../api/use-identity-rows';
import {
  type IdentityRow,
  type IdentitySortField,
  identityRowKey,
  sortIdentities,
} from '../config/identity-status';
import {
  allRegionsContentDisplayOptions,
  columnDefinitions,
  contentDisplayOptions,
  DEFAULT_PREFERENCES,
  type IdentityTablePreferences,
  identitiesToCsv,
  matchesFilter,
  PREFERENCES_STORAGE_KEY,
  pageSizeOptions,
  withRegionColumn,
} from '../config/table-config';
import { DeleteIdentitiesModal, type DeletePhase } from './delete-identities-modal';

export interface ListUrlState {
  filter: string;
  sort: IdentitySortField;
  desc: boolean;
  page: number;
}

interface IdentitiesTableProps {
  /** One region, or every configured region (adds the Region column and a warning per failed region). */
  scope: IdentityScope;
  /** The region new identities are created in (the selected one, or the last one chosen). */
  region: string;
  urlState: ListUrlState;
  onUrlStateChange(next: Partial<ListUrlState>): void;
}

/** How a row is named where its region matters (dialogs, messages) in the All regions view. */
function rowLabel(scope: IdentityScope, row: { name: string; region: string }): string {
  return scope.kind === 'all' ? `${row.name} (${row.region})` : row.name;
}

export function IdentitiesTable({ scope, region, urlState, onUrlStateChange }: IdentitiesTableProps) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const query = useIdentityRows(scope);
  const allRegions = scope.kind === 'all';
  // What the signed-in user may do: hidden (create, delete) or disabled (send) otherwise.
  const canCreate = useCan('post', apiPaths.identities);
  const mayCall = {
    delete: useCan('post', apiPaths.deleteIdentities),
    sendTestEmail: useCan('post', apiPaths.sendTestEmail),
  };
  const [preferences, setPreferences] = useLocalStorage<IdentityTablePreferences>(
    PREFERENCES_STORAGE_KEY,
    DEFAULT_PREFERENCES,
  );
  const sorted = useMemo(
    () => sortIdentities(query.rows, urlState.sort, urlState.desc),
    [query.rows, urlState.sort, urlState.desc],
  );

  const { items, actions, filteredItemsCount, collectionProps, filterProps, paginationProps } = useCollection(
    sorted,
    {
      filtering: {
        defaultFilteringText: urlState.filter,
        filteringFunction: matchesFilter,
        empty: (
          <TableEmptyState
            title="No identities"
            subtitle={
              allRegions ? 'No identities in any Region.' : 'No identities to display in this Region.'
            }
            action={
              canCreate && (
                <Button onClick={() => navigate(paths.createIdentity.href({ region }))}>
                  Create identity
                </Button>
              )
            }
          />
        ),
        noMatch: (
          <TableNoMatchState
            onClearFilter={() => {
              actions.setFiltering('');
              onUrlStateChange({ filter: '', page: 1 });
            }}
          />
        ),
      },
      pagination: { pageSize: preferences.pageSize, defaultPage: urlState.page },
      selection: { trackBy: identityRowKey, keepSelection: true },
    },
  );

  const selected = collectionProps.selectedItems ?? [];
  const onlySelected = selected.length === 1 ? selected[0] : undefined;
  const canSendTestEmail = onlySelected?.status === 'SUCCESS' && mayCall.sendTestEmail;

  // ---- delete flow: the table owns selection and notifications, the modal only renders ----
  const deleteMutation = useDeleteIdentityRows();
  const [deleteTargets, setDeleteTargets] = useState<IdentityRow[] | null>(null);
  const [phase, setPhase] = useState<DeletePhase>('confirm');
  const [results, setResults] = useState<DeleteResult[]>([]);
  const [deleteError, setDeleteError] = useState<string>();
  const labelOf = (row: { name: string; region: string }) => rowLabel(scope, row);
  // The modal names rows; in the All regions view the same name can exist in two regions.
  const asModalResult = (r: RegionalDeleteResult): DeleteResult => ({
    ...r,
    identity: labelOf({ name: r.identity, region: r.region }),
  });

  const openDelete = () => {
    setDeleteTargets([...selected]);
    setPhase('confirm');
    setResults([]);
    setDeleteError(undefined);
  };

  const runDelete = (targets: IdentityRow[]) => {
    setPhase('deleting');
    setDeleteError(undefined);
    notify({
      id: 'delete-identities',
      type: 'in-progress',
      loading: true,
      content: `Deleting ${targets.length === 1 && targets[0] ? labelOf(targets[0]) : `${targets.length} identities`}…`,
      dismissible: false,
    });
    deleteMutation.mutate(targets, {
      onSuccess: (regionalResults) => {
        const response = { results: regionalResults.map(asModalResult) };
        setResults(response.results);
        setPhase('done');
        // Failed ones are still there; unconfirmed ones may be: both stay selected for a retry
        // (deleting again is safe: a gone identity answers "Already gone").
        const notDeleted = (r: DeleteResult) => r.outcome === 'failed' || r.outcome === 'unknown';
        const leftRows = regionalResults.filter(notDeleted);
        const left = response.results.filter(notDeleted);
        const failed = left.filter((r) => r.outcome === 'failed');
        const unconfirmed = left.filter((r) => r.outcome === 'unknown');
        const gone = response.results.filter((r) => !notDeleted(r));
        const byKey = new Map(targets.map((i) => [identityRowKey(i), i]));
        const stillThere = leftRows
          .map((f) => byKey.get(identityRowKey({ region: f.region, name: f.identity })))
          .filter((i): i is IdentityRow => !!i);
        actions.setSelectedItems(stillThere);
        if (left.length === 0) {
          // Everything went: nothing to review, so the dialog closes and the Flashbar says so.
          setDeleteTargets(null);
          notify({
            id: 'delete-identities',
            type: 'success',
            content:
              gone.length === 1
                ? `Successfully deleted ${gone[0]?.identity}.`
                : `Successfully deleted ${gone.length} identities.`,
          });
        } else {
          const parts = [
            failed.length > 0 ? `${failed.length} could not be deleted` : '',
            unconfirmed.length > 0
              ? `${unconfirmed.length} ${unconfirmed.length === 1 ? 'was' : 'were'} not confirmed (SES did not answer; ${unconfirmed.length === 1 ? 'it' : 'they'} may or may not be deleted)`
              : '',
          ].filter(Boolean);
          notify({
            id: 'delete-identities',
            type: gone.length ? 'warning' : 'error',
            header: `Deleted ${gone.length} of ${response.results.length} identities. ${parts.join('; ')} and ${left.length === 1 ? 'stays' : 'stay'} selected.`,
            content: (
              <ul>
                {left.map((f) => (
                  <li key={f.identity}>
                    {f.identity}: {f.message ?? (f.outcome === 'unknown' ? 'not confirmed' : 'unknown error')}
                  </li>
                ))}
              </ul>
            ),
            action: <Button onClick={() => runDelete(stillThere)}>Retry</Button>,
          });
        }
      },
      onError: (error) => {
        setPhase('confirm');
        setDeleteError(describeError(error));
        notify({
          id: 'delete-identities',
          type: 'error',
          header: 'Failed to delete identities',
          content: describeError(error),
        });
      },
    });
  };

  // Preferences are shared by both views; the Region column only exists in All regions.
  const columnDisplay = allRegions
    ? withRegionColumn(preferences.contentDisplay)
    : preferences.contentDisplay.filter((c) => c.id !== 'region');
  const total = query.total;
  // "Download CSV" saves what the table shows: every filtered row in the current sort, all pages.
  const visibleRows = sorted.filter((row) => matchesFilter(row, filterProps.filteringText));
  const csvFileName = allRegions ? 'identities-all-regions.csv' : `identities-${region}.csv`;
  const counter =
    total === undefined ? undefined : selected.length ? `(${selected.length}/${total})` : `(${total})`;

  return (
    <SpaceBetween size="m">
      {query.failedRegions.map((failure) => (
        <Alert
          key={failure.region}
          type="warning"
          header={`Could not load identities in ${failure.region}`}
          action={<Button onClick={() => query.refetch()}>Retry</Button>}
        >
          {failure.error.message} Identities of the other Regions are listed below.
        </Alert>
      ))}
      <Table
        {...collectionProps}
        variant="container"
        items={items}
        trackBy={identityRowKey}
        selectionType="multi"
        columnDefinitions={columnDefinitions(
          (row) => (
            <RouterLink href={paths.identity.href(row.name, { region: row.region })}>{row.name}</RouterLink>
          ),
          { withRegion: allRegions },
        )}
        columnDisplay={columnDisplay}
        wrapLines={preferences.wrapLines}
        sortingColumn={{ sortingField: urlState.sort }}
        sortingDescending={urlState.desc}
        onSortingChange={({ detail }) =>
          onUrlStateChange({
            sort: (detail.sortingColumn.sortingField as IdentitySortField | undefined) ?? 'name',
            desc: detail.isDescending ?? false,
            page: 1,
          })
        }
        loading={query.isPending}
        loadingText={allRegions ? 'Loading identities in all Regions' : 'Loading identities'}
        empty={
          query.error ? (
            <TableErrorState
              message={`Identities could not be loaded: ${describeError(query.error)}`}
              onRetry={() => query.refetch()}
            />
          ) : (
            collectionProps.empty
          )
        }
        ariaLabels={{
          tableLabel: 'Identities',
          allItemsSelectionLabel: () => 'Select all identities',
          itemSelectionLabel: (_, item) => `Select ${labelOf(item)}`,
          selectionGroupLabel: 'Identity selection',
        }}
        header={
          <Header
            variant="h2"
            counter={counter}
            description={
              allRegions
                ? 'Identities of every Region this console offers, loaded a few Regions at a time.'
                : 'An identity is a domain or email address that you use to send email through Amazon SES.'
            }
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh identities"
                  loading={query.isFetching && !query.isPending}
                  onClick={() => query.refetch()}
                />
                <Button
                  disabled={!canSendTestEmail}
                  onClick={() =>
                    onlySelected &&
                    navigate(paths.sendTestEmail.href(onlySelected.name, { region: onlySelected.region }))
                  }
                >
                  Send test email
                </Button>
                <Button
                  iconName="download"
                  disabled={visibleRows.length === 0}
                  onClick={() => downloadCsv(csvFileName, identitiesToCsv(visibleRows))}
                >
                  Download CSV
                </Button>
                {mayCall.delete && (
                  <Button disabled={selected.length === 0} onClick={openDelete}>
                    Delete
                  </Button>
                )}
                {canCreate && (
                  <Button variant="primary" onClick={() => navigate(paths.createIdentity.href({ region }))}>
                    Create identity
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Identities
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Filter identities"
            filteringAriaLabel="Filter identities"
            countText={`${filteredItemsCount ?? 0} ${filteredItemsCount === 1 ? 'match' : 'matches'}`}
            onChange={(event) => {
              filterProps.onChange(event);
              onUrlStateChange({ filter: event.detail.filteringText, page: 1 });
            }}
          />
        }
        pagination={
          <Pagination
            {...paginationProps}
            onChange={(event) => {
              paginationProps.onChange(event);
              onUrlStateChange({ page: event.detail.currentPageIndex });
            }}
          />
        }
        preferences={
          <CollectionPreferences
            title="Preferences"
            confirmLabel="Confirm"
            cancelLabel="Cancel"
            preferences={{ ...preferences, contentDisplay: columnDisplay }}
            onConfirm={({ detail }) =>
              setPreferences({
                pageSize: detail.pageSize ?? DEFAULT_PREFERENCES.pageSize,
                contentDisplay: [...(detail.contentDisplay ?? DEFAULT_PREFERENCES.contentDisplay)],
                wrapLines: detail.wrapLines ?? false,
              })
            }
            pageSizePreference={{ title: 'Page size', options: pageSizeOptions }}
            wrapLinesPreference={{ label: 'Wrap lines', description: 'Wrap long identity names' }}
            contentDisplayPreference={{
              title: 'Column preferences',
              options: allRegions ? allRegionsContentDisplayOptions : contentDisplayOptions,
            }}
          />
        }
      />
      {deleteTargets !== null && (
        <DeleteIdentitiesModal
          visible
          identities={deleteTargets.map(labelOf)}
          phase={phase}
          results={results}
          error={deleteError}
          onDismiss={() => setDeleteTargets(null)}
          onConfirm={() => runDelete(deleteTargets)}
        />
      )}
    </SpaceBetween>
  );
}
