import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useSearchParams } from 'react-router';
import { MailboxTable } from '../../features/mailbox/components/mailbox-table';
import { VerifyLinkPrompt } from '../../features/mailbox/components/verify-link-prompt';
import { useRegion } from '../../hooks/use-region';
import { useUrlStateWriter } from '../../hooks/use-url-state';

const DEFAULTS = { message: '', verify: '' };

export default function MailboxRoute() {
  const { backend, region } = useRegion();
  const [searchParams] = useSearchParams();
  const write = useUrlStateWriter(DEFAULTS, { immediate: true });
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Mail captured by the built-in emulator. Nothing here left this machine."
        >
          Mailbox
        </Header>
      }
    >
      {backend === 'aws' ? (
        <Alert type="info">
          The mailbox exists only when the console runs against the built-in emulator.
        </Alert>
      ) : (
        region && (
          <SpaceBetween size="l">
            {searchParams.get('verify') && (
              <VerifyLinkPrompt
                region={region}
                token={searchParams.get('verify') as string}
                onDone={() => write({ verify: '' })}
              />
            )}
            <MailboxTable
              region={region}
              selectedId={searchParams.get('message')}
              onSelect={(id) => write({ message: id ?? '' })}
            />
          </SpaceBetween>
        )
      )}
    </ContentLayout>
  );
}
