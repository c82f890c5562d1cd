import { useCallback, useSyncExternalStore } from 'react';

/**
 * Cloudscape's viewport breakpoints (px). Below `xs` the app layout is its mobile layout (navigation
 * in a drawer); below `s` a table's columns no longer fit beside the open navigation, so lists become
 * cards and header actions collapse into a menu.
 */
export const breakpoints = { xs: 688, s: 912 } as const;

/** True while the viewport is narrower than `width` px (updates as it is resized or rotated). */
export function useViewportBelow(width: number): boolean {
  const query = `(max-width: ${width - 0.02}px)`;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  // jsdom has no matchMedia: tests see the desktop layout unless they provide one.
  const matches = () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  return useSyncExternalStore(subscribe, matches, () => false);
}

/** The narrow layout: cards instead of tables, secondary actions in a menu (below Cloudscape's `s`). */
export function useNarrowLayout(): boolean {
  return useViewportBelow(breakpoints.s);
}
