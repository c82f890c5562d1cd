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
import { useAccount } from '../../../hooks/use-account';
import { useLocalStorage } from '../../../hooks/use-local-storage';
import { useNarrowLayout } from '../../../hooks/use-viewport';
import { downloadCsv } from '../../../lib/csv';
import { useCan, useCanIn } from '../../../lib/session-queries';
import { deleteIdentitiesRoute } from '../api/use-delete-identities';
import { type FailedAccountLoad, type IdentityScope, useIdentityRows } from '../api/use-identity-rows';
import {
  allAccountsContentDisplayOptions,
  allRegionsContentDisplayOptions,
  cardDefinition,
  columnDefinitions,
  contentDisplayOptions,
  DEFAULT_PREFERENCES,
  type IdentityTablePreferences,
  PREFERENCES_STORAGE_KEY,
  pageSizeOptions,
  withAccountColumn,
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

/** The warning's header for an account (or one of its Regions) that could not be listed. */
function failedLoadHeader(failure: FailedAccountLoad, accountName: (id: string) => string): string {
  const where = accountName(failure.account);
  return failure.region === null
    ? `Could not load identities in ${where}`
    : `Could not load identities in ${where}, ${failure.region}`;
}

interface IdentitiesTableProps {
  /**
   * One region, every configured region (adds the Region column and a warning per failed region), or
   * every account (adds the Account column and a warning per failed account or account's Region).
   */
  scope: IdentityScope;
  /** The region new identities are created in (the selected one, or the last one chosen). */
  region: string;
  urlState: ListUrlState;
  onUrlStateChange(next: Partial<ListUrlState>): void;
}

export function IdentitiesTable({ scope, region, urlState, onUrlStateChange }: IdentitiesTableProps) {
  const navigate = useNavigate();
  const narrow = useNarrowLayout();
  const allAccounts = scope.kind === 'all-accounts';
  // The views that span Regions: All regions, and All accounts without one Region.
  const allRegions = scope.kind === 'all' || (allAccounts && !scope.region);
  const { accounts, accountLabel } = useAccount();
  // With ACCOUNTS every row's label names its account; the Account column is All accounts' only.
  const accountName = accounts.length > 0 ? accountLabel : undefined;
  const columnAccountName = allAccounts ? accountLabel : undefined;
  // What the signed-in user may do (in the selected account, or in each row's): hidden (create,
  // delete) or disabled (send) otherwise.
  const canCreate = useCan('post', apiPaths.identities);
  const maySendTestEmail = useCan('post', apiPaths.sendTestEmail);
  const canIn = useCanIn();
  const labelOf = (row: IdentityRef) => identityRowLabel(row, allRegions, accountName);
  const [preferences, setPreferences] = useLocalStorage<IdentityTablePreferences>(
    PREFERENCES_STORAGE_KEY,
    DEFAULT_PREFERENCES,
  );
  // Preferences are shared by every view; the Region column only exists in the views spanning
  // Regions, the Account column only in All accounts.
  const regionDisplay = allRegions
    ? withRegionColumn(preferences.contentDisplay)
    : preferences.contentDisplay.filter((c) => c.id !== 'region');
  const columnDisplay = withDkimOriginColumn(
    allAccounts ? withAccountColumn(regionDisplay) : regionDisplay.filter((c) => c.id !== 'account'),
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
        filteringFunction: (item, text) => matchesFilter(item, text, accountName),
        empty: (
          <TableEmptyState
            title="No identities"
            subtitle={
              allAccounts
                ? allRegions
                  ? 'No identities in any account or Region.'
                  : 'No identities in this Region of any account.'
                : allRegions
                  ? 'No identities in any Region.'
                  : 'No identities to display in this Region.'
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
  const canSendTestEmail =
    onlySelected?.status === 'SUCCESS' &&
    (allAccounts ? canIn(onlySelected.account, 'post', apiPaths.sendTestEmail) : maySendTestEmail);

  // The delete flow: rows not deleted stay selected; the modal only renders.
  const deletion = useDeleteIdentitiesFlow<IdentityRow>({
    labelOf,
    keepSelected: (rows) => actions.setSelectedItems(rows),
  });

  const total = query.total;
  // "Download CSV" saves what the table shows: every filtered row in the current sort, all pages.
  const visibleRows = sorted.filter((row) => matchesFilter(row, filterProps.filteringText, accountName));
  const csvFileName = allAccounts
    ? allRegions
      ? 'identities-all-accounts.csv'
      : `identities-all-accounts-${region}.csv`
    : allRegions
      ? 'identities-all-regions.csv'
      : `identities-${region}.csv`;
  // All accounts: Delete is offered where the user may delete in some account, and enabled only
  // when they may in the account of every selected row (the BFF would refuse the others).
  const mayDelete = allAccounts
    ? accounts.some((a) => canIn(a.id, deleteIdentitiesRoute.method, deleteIdentitiesRoute.path))
    : deletion.allowed;
  const deleteEnabled =
    selected.length > 0 &&
    (!allAccounts ||
      selected.every((row) => canIn(row.account, deleteIdentitiesRoute.method, deleteIdentitiesRoute.path)));
  const counter =
    total === undefined ? undefined : selected.length ? `(${selected.length}/${total})` : `(${total})`;

  const goToCreate = () => navigate(paths.createIdentity.href({ region }));
  // Links carry the row's Region and account, so the identity opens where it lives.
  const placeOf = (row: IdentityRow) => ({ region: row.region, account: row.account });
  const sendTestEmail = () =>
    onlySelected && navigate(paths.sendTestEmail.href(onlySelected.name, placeOf(onlySelected)));
  const download = () => downloadCsv(csvFileName, identitiesToCsv(visibleRows, columnAccountName));
  const hrefOf = (row: IdentityRow) => paths.identity.href(row.name, placeOf(row));
  // A refresh that failed keeps the last good list on screen, under a warning; a first load that
  // failed has no list, so the table's empty slot says why.
  const stale = query.error && total !== undefined;

  const header = (
    <Header
      variant="h2"
      counter={counter}
      description={
        allAccounts
          ? allRegions
            ? 'Identities of every account and Region this console offers, loaded a few at a time.'
            : 'Identities of every account this console offers in this Region.'
          : allRegions
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
                ...(mayDelete ? [{ id: 'delete', text: 'Delete', disabled: !deleteEnabled }] : []),
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
            {mayDelete && (
              <Button disabled={!deleteEnabled} onClick={() => deletion.open(selected)}>
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
        options: allAccounts
          ? allAccountsContentDisplayOptions(allRegions)
          : allRegions
            ? allRegionsContentDisplayOptions
            : contentDisplayOptions,
      }}
    />
  );
  const loadingText = allAccounts
    ? 'Loading identities in all accounts'
    : allRegions
      ? 'Loading identities in all Regions'
      : 'Loading identities';
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
      {query.failedAccounts.map((failure) => (
        <Alert
          key={`${failure.account}/${failure.region ?? ''}`}
          type="warning"
          header={failedLoadHeader(failure, accountLabel)}
          action={<Button onClick={() => query.refetch()}>Retry</Button>}
        >
          {failure.error.message}{' '}
          {failure.region === null
            ? 'Identities of the other accounts are listed below.'
            : 'Identities of the other accounts and Regions are listed below.'}
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
            { withRegion: allRegions, accountName: columnAccountName },
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
            { withRegion: allRegions, accountName: columnAccountName },
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
