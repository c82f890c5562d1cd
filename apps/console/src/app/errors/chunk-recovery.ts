import type { ComponentType } from 'react';

/**
 * What happens when a lazily loaded page cannot be downloaded. After a redeploy the page in the
 * browser still names the old build's chunks, which the server no longer has; reloading fetches the
 * new index.html and its new chunk names. During an outage a reload would only show the browser's
 * own error page, so the console stays and says what failed instead.
 */
export interface ChunkRecovery {
  /** Whether the server answers at all (any HTTP answer counts): then a reload can work. */
  serverReachable(): Promise<boolean>;
  /** Reloads the page, or loads `href` (the page a navigation was going to) afresh. */
  reload(href?: string): void;
  /** Remembers, per browser tab, which build was already reloaded once. */
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** The running build (its entry chunk's URL): at most one automatic reload per build. */
  buildId: string;
}

const RELOADED_BUILD_KEY = 'ses-console.chunk-reload.build';

/** The messages browsers and Vite's preload helper give a chunk that could not be fetched or run. */
const CHUNK_ERROR_MESSAGES = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
  /Unable to preload CSS/i, // Vite's CSS preload
  /Failed to load module script/i,
];

/** Errors Vite reported through `vite:preloadError` (whatever their message says). */
const preloadErrors = new WeakSet<object>();

/**
 * Marks every error Vite's preload helper reports (`vite:preloadError`), so a failed chunk is
 * recognised whatever the browser's wording. Vite still rethrows it; the lazy route handles it.
 */
export function trackPreloadErrors(target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    if (typeof payload === 'object' && payload !== null) preloadErrors.add(payload);
  });
}

export function isChunkLoadError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (preloadErrors.has(error)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return CHUNK_ERROR_MESSAGES.some((pattern) => pattern.test(message));
}

/** A page's code could not be loaded; `serverReachable` tells an outage from a broken or newer build. */
export class ChunkLoadError extends Error {
  readonly serverReachable: boolean;

  constructor(cause: unknown, serverReachable: boolean) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
    this.serverReachable = serverReachable;
  }
}

/**
 * Claims the one automatic reload of this build: true the first time this tab's build fails to load
 * a chunk, false once it has already reloaded for it (the reloaded page is the same build, so the
 * failure is not a redeploy: showing the error stops a reload loop).
 */
export function claimReload(recovery: Pick<ChunkRecovery, 'storage' | 'buildId'>): boolean {
  try {
    if (recovery.storage.getItem(RELOADED_BUILD_KEY) === recovery.buildId) return false;
    recovery.storage.setItem(RELOADED_BUILD_KEY, recovery.buildId);
    return true;
  } catch {
    // Storage refused (privacy mode, quota): without a guard, never reload by itself.
    return false;
  }
}

/**
 * A route's `lazy` that loads a page module. A chunk that cannot be loaded while the server answers
 * reloads the page once per build (the page stays as it is until the reload); otherwise the route
 * fails with a `ChunkLoadError` that the route's error element explains, with Reload.
 */
export function lazyPage(
  load: () => Promise<{ default: ComponentType }>,
  recovery: ChunkRecovery,
  /** Where the navigation that needs the chunk is going (the router has not moved there yet). */
  pendingHref: () => string | undefined = () => undefined,
): () => Promise<{ Component: ComponentType }> {
  return async () => {
    try {
      const module = await load();
      return { Component: module.default };
    } catch (error) {
      if (!isChunkLoadError(error)) throw error;
      const reachable = await recovery.serverReachable();
      if (reachable && claimReload(recovery)) {
        recovery.reload(pendingHref());
        // Keep the current page on screen until the browser replaces it.
        return new Promise<never>(() => {});
      }
      throw new ChunkLoadError(error, reachable);
    }
  };
}

/** The browser's recovery: probe the page's own URL, `location.reload`, `sessionStorage`. */
export function browserChunkRecovery(): ChunkRecovery {
  return {
    async serverReachable() {
      try {
        // `manual`: a sign-in proxy's redirect is an answer too (and must not be followed off-site).
        await fetch(window.location.href, { method: 'HEAD', cache: 'no-store', redirect: 'manual' });
        return true;
      } catch {
        return false;
      }
    },
    reload: (href) => (href ? window.location.assign(href) : window.location.reload()),
    storage: window.sessionStorage,
    // This module is part of the entry chunk, whose hashed name changes with every build.
    buildId: import.meta.url,
  };
}
