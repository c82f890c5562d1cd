import { apiPaths, type MailboxResponse, type VerifyEmailResponse } from '@ses-console/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { identityKeys } from '../../identities/api/identity-queries';

export const mailboxKeys = {
  all: ['mailbox'] as const,
  lists: () => [...mailboxKeys.all, 'list'] as const,
  list: (region: string) => [...mailboxKeys.lists(), region] as const,
};

/** The mail sent in one Region (a verification email: in its identity's Region), newest first. */
export const mailboxQueryOptions = (region: string) =>
  queryOptions({
    queryKey: mailboxKeys.list(region),
    queryFn: () => api.get<MailboxResponse>(`${apiPaths.emulatorMailbox}?${new URLSearchParams({ region })}`),
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
