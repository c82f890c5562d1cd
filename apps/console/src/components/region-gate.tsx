import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';
import { useRegion } from '../hooks/use-region';
import { describeError } from '../lib/api-client';

/**
 * Renders its children once the Region is known (it comes from `/api/meta` on a first visit) and the
 * settings are loaded, so a page's first request already knows the account it acts in (ACCOUNTS).
 */
export function RegionGate({ children }: { children(region: string): ReactNode }) {
  const { region, error, isLoading } = useRegion();
  if (region && !isLoading) return <>{children(region)}</>;
  if (error) {
    return (
      <Alert type="error" header="The console could not load its settings">
        {describeError(error)}
      </Alert>
    );
  }
  return isLoading ? <Spinner size="large" /> : null;
}
