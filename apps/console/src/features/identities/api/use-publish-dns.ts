import { accountApiPath, apiPaths, type PublishResult } from '@ses-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import { type AccountId, identityKeys, invalidateListsOf } from './identity-queries';

export type PublishScope = 'all' | 'dkim' | 'mail-from';

export interface PublishInput {
  scope: PublishScope;
  /** The `planId` of a `needs_confirmation` answer the user confirmed. */
  confirm?: string;
  /** Also write the recommended DMARC record when the domain has none (never replaces one). */
  dmarc?: boolean;
}

export const publishDnsRecords = (
  account: AccountId,
  region: string,
  identity: string,
  input: PublishInput,
) => api.post<PublishResult>(accountApiPath(account, apiPaths.publishDns, { region, identity }), input);

export function usePublishDns(region: string, identity: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (input: PublishInput) => publishDnsRecords(account, region, identity, input),
    onSuccess: (result) => {
      // Nothing was written: the zone and the detail are as they were.
      if (result.outcome === 'needs_confirmation') return;
      // What public DNS answers may have changed too. Not awaited: a DNS lookup can take seconds, and
      // the caller's result message must not wait for it (nor be lost if the button unmounts meanwhile).
      void queryClient.invalidateQueries({
        queryKey: identityKeys.dnsDiagnostics(account, region, identity),
      });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.detail(account, region, identity) }),
        invalidateListsOf(queryClient, account, region),
      ]);
    },
  });
}
