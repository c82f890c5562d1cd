import { apiPath, apiPaths, type PublishResult } from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { identityKeys, invalidateListsOf } from './identity-queries';

export type PublishScope = 'all' | 'dkim' | 'mail-from';

export const publishDnsRecords = (region: string, identity: string, scope: PublishScope) =>
  api.post<PublishResult>(apiPath(apiPaths.publishDns, { region, identity }), { scope });

export function usePublishDns(region: string, identity: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: PublishScope) => publishDnsRecords(region, identity, scope),
    onSuccess: () => {
      // What public DNS answers may have changed too. Not awaited: a DNS lookup can take seconds, and
      // the caller's result message must not wait for it (nor be lost if the button unmounts meanwhile).
      void queryClient.invalidateQueries({ queryKey: identityKeys.dnsDiagnostics(region, identity) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.detail(region, identity) }),
        invalidateListsOf(queryClient, region),
      ]);
    },
  });
}
