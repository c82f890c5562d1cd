import type { AccountInfo } from '@ses-console/contract';
import { useCallback } from 'react';
import { useInRouterContext, useSearchParams } from 'react-router';
import { ACCOUNT_PARAM } from '../config/paths';
import { readStored, writeStored } from '../lib/local-storage';
import { useMeta } from '../lib/meta-queries';

const STORAGE_KEY = 'ses-console.account';

/** `?account=all`: the identities list shows every configured account (no other page has that view). */
export const ALL_ACCOUNTS = 'all';

/** How an account is named wherever it is shown: `staging (111111111111)`, or the id when not configured. */
export function accountLabel(accounts: readonly AccountInfo[], id: string): string {
  const info = accounts.find((a) => a.id === id);
  return info ? `${info.name} (${info.id})` : id;
}

/**
 * The selected AWS account, when the console serves several (ACCOUNTS): the `account` query
 * parameter wins, then the last account chosen on this browser, then the BFF's default account. An id
 * in the URL that is not configured is reported as `unavailableAccount` (the shell says so and leaves
 * the URL as it is); `account` is then the fallback. Without ACCOUNTS `account` is undefined, the
 * URL's `?account=` is ignored and every API path stays as it was (one account).
 */
export function useAccount() {
  const meta = useMeta();
  // Outside a router (a component rendered on its own) there is no URL: the last choice, else the default.
  // Whether a component is inside a router never changes while it is mounted, so the hooks' order holds.
  // biome-ignore lint/correctness/useHookAtTopLevel: see above
  const searchParams = useInRouterContext() ? useSearchParams()[0] : undefined;
  const accounts = meta.data?.accounts ?? [];
  const enabled = accounts.length > 0;
  const known = (id: string | null | undefined): id is string => !!id && accounts.some((a) => a.id === id);
  const fromUrl = searchParams?.get(ACCOUNT_PARAM) ?? null;
  const remembered = readStored<string | null>(STORAGE_KEY, null);
  const account = !enabled
    ? undefined
    : known(fromUrl)
      ? fromUrl
      : known(remembered)
        ? remembered
        : (meta.data?.defaultAccount ?? accounts[0]?.id);
  const remember = useCallback((id: string) => writeStored(STORAGE_KEY, id), []);
  const unavailableAccount =
    enabled && fromUrl && fromUrl !== ALL_ACCOUNTS && !known(fromUrl) ? fromUrl : undefined;
  const label = useCallback((id: string) => accountLabel(accounts, id), [accounts]);
  /** A name as dialogs and messages say it: `x in staging (222222222222)` with ACCOUNTS, else `x`. */
  const inAccount = useCallback(
    (name: string) => (enabled && account ? `${name} in ${accountLabel(accounts, account)}` : name),
    [enabled, account, accounts],
  );
  return {
    /** The account API calls act in (with `?account=all`, the last one chosen); undefined without ACCOUNTS. */
    account,
    /** The selected account's name and Regions. */
    accountInfo: accounts.find((a) => a.id === account),
    /** Whether the URL asks for All accounts (only the identities list honours it). */
    allAccounts: enabled && fromUrl === ALL_ACCOUNTS,
    /** The URL's `?account=` when it is not one of ACCOUNTS. */
    unavailableAccount,
    /** ACCOUNTS as configured (empty: one account, no selector). */
    accounts,
    /** `name (id)` of any account id. */
    accountLabel: label,
    inAccount,
    remember,
  };
}
