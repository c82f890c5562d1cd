import { describe, expect, it } from 'vitest';
import {
  ChunkLoadError,
  type ChunkRecovery,
  isChunkLoadError,
  lazyPage,
  trackPreloadErrors,
} from './chunk-recovery';

function Page() {
  return null;
}

/** A recovery whose server, storage and reloads the test controls and records. */
function recoveryFor(options: { reachable: boolean; buildId?: string; storage?: Map<string, string> }) {
  const storage = options.storage ?? new Map<string, string>();
  const reloads: (string | undefined)[] = [];
  let reloadedNow = () => {};
  /** Settles when the page is told to reload. */
  const reloaded = new Promise<void>((resolve) => {
    reloadedNow = resolve;
  });
  const recovery: ChunkRecovery = {
    serverReachable: async () => options.reachable,
    reload: (href) => {
      reloads.push(href);
      reloadedNow();
    },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
    buildId: options.buildId ?? 'http://console/assets/index-aaaa.js',
  };
  return { recovery, reloads, reloaded };
}

const missingChunk = () =>
  Promise.reject(
    new TypeError('Failed to fetch dynamically imported module: http://console/assets/activity-aaaa.js'),
  );

/** Starts a route load and tells, once the page was told to reload, whether the load is still open. */
async function stillLoadingAfterReload(
  load: () => Promise<unknown>,
  reloaded: Promise<void>,
): Promise<boolean> {
  let settled = false;
  load().then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await reloaded;
  await Promise.resolve();
  return !settled;
}

describe('lazy page chunk recovery', () => {
  it('when the chunk loads, then the route gets the module default export as its Component', async () => {
    const { recovery, reloads } = recoveryFor({ reachable: true });
    await expect(lazyPage(async () => ({ default: Page }), recovery)()).resolves.toEqual({ Component: Page });
    expect(reloads).toEqual([]);
  });

  it('when a chunk is gone after a redeploy and the server answers, then the page reloads once, to where the navigation was going, and the route waits for it', async () => {
    const { recovery, reloads, reloaded } = recoveryFor({ reachable: true });
    const load = lazyPage(missingChunk, recovery, () => '/activity?region=us-east-1');
    expect(await stillLoadingAfterReload(load, reloaded)).toBe(true);
    expect(reloads).toEqual(['/activity?region=us-east-1']);
  });

  it('when the reloaded page is the same build and its chunk still fails, then no second reload: the route fails with the error for an updated console', async () => {
    const storage = new Map<string, string>();
    const first = recoveryFor({ reachable: true, storage });
    await stillLoadingAfterReload(lazyPage(missingChunk, first.recovery), first.reloaded);
    const again = recoveryFor({ reachable: true, storage });
    const error = await lazyPage(missingChunk, again.recovery)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as ChunkLoadError).serverReachable).toBe(true);
    expect(again.reloads).toEqual([]);
  });

  it('when a newer build fails to load a chunk too, then it may reload once for itself', async () => {
    const storage = new Map<string, string>();
    const older = recoveryFor({ reachable: true, storage });
    await stillLoadingAfterReload(lazyPage(missingChunk, older.recovery), older.reloaded);
    const newer = recoveryFor({ reachable: true, storage, buildId: 'http://console/assets/index-bbbb.js' });
    expect(await stillLoadingAfterReload(lazyPage(missingChunk, newer.recovery), newer.reloaded)).toBe(true);
    expect(newer.reloads).toHaveLength(1);
  });

  it('when the server cannot be reached, then no reload (it would show the browser error page) and the route fails saying so, keeping the reload for later', async () => {
    const storage = new Map<string, string>();
    const offline = recoveryFor({ reachable: false, storage });
    const error = await lazyPage(missingChunk, offline.recovery)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as ChunkLoadError).serverReachable).toBe(false);
    expect(offline.reloads).toEqual([]);
    // The server is back and the build was replaced meanwhile: the one reload is still available.
    const back = recoveryFor({ reachable: true, storage });
    expect(await stillLoadingAfterReload(lazyPage(missingChunk, back.recovery), back.reloaded)).toBe(true);
    expect(back.reloads).toHaveLength(1);
  });

  it('when the page module itself throws an ordinary error, then it reaches the route as it is, with no reload', async () => {
    const { recovery, reloads } = recoveryFor({ reachable: true });
    const bug = new RangeError('bad page');
    await expect(lazyPage(() => Promise.reject(bug), recovery)()).rejects.toBe(bug);
    expect(reloads).toEqual([]);
  });

  it('when session storage refuses writes, then it never reloads by itself (no loop guard, no reload)', async () => {
    const { recovery, reloads } = recoveryFor({ reachable: true });
    recovery.storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    await expect(lazyPage(missingChunk, recovery)()).rejects.toBeInstanceOf(ChunkLoadError);
    expect(reloads).toEqual([]);
  });
});

describe('chunk error recognition', () => {
  it.each([
    'Failed to fetch dynamically imported module: http://x/assets/a.js',
    'error loading dynamically imported module: http://x/assets/a.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/a.css',
  ])('when the browser says "%s", then it is a chunk error', (message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  it('when Vite reports an error through vite:preloadError, then it is a chunk error whatever its words', () => {
    const target = new EventTarget();
    trackPreloadErrors(target as unknown as Window);
    const error = new Error('net::ERR_CONNECTION_REFUSED');
    expect(isChunkLoadError(error)).toBe(false);
    target.dispatchEvent(
      Object.assign(new Event('vite:preloadError', { cancelable: true }), { payload: error }),
    );
    expect(isChunkLoadError(error)).toBe(true);
  });

  it('when an error is about something else, then it is not a chunk error', () => {
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(
      false,
    );
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
