import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { readStored, writeStored } from '../lib/local-storage';
import { useMeta } from '../lib/meta-queries';
import { useAccount } from './use-account';

const STORAGE_KEY = 'ses-console.region';

/** `?region=all`: the identities list shows every configured region (no other page has that view). */
export const ALL_REGIONS = 'all';

/** The Regions an account offers (its own `regions`, in REGIONS' order), or all of them. */
export function regionsOf<R extends { code: string }>(
  all: readonly R[],
  offered: readonly string[] | undefined,
): R[] {
  return offered ? all.filter((r) => offered.includes(r.code)) : [...all];
}

/**
 * The selected AWS Region: the `region` query parameter wins, then the last region chosen on this
 * browser, then the BFF's default. A code in the URL that this console does not offer is reported as
 * `unavailableRegion` (the shell says so and leaves the URL as it is); `region` is then the fallback.
 * With ACCOUNTS, the Regions offered are the selected account's own (every Region in All accounts).
 */
export function useRegion() {
  const meta = useMeta();
  const [searchParams] = useSearchParams();
  const { accountInfo, allAccounts } = useAccount();
  const regions = regionsOf(meta.data?.regions ?? [], allAccounts ? undefined : accountInfo?.regions);
  const known = (code: string | null | undefined): code is string =>
    !!code && (regions.length === 0 || regions.some((r) => r.code === code));
  const fromUrl = searchParams.get('region');
  const remembered = readStored<string | null>(STORAGE_KEY, null);
  const region = known(fromUrl)
    ? fromUrl
    : known(remembered)
      ? remembered
      : known(meta.data?.defaultRegion)
        ? meta.data?.defaultRegion
        : (regions[0]?.code ?? meta.data?.defaultRegion ?? fromUrl ?? undefined);
  const remember = useCallback((code: string) => writeStored(STORAGE_KEY, code), []);
  const unavailableRegion =
    fromUrl && fromUrl !== ALL_REGIONS && regions.length > 0 && !known(fromUrl) ? fromUrl : undefined;
  return {
    /** Always one real region (with `?region=all`, the last one chosen): pages that need one use it. */
    region,
    /** Whether the URL asks for All regions (only the identities list honours it). */
    allRegions: fromUrl === ALL_REGIONS,
    /** The URL's `?region=` when this console does not offer it (e.g. `zz-nope-1`). */
    unavailableRegion,
    regions,
    backend: meta.data?.backend,
    isLoading: meta.isPending,
    error: meta.error,
    remember,
  };
}
