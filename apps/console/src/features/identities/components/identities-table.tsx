import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { apiPaths, type DeleteResult, type IdentitySummary } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { RouterLink } from '../../../components/router-link';
import { TableEmptyState, TableErrorState, TableNoMatchState } from '../../../components/table-states';
import { paths } from '../../../config/paths';
import { useLocalStorage } from '../../../hooks/use-local-storage';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { identitiesQueryOptions } from '../api/identity-queries';
import { useDeleteIdentities } from '../api/use-delete-identities';
import { type IdentitySortField, sortIdentities } from '../config/identity-status';
import {
  columnDefinitions,
  contentDisplayOptions,
  DEFAULT_PREFERENCES,
  type IdentityTablePreferences,
  matchesFilter,
  PREFERENCES_STORAGE_KEY,
  pageSizeOptions,
} from '../config/table-config';
import { DeleteIdentitiesModal, type DeletePhase } from './delete-identities-modal';

export interface ListUrlState {
  filter: string;
  sort: IdentitySortField;
  desc: boolean;
  page: number;
}

interface IdentitiesTableProps {
  region: string;
  urlState: ListUrlState;
  onUrlStateChange(next: Partial<ListUrlState>): void;
}

export function IdentitiesTable({ region, urlState, onUrlStateChange }: IdentitiesTableProps) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const query = useQuery(identitiesQueryOptions(region));
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
    () => sortIdentities(query.data?.identities ?? [], urlState.sort, urlState.desc),
    [query.data, urlState.sort, urlState.desc],
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
            subtitle="No identities to display in this Region."
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
      selection: { trackBy: 'name', keepSelection: true },
    },
  );

  const selected = collectionProps.selectedItems ?? [];
  const onlySelected = selected.length === 1 ? selected[0] : undefined;
  const canSendTestEmail = onlySelected?.status === 'SUCCESS' && mayCall.sendTestEmail;

  // ---- delete flow: the table owns selection and notifications, the modal only renders ----
  const deleteMutation = useDeleteIdentities(region);
  const [deleteTargets, setDeleteTargets] = useState<string[] | null>(null);
  const [phase, setPhase] = useState<DeletePhase>('confirm');
  const [results, setResults] = useState<DeleteResult[]>([]);
  const [deleteError, setDeleteError] = useState<string>();

  const openDelete = () => {
    setDeleteTargets(selected.map((i) => i.name));
    setPhase('confirm');
    setResults([]);
    setDeleteError(undefined);
  };

  const runDelete = (targets: string[]) => {
    setPhase('deleting');
    setDeleteError(undefined);
    notify({
      id: 'delete-identities',
      type: 'in-progress',
      loading: true,
      content: `Deleting ${targets.length === 1 ? targets[0] : `${targets.length} identities`}…`,
      dismissible: false,
    });
    deleteMutation.mutate(targets, {
      onSuccess: (response) => {
        setResults(response.results);
        setPhase('done');
        const failed = response.results.filter((r) => r.outcome === 'failed');
        const gone = response.results.filter((r) => r.outcome !== 'failed');
        const byName = new Map(selected.map((i) => [i.name, i]));
        actions.setSelectedItems(
          failed.map((f) => byName.get(f.identity)).filter((i): i is IdentitySummary => !!i),
        );
        if (failed.length === 0) {
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
          notify({
            id: 'delete-identities',
            type: gone.length ? 'warning' : 'error',
            header: `Deleted ${gone.length} of ${response.results.length} identities. ${failed.length} could not be deleted and ${failed.length === 1 ? 'stays' : 'stay'} selected.`,
            content: (
              <ul>
                {failed.map((f) => (
                  <li key={f.identity}>
                    {f.identity}: {f.message ?? 'unknown error'}
                  </li>
                ))}
              </ul>
            ),
            action: <Button onClick={() => runDelete(failed.map((f) => f.identity))}>Retry</Button>,
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

  const total = query.data?.identities.length;
  const counter =
    total === undefined ? undefined : selected.length ? `(${selected.length}/${total})` : `(${total})`;

  return (
    <>
      <Table
        {...collectionProps}
        variant="container"
        items={items}
        trackBy="name"
        selectionType="multi"
        columnDefinitions={columnDefinitions((name) => (
          <RouterLink href={paths.identity.href(name, { region })}>{name}</RouterLink>
        ))}
        columnDisplay={preferences.contentDisplay}
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
        loadingText="Loading identities"
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
          itemSelectionLabel: (_, item) => `Select ${item.name}`,
          selectionGroupLabel: 'Identity selection',
        }}
        header={
          <Header
            variant="h2"
            counter={counter}
            description="An identity is a domain or email address that you use to send email through Amazon SES."
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
                    onlySelected && navigate(paths.sendTestEmail.href(onlySelected.name, { region }))
                  }
                >
                  Send test email
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
            preferences={preferences}
            onConfirm={({ detail }) =>
              setPreferences({
                pageSize: detail.pageSize ?? DEFAULT_PREFERENCES.pageSize,
                contentDisplay: [...(detail.contentDisplay ?? DEFAULT_PREFERENCES.contentDisplay)],
                wrapLines: detail.wrapLines ?? false,
              })
            }
            pageSizePreference={{ title: 'Page size', options: pageSizeOptions }}
            wrapLinesPreference={{ label: 'Wrap lines', description: 'Wrap long identity names' }}
            contentDisplayPreference={{ title: 'Column preferences', options: contentDisplayOptions }}
          />
        }
      />
      {deleteTargets !== null && (
        <DeleteIdentitiesModal
          visible
          identities={deleteTargets ?? []}
          phase={phase}
          results={results}
          error={deleteError}
          onDismiss={() => setDeleteTargets(null)}
          onConfirm={() => runDelete(deleteTargets)}
        />
      )}
    </>
  );
}
