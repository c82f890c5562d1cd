import Box from '@cloudscape-design/components/box';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useRouteError } from 'react-router';
import { ErrorPanel } from './error-panel';

/**
 * A page's error element, inside the shell (navigation, Region, breadcrumbs stay usable). Retry runs
 * the page again with its data fetched afresh; Reload reloads the whole page.
 */
export function RouteError({ reload }: { reload(): void }) {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const retry = () => {
    // The failed page's queries have no observer now (the shell's still have theirs): dropping them
    // makes the page load its data again instead of rendering what may have made it fail.
    queryClient.removeQueries({ predicate: (query) => query.getObserversCount() === 0 });
    // A new location entry resets the router's error state and renders the page again.
    navigate(location, { replace: true });
  };
  return <ErrorPanel error={error} onRetry={retry} onReload={reload} />;
}

/** The error element of the shell itself: the whole page, with Reload only. */
export function RootRouteError({ reload }: { reload(): void }) {
  const error = useRouteError();
  return (
    <Box padding="xxl">
      <main>
        <ErrorPanel error={error} onReload={reload} />
      </main>
    </Box>
  );
}
