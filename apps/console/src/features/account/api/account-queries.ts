import {
  type Account,
  accountApiPath,
  apiPaths,
  type SetEmulatorAccountRequest,
} from '@ses-console/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import type { AccountId } from '../../identities/api/identity-queries';

export const accountKeys = {
  all: ['account'] as const,
  detail: (account: AccountId, region: string) =>
    [...accountKeys.all, 'detail', account ?? null, region] as const,
};

/** GetAccount in a Region: sandbox or production access, and the quota's use. */
export const accountQueryOptions = (account: AccountId, region: string) =>
  queryOptions({
    queryKey: accountKeys.detail(account, region),
    queryFn: () => api.get<Account>(accountApiPath(account, apiPaths.account, { region })),
  });

/** The emulator's stand-in for AWS's production-access review; the account of that Region is refetched. */
export function useSetEmulatorAccount() {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (body: SetEmulatorAccountRequest) =>
      api.post<Account>(accountApiPath(account, apiPaths.emulatorAccount), body),
    onSuccess: (answer, { region }) => {
      queryClient.setQueryData(accountKeys.detail(account, region), answer);
      return queryClient.invalidateQueries({ queryKey: accountKeys.detail(account, region) });
    },
  });
}
