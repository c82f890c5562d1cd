import {
  apiPath,
  apiPaths,
  type CreateSnsTopicRequest,
  type ListSnsTopicsResponse,
  type SnsMessagesResponse,
  type SnsTopic,
} from '@ses-console/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The Region's SNS topics and (emulator) what they received; lists and messages never share a prefix. */
export const snsTopicKeys = {
  all: ['sns-topics'] as const,
  list: (region: string) => [...snsTopicKeys.all, 'list', region] as const,
  messages: (filter: { topicArn?: string; sesMessageId?: string }) =>
    [...snsTopicKeys.all, 'messages', filter] as const,
};

export const snsTopicsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: snsTopicKeys.list(region),
    queryFn: () => api.get<ListSnsTopicsResponse>(apiPath(apiPaths.snsTopics, { region })),
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
  return useMutation({
    mutationFn: (body: CreateSnsTopicRequest) =>
      api.post<SnsTopic>(apiPath(apiPaths.emulatorSnsTopics, { region }), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snsTopicKeys.list(region) }),
  });
}

export function useDeleteSnsTopic(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (topicName: string) =>
      api.delete<void>(apiPath(apiPaths.emulatorSnsTopic, { region, topicName })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snsTopicKeys.list(region) }),
  });
}
