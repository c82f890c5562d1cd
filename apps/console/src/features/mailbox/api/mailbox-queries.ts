import { apiPaths, type MailboxResponse, type VerifyEmailResponse } from '@ses-console/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { identityKeys } from '../../identities/api/identity-queries';

export const mailboxKeys = {
  all: ['mailbox'] as const,
  list: () => [...mailboxKeys.all, 'list'] as const,
};

export const mailboxQueryOptions = () =>
  queryOptions({
    queryKey: mailboxKeys.list(),
    queryFn: () => api.get<MailboxResponse>(apiPaths.emulatorMailbox),
    select: (data) => [...data.messages].sort((a, b) => b.sentAt.localeCompare(a.sentAt)),
    refetchInterval: 5_000,
  });

/** Verifying an address changes identity status too, so every identity query is invalidated. */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<VerifyEmailResponse>(apiPaths.emulatorVerifyEmail, { token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.all }),
  });
}
