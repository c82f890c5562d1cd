import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppProvider, createQueryClient } from '../app/provider';

/**
 * A hook inside the app's providers (query cache, notifications), with a fresh cache and no retries,
 * so its requests go straight to the fake BFF and its failures show at once.
 */
export function renderHookInApp<T>(hook: () => T) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProvider queryClient={queryClient}>{children}</AppProvider>
  );
  return { ...renderHook(hook, { wrapper }), queryClient };
}

/** A real, focusable element standing in for a Cloudscape control's ref. */
export function focusableElement(tag: 'button' | 'input' = 'button'): HTMLElement {
  const element = document.createElement(tag);
  document.body.append(element);
  return element;
}
