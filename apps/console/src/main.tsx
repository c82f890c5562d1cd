import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider, createQueryClient } from './app/provider';
import { AppRouter } from './app/router';
import { applyTheme, storedTheme } from './lib/theme';

applyTheme(storedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// One client for the provider and the router, so the router can start a page's request early.
const queryClient = createQueryClient();
createRoot(root).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <AppRouter queryClient={queryClient} />
    </AppProvider>
  </StrictMode>,
);
