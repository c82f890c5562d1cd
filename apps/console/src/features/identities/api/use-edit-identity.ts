import {
  accountApiPath,
  apiPaths,
  type IdentityDetail,
  type ReplaceTagsRequest,
  type UpdateConfigurationSetRequest,
  type UpdateDkimRequest,
  type UpdateFeedbackRequest,
  type UpdateMailFromRequest,
} from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { ApiError, api } from '../../../lib/api-client';
import { useCan } from '../../../lib/session-queries';
import { type AccountId, identityKeys, invalidateListsOf } from './identity-queries';

/** Each edit route answers the updated identity, so the page shows the saved state without a refetch. */
export interface EditRoutes {
  dkim: UpdateDkimRequest;
  mailFrom: UpdateMailFromRequest;
  feedback: UpdateFeedbackRequest;
  configurationSet: UpdateConfigurationSetRequest;
  tags: ReplaceTagsRequest;
}

export type EditRoute = keyof EditRoutes;

export const editIdentity = <K extends EditRoute>(
  route: K,
  account: AccountId,
  region: string,
  identity: string,
  body: EditRoutes[K],
) => api.put<IdentityDetail>(accountApiPath(account, apiPaths[route], { region, identity }), body);

/** Whether the signed-in user may call this edit route (the PUT `editIdentity` sends). */
export const useCanEditIdentity = (route: EditRoute) => useCan('put', apiPaths[route]);

export function useEditIdentity<K extends EditRoute>(route: K, region: string, identity: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (body: EditRoutes[K]) => editIdentity(route, account, region, identity, body),
    onSuccess: async (detail) => {
      queryClient.setQueryData(identityKeys.detail(account, region, identity), detail);
      // What public DNS answers may differ for the new settings; not awaited (a lookup can take seconds).
      void queryClient.invalidateQueries({
        queryKey: identityKeys.dnsDiagnostics(account, region, identity),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.detail(account, region, identity) }),
        invalidateListsOf(queryClient, account, region),
      ]);
    },
    onError: async (error) => {
      // Part of the change was applied: what the page shows is no longer what SES holds.
      if (error instanceof ApiError && error.partlyApplied) {
        await queryClient.invalidateQueries({ queryKey: identityKeys.detail(account, region, identity) });
      }
    },
  });
}
