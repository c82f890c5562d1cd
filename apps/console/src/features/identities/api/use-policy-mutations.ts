import { apiPath, apiPaths, type CreatePolicyRequest, type IdentityDetail } from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { identityKeys } from './identity-queries';

type PolicyChange =
  | { kind: 'create'; name: string; document: string }
  | { kind: 'update'; name: string; document: string }
  | { kind: 'delete'; name: string };

export function changePolicy(region: string, identity: string, change: PolicyChange): Promise<unknown> {
  if (change.kind === 'create') {
    const body: CreatePolicyRequest = { name: change.name, document: change.document };
    return api.post(apiPath(apiPaths.policies, { region, identity }), body);
  }
  const path = apiPath(apiPaths.policy, { region, identity, policyName: change.name });
  return change.kind === 'update' ? api.put(path, { document: change.document }) : api.delete(path);
}

export function usePolicyMutation(region: string, identity: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PolicyChange) => changePolicy(region, identity, change),
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'policies' in result) {
        queryClient.setQueryData(identityKeys.detail(region, identity), result as IdentityDetail);
      }
      await queryClient.invalidateQueries({ queryKey: identityKeys.detail(region, identity) });
    },
  });
}
