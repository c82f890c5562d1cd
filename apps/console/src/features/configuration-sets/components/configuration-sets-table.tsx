import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useQuery } from '@tanstack/react-query';
import { RefreshButton } from '../../../components/refresh-button';
import { loadErrorOr, TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { useAccount } from '../../../hooks/use-account';
import { countOf } from '../../../lib/plural';
import { configurationSetsQueryOptions } from '../api/configuration-set-queries';

/** Read-only list of the Region's configuration sets (this console manages identities, not sets). */
export function ConfigurationSetsTable({ region }: { region: string }) {
  const { account } = useAccount();
  const query = useQuery(configurationSetsQueryOptions(account, region));
  const rows = (query.data ?? []).map((name) => ({ name }));
  const { items, collectionProps, filterProps, actions, filteredItemsCount } = useCollection(rows, {
    filtering: {
      empty: (
        <TableEmptyState title="No configuration sets" subtitle="This Region has no configuration sets." />
      ),
      noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
    },
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
  });
  return (
    <Table
      {...collectionProps}
      items={items}
      trackBy="name"
      loading={query.isPending}
      loadingText="Loading configuration sets"
      ariaLabels={{ tableLabel: 'Configuration sets' }}
      columnDefinitions={[
        { id: 'name', header: 'Name', cell: (s) => s.name, sortingField: 'name', isRowHeader: true },
      ]}
      empty={loadErrorOr(query, 'Configuration sets could not be loaded', collectionProps.empty)}
      header={
        <Header
          variant="h2"
          counter={query.data ? `(${query.data.length})` : undefined}
          actions={<RefreshButton query={query} ariaLabel="Refresh configuration sets" />}
        >
          Configuration sets
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Filter configuration sets"
          filteringAriaLabel="Filter configuration sets"
          countText={countOf(filteredItemsCount ?? 0, 'match', 'matches')}
        />
      }
    />
  );
}
