import { type Account, apiPath, apiPaths, type SetEmulatorAccountRequest } from '@ses-console/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const accountKeys = {
  all: ['account'] as const,
  detail: (region: string) => [...accountKeys.all, 'detail', region] as const,
};

/** GetAccount in a Region: sandbox or production access, and the quota's use. */
export const accountQueryOptions = (region: string) =>
  queryOptions({
    queryKey: accountKeys.detail(region),
    queryFn: () => api.get<Account>(apiPath(apiPaths.account, { region })),
  });

/** The emulator's stand-in for AWS's production-access review; the account of that Region is refetched. */
export function useSetEmulatorAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetEmulatorAccountRequest) => api.post<Account>(apiPaths.emulatorAccount, body),
    onSuccess: (account, { region }) => {
      queryClient.setQueryData(accountKeys.detail(region), account);
      return queryClient.invalidateQueries({ queryKey: accountKeys.detail(region) });
    },
  });
}
