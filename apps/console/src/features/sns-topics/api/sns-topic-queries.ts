import {
  accountApiPath,
  apiPaths,
  type CreateSnsTopicRequest,
  type ListSnsTopicsResponse,
  type SnsMessagesResponse,
  type SnsTopic,
} from '@ses-console/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import type { AccountId } from '../../identities/api/identity-queries';

/** The Region's SNS topics and (emulator) what they received; lists and messages never share a prefix. */
export const snsTopicKeys = {
  all: ['sns-topics'] as const,
  list: (account: AccountId, region: string) =>
    [...snsTopicKeys.all, 'list', account ?? null, region] as const,
  messages: (filter: { topicArn?: string; sesMessageId?: string }) =>
    [...snsTopicKeys.all, 'messages', filter] as const,
};

export const snsTopicsQueryOptions = (account: AccountId, region: string) =>
  queryOptions({
    queryKey: snsTopicKeys.list(account, region),
    queryFn: () => api.get<ListSnsTopicsResponse>(accountApiPath(account, apiPaths.snsTopics, { region })),
  });

/** Emulator only: the messages one topic received, or the feedback about one SES message; polled. */
export const snsMessagesQueryOptions = (filter: { topicArn?: string; sesMessageId?: string }) =>
  queryOptions({
    queryKey: snsTopicKeys.messages(filter),
    queryFn: () => {
      const query = new URLSearchParams();
      if (filter.topicArn) query.set('topicArn', filter.topicArn);
      if (filter.sesMessageId) query.set('sesMessageId', filter.sesMessageId);
      return api.get<SnsMessagesResponse>(`${apiPaths.emulatorSnsMessages}?${query}`);
    },
    select: (data) => data.messages,
    refetchInterval: 5_000,
  });

export function useCreateSnsTopic(region: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (body: CreateSnsTopicRequest) =>
      api.post<SnsTopic>(accountApiPath(account, apiPaths.emulatorSnsTopics, { region }), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snsTopicKeys.list(account, region) }),
  });
}

export function useDeleteSnsTopic(region: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (topicName: string) =>
      api.delete<void>(accountApiPath(account, apiPaths.emulatorSnsTopic, { region, topicName })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snsTopicKeys.list(account, region) }),
  });
}
