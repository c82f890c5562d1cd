import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { describeError } from '../lib/api-client';

export function TableEmptyState({
  title,
  subtitle,
  action,
}: {
  title: string;
  subtitle?: string;
  action?: ReactNode;
}) {
  return (
    <Box margin={{ vertical: 'xs' }} textAlign="center" color="inherit">
      <SpaceBetween size="xxs">
        <div>
          <Box variant="strong" color="inherit">
            {title}
          </Box>
          {subtitle && (
            <Box variant="p" color="inherit">
              {subtitle}
            </Box>
          )}
        </div>
        {action}
      </SpaceBetween>
    </Box>
  );
}

export function TableNoMatchState({ onClearFilter }: { onClearFilter(): void }) {
  return (
    <TableEmptyState
      title="No matches"
      subtitle="We can't find a match."
      action={<Button onClick={onClearFilter}>Clear filter</Button>}
    />
  );
}

export function TableErrorState({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <Box margin={{ vertical: 'xs' }} textAlign="center" color="inherit">
      <SpaceBetween size="xs">
        <StatusIndicator type="error">{message}</StatusIndicator>
        <Button onClick={onRetry}>Retry</Button>
      </SpaceBetween>
    </Box>
  );
}

/**
 * A table's empty slot: when the list could not be loaded, the reason with Retry (`failed` names
 * what, e.g. "Identities could not be loaded"); otherwise the collection's empty or no-match state.
 */
export function loadErrorOr(
  query: { error: unknown; refetch(): unknown },
  failed: string,
  empty: ReactNode,
): ReactNode {
  if (!query.error) return empty;
  return (
    <TableErrorState message={`${failed}: ${describeError(query.error)}`} onRetry={() => query.refetch()} />
  );
}
