import {
  accountApiPath,
  apiPaths,
  type CreateIdentityRequest,
  type CreateIdentityResponse,
} from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import { type AccountId, identityKeys, invalidateListsOf } from './identity-queries';

export const createIdentity = (account: AccountId, region: string, body: CreateIdentityRequest) =>
  api.post<CreateIdentityResponse>(accountApiPath(account, apiPaths.identities, { region }), body);

export function useCreateIdentity(region: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (body: CreateIdentityRequest) => createIdentity(account, region, body),
    onSuccess: async (result) => {
      if (result.identity) {
        queryClient.setQueryData(identityKeys.detail(account, region, result.name), result.identity);
      }
      await invalidateListsOf(queryClient, account, region);
    },
  });
}
