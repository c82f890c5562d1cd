import {
  accountApiPath,
  apiPaths,
  type CreatePolicyRequest,
  type IdentityDetail,
  type UpdatePolicyRequest,
} from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import { type AccountId, identityKeys } from './identity-queries';

export type PolicyChange =
  | { kind: 'create'; name: string; document: string }
  | { kind: 'update'; name: string; document: string }
  | { kind: 'delete'; name: string };

/** Every policy route answers the identity as it now is (the contract's `identityDetailSchema`). */
export function changePolicy(
  account: AccountId,
  region: string,
  identity: string,
  change: PolicyChange,
): Promise<IdentityDetail> {
  if (change.kind === 'create') {
    const body: CreatePolicyRequest = { name: change.name, document: change.document };
    return api.post<IdentityDetail>(accountApiPath(account, apiPaths.policies, { region, identity }), body);
  }
  const path = accountApiPath(account, apiPaths.policy, { region, identity, policyName: change.name });
  if (change.kind === 'delete') return api.delete<IdentityDetail>(path);
  const body: UpdatePolicyRequest = { document: change.document };
  return api.put<IdentityDetail>(path, body);
}

export function usePolicyMutation(region: string, identity: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (change: PolicyChange) => changePolicy(account, region, identity, change),
    onSuccess: async (detail) => {
      queryClient.setQueryData(identityKeys.detail(account, region, identity), detail);
      await queryClient.invalidateQueries({ queryKey: identityKeys.detail(account, region, identity) });
    },
  });
}
