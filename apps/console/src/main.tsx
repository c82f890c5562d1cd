import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { trackPreloadErrors } from './app/errors/chunk-recovery';
import { RootErrorBoundary } from './app/errors/root-error-boundary';
import { AppProvider, createQueryClient } from './app/provider';
import { AppRouter } from './app/router';
import { applyTheme, storedTheme } from './lib/theme';

applyTheme(storedTheme());
trackPreloadErrors();

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// One client for the provider and the router, so the router can start a page's request early.
const queryClient = createQueryClient();
createRoot(root).render(
  <StrictMode>
    <RootErrorBoundary reload={() => window.location.reload()}>
      <AppProvider queryClient={queryClient}>
        <AppRouter queryClient={queryClient} />
      </AppProvider>
    </RootErrorBoundary>
  </StrictMode>,
);
