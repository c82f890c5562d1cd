import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { mailboxQueryOptions, useVerifyEmail } from '../api/mailbox-queries';

/**
 * Where the console's verification link lands (`/mailbox?verify=<token>`): what the link verifies,
 * and the button that does what opening SES's link does, through the BFF.
 */
export function VerifyLinkPrompt({
  region,
  token,
  onDone,
}: {
  region: string;
  token: string;
  onDone(): void;
}) {
  const { notify } = useNotifications();
  const verify = useVerifyEmail();
  const messages = useQuery(mailboxQueryOptions(region));
  const message = messages.data?.find((m) => m.verificationToken === token);
  const address = message?.to.join(', ');
  return (
    <Alert
      type="info"
      header="Verify an email address"
      action={
        <Button
          variant="primary"
          loading={verify.isPending}
          onClick={() =>
            verify.mutate(token, {
              onSuccess: () => {
                notify({
                  id: `verify-${token}`,
                  type: 'success',
                  content: `${address ?? 'The address'} is now verified.`,
                });
                onDone();
              },
              onError: (error) =>
                notify({
                  id: `verify-${token}`,
                  type: 'error',
                  header: 'The address could not be verified',
                  content: describeError(error),
                }),
            })
          }
        >
          Verify email address
        </Button>
      }
    >
      {address
        ? `This is the link of the verification email to ${address} (${region}). Verify it as opening SES's link would.`
        : `This is the link of a verification email. Verify the address it was sent to as opening SES's link would.`}
    </Alert>
  );
}
