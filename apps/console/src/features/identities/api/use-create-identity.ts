import {
  apiPath,
  apiPaths,
  type CreateIdentityRequest,
  type CreateIdentityResponse,
} from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { identityKeys, invalidateListsOf } from './identity-queries';

export const createIdentity = (region: string, body: CreateIdentityRequest) =>
  api.post<CreateIdentityResponse>(apiPath(apiPaths.identities, { region }), body);

export function useCreateIdentity(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIdentityRequest) => createIdentity(region, body),
    onSuccess: async (result) => {
      if (result.identity) {
        queryClient.setQueryData(identityKeys.detail(region, result.name), result.identity);
      }
      await invalidateListsOf(queryClient, region);
    },
  });
}
