import {
  accountApiPath,
  apiPaths,
  type NotificationSettings,
  type UpdateNotificationsRequest,
} from '@ses-console/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { api } from '../../../lib/api-client';
import { useCan } from '../../../lib/session-queries';
import type { AccountId } from '../../identities/api/identity-queries';
import { identityKeys } from '../../identities/api/identity-queries';

/** An identity's feedback notifications (SES v1): their own key, beside the identity's detail. */
export const notificationKeys = {
  all: ['notifications'] as const,
  settings: (account: AccountId, region: string, identity: string) =>
    [...notificationKeys.all, account ?? null, region, identity] as const,
};

export const notificationSettingsQueryOptions = (account: AccountId, region: string, identity: string) =>
  queryOptions({
    queryKey: notificationKeys.settings(account, region, identity),
    queryFn: () =>
      api.get<NotificationSettings>(accountApiPath(account, apiPaths.notifications, { region, identity })),
  });

export const useCanEditNotifications = () => useCan('put', apiPaths.notifications);

/**
 * Saves topics, headers and/or forwarding; the answer is the settings as they then are. Forwarding is
 * also on the identity's detail (v2's FeedbackForwardingStatus), so that is refetched too.
 */
export function useUpdateNotifications(region: string, identity: string) {
  const queryClient = useQueryClient();
  const { account } = useAccount();
  return useMutation({
    mutationFn: (body: UpdateNotificationsRequest) =>
      api.put<NotificationSettings>(
        accountApiPath(account, apiPaths.notifications, { region, identity }),
        body,
      ),
    onSuccess: async (settings) => {
      queryClient.setQueryData(notificationKeys.settings(account, region, identity), settings);
      await queryClient.invalidateQueries({ queryKey: identityKeys.detail(account, region, identity) });
    },
    onError: async () => {
      // A change of several SES calls may have been applied in part: read what SES holds now.
      await queryClient.invalidateQueries({ queryKey: notificationKeys.settings(account, region, identity) });
    },
  });
}
