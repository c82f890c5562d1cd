import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SnsMessage } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { TableEmptyState, TableErrorState } from '../../../components/table-states';
import { LongText } from '../../../components/text-wrapping';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-time';
import { snsMessagesQueryOptions } from '../api/sns-topic-queries';

/** The published text as a person reads it: JSON pretty-printed, anything else as it came. */
export function prettyMessage(message: string): string {
  try {
    return JSON.stringify(JSON.parse(message), null, 2);
  } catch {
    return message;
  }
}

const topicName = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);

function MessageItem({ message, expanded }: { message: SnsMessage; expanded: boolean }) {
  const kind = message.notificationType ?? message.subject ?? 'Message';
  return (
    <ExpandableSection
      variant="container"
      defaultExpanded={expanded}
      headerText={`${kind} · ${formatDateTime(message.timestamp)}`}
      headerDescription={`Topic ${topicName(message.topicArn)}${message.sesMessageId ? ` · SES message ${message.sesMessageId}` : ''}`}
    >
      <SpaceBetween size="m">
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'SNS message ID', value: <LongText>{message.messageId}</LongText> },
            { label: 'Topic', value: <LongText>{message.topicArn}</LongText> },
            { label: 'Received', value: formatDateTime(message.timestamp) },
          ]}
        />
        <Box variant="code" display="block">
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {prettyMessage(message.message)}
          </pre>
        </Box>
      </SpaceBetween>
    </ExpandableSection>
  );
}

/**
 * What the emulator's topics received: one topic's messages, or (from a test email's result) the
 * notifications about one SES message, across topics. Newest first; polled while open.
 */
export function SnsMessages(props: {
  topicArn?: string;
  sesMessageId?: string;
  onClearMessageFilter(): void;
}) {
  const { topicArn, sesMessageId } = props;
  const query = useQuery({
    ...snsMessagesQueryOptions({ topicArn, sesMessageId }),
    enabled: Boolean(topicArn || sesMessageId),
  });
  const messages = [...(query.data ?? [])].reverse();
  const title = sesMessageId
    ? `Notifications about message ${sesMessageId}`
    : `Messages of ${topicArn ? topicName(topicArn) : 'a topic'}`;
  return (
    <Container
      header={
        <Header
          variant="h2"
          counter={query.data ? `(${query.data.length})` : undefined}
          description={
            sesMessageId
              ? 'What SES published about this message, to every topic.'
              : 'What the topic received, newest first: SES feedback and anything published to it.'
          }
          actions={sesMessageId && <Button onClick={props.onClearMessageFilter}>Show every message</Button>}
        >
          {title}
        </Header>
      }
    >
      {!topicArn && !sesMessageId ? (
        <TableEmptyState
          title="No topic selected"
          subtitle="Select a topic to see the messages it received."
        />
      ) : query.error ? (
        <TableErrorState
          message={`Messages could not be loaded: ${describeError(query.error)}`}
          onRetry={() => void query.refetch()}
        />
      ) : query.isPending ? (
        <Box>Loading messages</Box>
      ) : messages.length === 0 ? (
        <TableEmptyState
          title="No messages"
          subtitle={
            sesMessageId
              ? 'No notification about this message yet: set topics on the identity’s Notifications tab.'
              : 'Nothing was published to this topic yet.'
          }
        />
      ) : (
        <SpaceBetween size="s">
          {messages.map((message) => (
            <MessageItem
              key={message.messageId}
              message={message}
              expanded={Boolean(sesMessageId) || messages.length === 1}
            />
          ))}
        </SpaceBetween>
      )}
    </Container>
  );
}
