import {
  accountApiPath,
  apiPaths,
  type RecreateIdentityRequest,
  type RecreateIdentityResponse,
} from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import { identityKeys, invalidateListsOf } from './identity-queries';

/** `POST …/recreate`: the identity is deleted and created again with its settings (new tokens, new email). */
export function useRecreateIdentity(region: string, identity: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (body: RecreateIdentityRequest) =>
      api.post<RecreateIdentityResponse>(
        accountApiPath(account, apiPaths.recreateIdentity, { region, identity }),
        body,
      ),
    onSettled: async (result) => {
      // Even a failure may have deleted it: read everything about it again.
      if (result?.identity)
        queryClient.setQueryData(identityKeys.detail(account, region, identity), result.identity);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.detail(account, region, identity) }),
        queryClient.invalidateQueries({ queryKey: identityKeys.dnsDiagnostics(account, region, identity) }),
        invalidateListsOf(queryClient, account, region),
      ]);
    },
  });
}
