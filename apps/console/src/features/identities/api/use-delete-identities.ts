import { apiPath, apiPaths, type DeleteIdentitiesResponse } from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { identityKeys } from './identity-queries';

export const deleteIdentities = (region: string, identities: string[]) =>
  api.post<DeleteIdentitiesResponse>(apiPath(apiPaths.deleteIdentities, { region }), { identities });

export function useDeleteIdentities(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identities: string[]) => deleteIdentities(region, identities),
    onSuccess: async (result) => {
      for (const r of result.results) {
        if (r.outcome !== 'failed') {
          queryClient.removeQueries({ queryKey: identityKeys.detail(region, r.identity) });
        }
      }
      await queryClient.invalidateQueries({ queryKey: identityKeys.list(region) });
    },
  });
}
