import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { describeError } from '../lib/api-client';

/** What a stale-data warning needs of a query: its last error and when its data last loaded. */
export interface RefreshFailure {
  error: unknown;
  /** When the data shown was loaded (ms since the epoch; React Query's `dataUpdatedAt`). */
  dataUpdatedAt: number;
  isFetching: boolean;
  refetch(): unknown;
}

/**
 * Above data that could not be refreshed (React Query keeps the last good answer beside the error):
 * says it may be out of date, since when, why the refresh failed, and offers Retry.
 */
export function StaleDataAlert({ query, what }: { query: RefreshFailure; what: string }) {
  const loadedAt = new Date(query.dataUpdatedAt);
  return (
    <Alert
      type="warning"
      header={`${what} could not be refreshed`}
      action={
        <Button loading={query.isFetching} onClick={() => query.refetch()}>
          Retry
        </Button>
      }
    >
      Showing what was last loaded at{' '}
      <time dateTime={loadedAt.toISOString()}>{loadedAt.toLocaleString()}</time>; it may be out of date.{' '}
      {describeError(query.error)}
    </Alert>
  );
}
