import {
  apiPath,
  apiPaths,
  type RecreateIdentityRequest,
  type RecreateIdentityResponse,
} from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { identityKeys, invalidateListsOf } from './identity-queries';

/** `POST …/recreate`: the identity is deleted and created again with its settings (new tokens, new email). */
export function useRecreateIdentity(region: string, identity: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecreateIdentityRequest) =>
      api.post<RecreateIdentityResponse>(apiPath(apiPaths.recreateIdentity, { region, identity }), body),
    onSettled: async (result) => {
      // Even a failure may have deleted it: read everything about it again.
      if (result?.identity) queryClient.setQueryData(identityKeys.detail(region, identity), result.identity);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.detail(region, identity) }),
        queryClient.invalidateQueries({ queryKey: identityKeys.dnsDiagnostics(region, identity) }),
        invalidateListsOf(queryClient, region),
      ]);
    },
  });
}
