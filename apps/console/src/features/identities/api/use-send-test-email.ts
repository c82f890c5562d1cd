import {
  accountApiPath,
  apiPaths,
  type SendTestEmailRequest,
  type SendTestEmailResponse,
} from '@ses-console/contract';
import { useMutation } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import type { AccountId } from './identity-queries';

export const sendTestEmail = (account: AccountId, region: string, body: SendTestEmailRequest) =>
  api.post<SendTestEmailResponse>(accountApiPath(account, apiPaths.sendTestEmail, { region }), body);

/** Sending changes no identity, so there is nothing to invalidate here (the mailbox polls on its own). */
export function useSendTestEmail(region: string) {
  const { account } = useAccount();
  return useMutation({ mutationFn: (body: SendTestEmailRequest) => sendTestEmail(account, region, body) });
}
