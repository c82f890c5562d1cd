import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import type { MailboxMessage } from '@ses-console/contract';
import { RouterLink } from '../../../components/router-link';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useVerifyEmail } from '../api/mailbox-queries';
import { consoleVerificationPath, withConsoleLink } from '../model/verification-link';

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
  const consolePath = consoleVerificationPath(message);
  const consoleLink = consolePath && `${window.location.origin}${consolePath}`;
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
            ...(consoleLink
              ? [
                  {
                    label: 'Verification link',
                    value: <RouterLink href={consolePath as string}>{consoleLink}</RouterLink>,
                  },
                ]
              : []),
          ]}
        />
        <Tabs
          ariaLabel="Message content"
          tabs={[
            {
              id: 'text',
              label: 'Text',
              content: <Pre text={withConsoleLink(message.text, message, consoleLink)} />,
            },
            {
              id: 'html',
              label: 'HTML',
              content: message.html ? (
                // Sandboxed: captured mail is untrusted content and must not run scripts in the console.
                <iframe
                  title="HTML body"
                  sandbox=""
                  srcDoc={withConsoleLink(message.html, message, consoleLink)}
                  style={{ width: '100%', minHeight: 320, border: 0, background: 'white' }}
                />
              ) : (
                <Pre text={undefined} />
              ),
            },
            {
              id: 'raw',
              label: 'Raw',
              content: <Pre text={withConsoleLink(message.raw, message, consoleLink)} />,
            },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}
