import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import type { MailboxMessage } from '@ses-console/contract';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useVerifyEmail } from '../api/mailbox-queries';

function Pre({ text }: { text: string | undefined }) {
  return text ? (
    <Box variant="code">
      <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</pre>
    </Box>
  ) : (
    <Box color="text-status-inactive">Not available for this message.</Box>
  );
}

export function MessageViewer({ message }: { message: MailboxMessage }) {
  const { notify } = useNotifications();
  const verify = useVerifyEmail();
  const token = message.verificationToken;
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            token ? (
              <Button
                variant="primary"
                loading={verify.isPending}
                onClick={() =>
                  verify.mutate(token, {
                    onSuccess: () =>
                      notify({
                        id: `verify-${message.id}`,
                        type: 'success',
                        content: `${message.to.join(', ')} is now verified.`,
                      }),
                    onError: (error) =>
                      notify({
                        id: `verify-${message.id}`,
                        type: 'error',
                        header: 'The address could not be verified',
                        content: describeError(error),
                      }),
                  })
                }
              >
                Verify email address
              </Button>
            ) : undefined
          }
        >
          {message.subject || '(no subject)'}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'From', value: message.from },
            { label: 'To', value: message.to.join(', ') },
            { label: 'Configuration set', value: message.configurationSetName ?? '-' },
            { label: 'Sent at', value: new Date(message.sentAt).toLocaleString() },
            { label: 'Region', value: message.region },
            { label: 'Message ID', value: message.id },
            ...(message.verificationLink
              ? [
                  {
                    label: 'Verification link',
                    value: (
                      <Link href={message.verificationLink} external>
                        {message.verificationLink}
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Tabs
          ariaLabel="Message content"
          tabs={[
            { id: 'text', label: 'Text', content: <Pre text={message.text} /> },
            {
              id: 'html',
              label: 'HTML',
              content: message.html ? (
                // Sandboxed: captured mail is untrusted content and must not run scripts in the console.
                <iframe
                  title="HTML body"
                  sandbox=""
                  srcDoc={message.html}
                  style={{ width: '100%', minHeight: 320, border: 0, background: 'white' }}
                />
              ) : (
                <Pre text={undefined} />
              ),
            },
            { id: 'raw', label: 'Raw', content: <Pre text={message.raw} /> },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}
