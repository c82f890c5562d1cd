import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { snsTopicsQueryOptions } from '../../features/sns-topics/api/sns-topic-queries';
import { SnsMessages } from '../../features/sns-topics/components/sns-messages';
import { SnsTopicsTable } from '../../features/sns-topics/components/sns-topics-table';
import { useAccount } from '../../hooks/use-account';
import { useRegion } from '../../hooks/use-region';
import { useUrlStateWriter } from '../../hooks/use-url-state';

const DEFAULTS = { topic: '', messageId: '' };

function SnsTopicsPage({ region }: { region: string }) {
  const [searchParams] = useSearchParams();
  const write = useUrlStateWriter(DEFAULTS, { immediate: true });
  const topicName = searchParams.get('topic');
  const messageId = searchParams.get('messageId') ?? undefined;
  const { account } = useAccount();
  const topics = useQuery(snsTopicsQueryOptions(account, region));
  const topic = topics.data?.topics.find((t) => t.name === topicName);
  return (
    <SpaceBetween size="l">
      <SnsTopicsTable
        region={region}
        selectedName={topicName}
        onSelect={(t) => write({ topic: t?.name ?? '' })}
      />
      <SnsMessages
        topicArn={topic?.arn}
        sesMessageId={messageId}
        onClearMessageFilter={() => write({ messageId: '' })}
      />
    </SpaceBetween>
  );
}

/** Emulator only: the SNS topics feedback goes to, and what each received (`?topic=`, `?messageId=`). */
export default function SnsTopicsRoute() {
  const { backend, region } = useRegion();
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="SNS topics of the built-in emulator and the messages they received. Nothing here left this machine."
        >
          SNS topics
        </Header>
      }
    >
      {backend === 'aws' ? (
        <Alert type="info">This page exists only when the console runs against the built-in emulator.</Alert>
      ) : (
        region && <SnsTopicsPage key={region} region={region} />
      )}
    </ContentLayout>
  );
}
