import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | boolean | undefined;

/**
 * Writes a few query parameters while keeping the others (region, tab…). Defaults are dropped, so
 * URLs stay short; history is replaced rather than pushed so Back leaves the page instead of undoing a sort.
 */
export function useUrlStateWriter(defaults: Record<string, Value>) {
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
        { replace: true },
      ),
    [setSearchParams, defaults],
  );
}
