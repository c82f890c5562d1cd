import Button from '@cloudscape-design/components/button';

/** What a refresh button needs of a query. */
interface Refreshable {
  isFetching: boolean;
  isPending: boolean;
  refetch(): unknown;
}

/**
 * A table's refresh icon button: spins while the list is fetched again, not during the first load
 * (the table shows its own loading state then).
 */
export function RefreshButton({ query, ariaLabel }: { query: Refreshable; ariaLabel: string }) {
  return (
    <Button
      iconName="refresh"
      ariaLabel={ariaLabel}
      loading={query.isFetching && !query.isPending}
      onClick={() => query.refetch()}
    />
  );
}
