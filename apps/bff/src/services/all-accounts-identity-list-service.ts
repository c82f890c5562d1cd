import {
  type AccountIdentitySummary,
  type AccountLoadResult,
  ALL_ACCOUNTS_CONCURRENCY,
  type ListAllAccountsIdentitiesQuery,
  type ListAllAccountsIdentitiesResponse,
} from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import type { AccountScope } from '../accounts/account-scopes.js';
import { loadRegionIdentities } from './all-regions-identity-list-service.js';
import { regionFailureOf } from './global-identity-service.js';

/** A configured account's scope, with its id (a one-account console has no All accounts list). */
export type ConfiguredAccountScope = AccountScope & { id: string };

/**
 * Every account's identities, in the asked Region or in every Region the account offers, at most
 * ALL_ACCOUNTS_CONCURRENCY lists at a time. Each account's credentials are resolved first (one
 * AssumeRole, shared by its Regions): an account whose role cannot be assumed is one `region: null`
 * entry with its error and none of its Regions is asked; a failed Region is its own entry; the others
 * still load. An account that does not offer the asked Region is left out (nothing to list there).
 */
export async function listIdentitiesInAllAccounts(
  accounts: readonly ConfiguredAccountScope[],
  query: ListAllAccountsIdentitiesQuery,
): Promise<ListAllAccountsIdentitiesResponse> {
  const { region: onlyRegion, ...listQuery } = query;
  const readiness = await mapWithConcurrency(accounts, ALL_ACCOUNTS_CONCURRENCY, async (scope) => {
    try {
      await scope.ready();
      return undefined;
    } catch (error) {
      return regionFailureOf(error);
    }
  });
  const loads: Array<AccountLoadResult | undefined> = [];
  const lists: Array<{ scope: ConfiguredAccountScope; region: string; slot: number }> = [];
  accounts.forEach((scope, index) => {
    const failure = readiness[index];
    if (failure) {
      loads.push({ account: scope.id, region: null, outcome: 'failed', error: failure });
      return;
    }
    const regions = onlyRegion === undefined ? scope.regions : scope.regions.filter((r) => r === onlyRegion);
    for (const region of regions) {
      lists.push({ scope, region, slot: loads.length });
      loads.push(undefined);
    }
  });
  const listed = await mapWithConcurrency(lists, ALL_ACCOUNTS_CONCURRENCY, ({ scope, region }) =>
    loadRegionIdentities(scope.ctx, region, listQuery),
  );
  const identities: AccountIdentitySummary[] = [];
  listed.forEach(({ result, identities: found }, index) => {
    const { scope, slot } = lists[index] as (typeof lists)[number];
    loads[slot] = { ...result, account: scope.id };
    // Tagged in place (the rows are this list's own), not copied: see loadRegionIdentities.
    for (const identity of found) {
      (identity as AccountIdentitySummary).account = scope.id;
      identities.push(identity as AccountIdentitySummary);
    }
  });
  return { identities, loads: loads.filter((l): l is AccountLoadResult => l !== undefined) };
}
