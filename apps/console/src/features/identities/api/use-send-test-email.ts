import {
  apiPath,
  apiPaths,
  type SendTestEmailRequest,
  type SendTestEmailResponse,
} from '@ses-console/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const sendTestEmail = (region: string, body: SendTestEmailRequest) =>
  api.post<SendTestEmailResponse>(apiPath(apiPaths.sendTestEmail, { region }), body);

/** Sending changes no identity, so there is nothing to invalidate here (the mailbox polls on its own). */
export function useSendTestEmail(region: string) {
  return useMutation({ mutationFn: (body: SendTestEmailRequest) => sendTestEmail(region, body) });
}
