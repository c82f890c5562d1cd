import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Cards from '@cloudscape-design/components/cards';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { apiPaths } from '@ses-console/contract';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { RefreshButton } from '../../../components/refresh-button';
import { RouterLink } from '../../../components/router-link';
import { StaleDataAlert } from '../../../components/stale-data-alert';
import { loadErrorOr, TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { paths } from '../../../config/paths';
import { useLocalStorage } from '../../../hooks/use-local-storage';
import { useNarrowLayout } from '../../../hooks/use-viewport';
import { downloadCsv } from '../../../lib/csv';
import { useCan } from '../../../lib/session-queries';
import { type IdentityScope, useIdentityRows } from '../api/use-identity-rows';
import {
  allRegionsContentDisplayOptions,
  cardDefinition,
  columnDefinitions,
  contentDisplayOptions,
  DEFAULT_PREFERENCES,
  type IdentityTablePreferences,
  PREFERENCES_STORAGE_KEY,
  pageSizeOptions,
  withDkimOriginColumn,
  withRegionColumn,
} from '../config/table-config';
import { useDeleteIdentitiesFlow } from '../hooks/use-delete-identities-flow';
import {
  type IdentityRef,
  type IdentityRow,
  identitiesToCsv,
  identityRowKey,
  identityRowLabel,
  matchesFilter,
} from '../model/identity-rows';
import { type IdentitySortField, sortIdentities } from '../model/identity-status';
import { DeleteIdentitiesModal } from './delete-identities-modal';
import { breakAnywhere, IdentityNameLink } from './identity-name';

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

export function IdentitiesTable({ scope, region, urlState, onUrlStateChange }: IdentitiesTableProps) {
  const navigate = useNavigate();
  const narrow = useNarrowLayout();
  const allRegions = scope.kind === 'all';
  // What the signed-in user may do: hidden (create, delete) or disabled (send) otherwise.
  const canCreate = useCan('post', apiPaths.identities);
  const maySendTestEmail = useCan('post', apiPaths.sendTestEmail);
  const labelOf = (row: IdentityRef) => identityRowLabel(row, allRegions);
  const [preferences, setPreferences] = useLocalStorage<IdentityTablePreferences>(
    PREFERENCES_STORAGE_KEY,
    DEFAULT_PREFERENCES,
  );
  // Preferences are shared by both views; the Region column only exists in All regions.
  const columnDisplay = withDkimOriginColumn(
    allRegions
      ? withRegionColumn(preferences.contentDisplay)
      : preferences.contentDisplay.filter((c) => c.id !== 'region'),
  );
  // The DKIM origin costs an SES call per domain: asked for only while its column is shown.
  const withDkimOrigin = columnDisplay.some((c) => c.id === 'dkimOrigin' && c.visible);
  const query = useIdentityRows(scope, { withDkimOrigin });
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

  // A page past the last one (an old link, `?page=99`) opens the last page, and the URL says so
  // (replaced, so Back still leaves the list).
  const { pagesCount } = paginationProps;
  const { setCurrentPage } = actions;
  const loaded = !query.isPending && !query.error;
  useEffect(() => {
    const last = Math.max(pagesCount, 1);
    if (!loaded || urlState.page <= last) return;
    setCurrentPage(last);
    onUrlStateChange({ page: last });
  }, [loaded, pagesCount, urlState.page, setCurrentPage, onUrlStateChange]);

  const selected = collectionProps.selectedItems ?? [];
  const onlySelected = selected.length === 1 ? selected[0] : undefined;
  const canSendTestEmail = onlySelected?.status === 'SUCCESS' && maySendTestEmail;

  // The delete flow: rows not deleted stay selected; the modal only renders.
  const deletion = useDeleteIdentitiesFlow<IdentityRow>({
    labelOf,
    keepSelected: (rows) => actions.setSelectedItems(rows),
  });

  const total = query.total;
  // "Download CSV" saves what the table shows: every filtered row in the current sort, all pages.
  const visibleRows = sorted.filter((row) => matchesFilter(row, filterProps.filteringText));
  const csvFileName = allRegions ? 'identities-all-regions.csv' : `identities-${region}.csv`;
  const counter =
    total === undefined ? undefined : selected.length ? `(${selected.length}/${total})` : `(${total})`;

  const goToCreate = () => navigate(paths.createIdentity.href({ region }));
  const sendTestEmail = () =>
    onlySelected && navigate(paths.sendTestEmail.href(onlySelected.name, { region: onlySelected.region }));
  const download = () => downloadCsv(csvFileName, identitiesToCsv(visibleRows));
  const hrefOf = (row: IdentityRow) => paths.identity.href(row.name, { region: row.region });
  // A refresh that failed keeps the last good list on screen, under a warning; a first load that
  // failed has no list, so the table's empty slot says why.
  const stale = query.error && total !== undefined;

  const header = (
    <Header
      variant="h2"
      counter={counter}
      description={
        allRegions
          ? 'Identities of every Region this console offers, loaded a few Regions at a time.'
          : 'An identity is a domain or email address that you use to send email through Amazon SES.'
      }
      actions={
        narrow ? (
          // Narrow screens: Refresh and the secondary actions in one menu, so the header keeps one row
          // of buttons beside the primary action.
          <SpaceBetween direction="horizontal" size="xs">
            <ButtonDropdown
              loading={query.isFetching && !query.isPending}
              items={[
                { id: 'refresh', text: 'Refresh' },
                { id: 'send-test-email', text: 'Send test email', disabled: !canSendTestEmail },
                { id: 'download-csv', text: 'Download CSV', disabled: visibleRows.length === 0 },
                ...(deletion.allowed
                  ? [{ id: 'delete', text: 'Delete', disabled: selected.length === 0 }]
                  : []),
              ]}
              onItemClick={({ detail }) => {
                if (detail.id === 'refresh') void query.refetch();
                if (detail.id === 'send-test-email') sendTestEmail();
                if (detail.id === 'download-csv') download();
                if (detail.id === 'delete') deletion.open(selected);
              }}
            >
              Actions
            </ButtonDropdown>
            {canCreate && (
              <Button variant="primary" onClick={goToCreate}>
                Create identity
              </Button>
            )}
          </SpaceBetween>
        ) : (
          <SpaceBetween direction="horizontal" size="xs">
            <RefreshButton query={query} ariaLabel="Refresh identities" />
            <Button disabled={!canSendTestEmail} onClick={sendTestEmail}>
              Send test email
            </Button>
            <Button iconName="download" disabled={visibleRows.length === 0} onClick={download}>
              Download CSV
            </Button>
            {deletion.allowed && (
              <Button disabled={selected.length === 0} onClick={() => deletion.open(selected)}>
                Delete
              </Button>
            )}
            {canCreate && (
              <Button variant="primary" onClick={goToCreate}>
                Create identity
              </Button>
            )}
          </SpaceBetween>
        )
      }
    >
      Identities
    </Header>
  );
  const filter = (
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
  );
  const pagination = (
    <Pagination
      {...paginationProps}
      onChange={(event) => {
        paginationProps.onChange(event);
        onUrlStateChange({ page: event.detail.currentPageIndex });
      }}
    />
  );
  const collectionPreferences = (
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
  );
  const loadingText = allRegions ? 'Loading identities in all Regions' : 'Loading identities';
  const empty = loadErrorOr(
    stale ? { error: null, refetch: query.refetch } : query,
    'Identities could not be loaded',
    collectionProps.empty,
  );
  const selectionLabel = (item: IdentityRow) => `Select ${labelOf(item)}`;

  return (
    <SpaceBetween size="m">
      {stale && <StaleDataAlert query={query} what="The identities" />}
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
      {narrow ? (
        <Cards
          variant="container"
          items={items}
          trackBy={identityRowKey}
          selectionType="multi"
          selectedItems={collectionProps.selectedItems}
          onSelectionChange={collectionProps.onSelectionChange}
          cardDefinition={cardDefinition(
            (row) => (
              <RouterLink href={hrefOf(row)}>
                <span style={breakAnywhere}>{row.name}</span>
              </RouterLink>
            ),
            { withRegion: allRegions },
          )}
          visibleSections={columnDisplay.filter((c) => c.visible).map((c) => c.id)}
          cardsPerRow={[{ cards: 1 }, { minWidth: 560, cards: 2 }]}
          loading={query.isPending}
          loadingText={loadingText}
          empty={empty}
          ariaLabels={{
            cardsLabel: 'Identities',
            itemSelectionLabel: (_, item) => selectionLabel(item),
            selectionGroupLabel: 'Identity selection',
          }}
          header={header}
          filter={filter}
          pagination={pagination}
          preferences={collectionPreferences}
        />
      ) : (
        <Table
          {...collectionProps}
          variant="container"
          items={items}
          trackBy={identityRowKey}
          selectionType="multi"
          columnDefinitions={columnDefinitions(
            (row) => <IdentityNameLink name={row.name} href={hrefOf(row)} wrap={preferences.wrapLines} />,
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
          loadingText={loadingText}
          empty={empty}
          ariaLabels={{
            tableLabel: 'Identities',
            allItemsSelectionLabel: () => 'Select all identities',
            itemSelectionLabel: (_, item) => selectionLabel(item),
            selectionGroupLabel: 'Identity selection',
          }}
          header={header}
          filter={filter}
          pagination={pagination}
          preferences={collectionPreferences}
        />
      )}
      {deletion.modal && <DeleteIdentitiesModal {...deletion.modal} />}
    </SpaceBetween>
  );
}
