import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | boolean | undefined;

/**
 * Writes a few query parameters while keeping the others (region, tab…). Defaults are dropped, so
 * URLs stay short; history is replaced rather than pushed so Back leaves the page instead of undoing a sort.
 *
 * `immediate` is for controls whose checked or selected state is the URL (a table's selection radio, a
 * tab): the router otherwise applies a navigation as a React transition, so on a busy device the control
 * snaps back unchecked until the transition renders, and a click can look ignored. With it the URL
 * change is rendered synchronously (React Router's `flushSync`).
 */
export function useUrlStateWriter(defaults: Record<string, Value>, options: { immediate?: boolean } = {}) {
  const immediate = options.immediate === true;
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (changes: Record<string, Value>) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            const serialised = value === true ? '1' : value === false ? '' : String(value ?? '');
            const fallback = defaults[key];
            const defaultSerialised =
              fallback === true ? '1' : fallback === false ? '' : String(fallback ?? '');
            if (serialised === '' || serialised === defaultSerialised) next.delete(key);
            else next.set(key, serialised);
          }
          return next;
        },
        { replace: true, flushSync: immediate },
      ),
    [setSearchParams, defaults, immediate],
  );
}
