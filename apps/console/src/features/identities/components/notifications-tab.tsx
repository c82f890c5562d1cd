import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { IdentityDetail } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { TableErrorState } from '../../../components/table-states';
import { useAccount } from '../../../hooks/use-account';
import { describeError } from '../../../lib/api-client';
import { notificationSettingsQueryOptions } from '../../notifications/api/notification-queries';
import { FeedbackNotificationsContainer } from '../../notifications/components/feedback-notifications-container';
import { ForwardingContainer } from '../../notifications/components/forwarding-container';
import { snsTopicsQueryOptions } from '../../sns-topics/api/sns-topic-queries';

/**
 * The Notifications tab: Feedback notifications (SNS topic and headers per type) and Email feedback
 * forwarding, both from SES v1's notification attributes; the Region's topics fill the topic choices.
 */
export function NotificationsTab({ detail }: { detail: IdentityDetail }) {
  const { region, name } = detail;
  const { account } = useAccount();
  const settings = useQuery(notificationSettingsQueryOptions(account, region, name));
  const topics = useQuery(snsTopicsQueryOptions(account, region));
  if (!settings.data) {
    return (
      <SpaceBetween size="l">
        {['Feedback notifications', 'Email feedback forwarding'].map((title) => (
          <Container key={title} header={<Header variant="h2">{title}</Header>}>
            {settings.error ? (
              <TableErrorState
                message={`Notification settings could not be loaded: ${describeError(settings.error)}`}
                onRetry={() => void settings.refetch()}
              />
            ) : (
              <StatusIndicator type="loading">Loading notification settings</StatusIndicator>
            )}
          </Container>
        ))}
      </SpaceBetween>
    );
  }
  return (
    <SpaceBetween size="l">
      <FeedbackNotificationsContainer
        region={region}
        identity={name}
        settings={settings.data}
        topics={topics.data?.topics ?? []}
        topicsLoading={topics.isPending}
        topicsError={
          topics.error ? `SNS topics could not be listed: ${describeError(topics.error)}` : undefined
        }
      />
      <ForwardingContainer region={region} identity={name} settings={settings.data} />
    </SpaceBetween>
  );
}
