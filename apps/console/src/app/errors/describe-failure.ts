import { isRouteErrorResponse } from 'react-router';
import { ApiError } from '../../lib/api-client';
import { ChunkLoadError } from './chunk-recovery';

/** What an error page says: a title, what failed and why, and which actions can help. */
export interface Failure {
  title: string;
  header: string;
  description: string;
  /** The BFF's request id, for support, when the failure was an API answer. */
  requestId?: string;
  /** Retry (run the page again) helps; Reload (the whole page) is always offered. */
  canRetry: boolean;
}

/** Words for anything a route or the app can throw. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof ChunkLoadError) {
    return error.serverReachable
      ? {
          title: 'This page could not be loaded',
          header: 'The console was updated',
          description:
            'A new version of the console was deployed while this page was open, and this page could not be ' +
            'loaded even after reloading once. Reload to try again; if it keeps failing, the deployment may be ' +
            'incomplete.',
          canRetry: false,
        }
      : {
          title: 'This page could not be loaded',
          header: 'The server could not be reached',
          description:
            'The console could not download this page. The server may be restarting or your connection may be down. Reload once it is back.',
          canRetry: false,
        };
  }
  if (error instanceof ApiError) {
    return {
      title: 'This page could not be loaded',
      header: error.status === 0 ? 'The server could not be reached' : `The server answered ${error.status}`,
      description: error.message,
      requestId: error.requestId,
      canRetry: true,
    };
  }
  if (isRouteErrorResponse(error)) {
    return error.status === 404
      ? {
          title: 'Page not found',
          header: 'There is no such page',
          description: 'Check the address, or go back to Verified identities.',
          canRetry: false,
        }
      : {
          title: 'This page could not be loaded',
          header: `The page answered ${error.status}`,
          description: error.statusText || 'No details were given.',
          canRetry: true,
        };
  }
  return {
    title: 'This page failed to show',
    header: 'Unexpected error',
    description:
      error instanceof Error && error.message ? error.message : 'The console ran into an unexpected error.',
    canRetry: true,
  };
}
