import Alert from '@cloudscape-design/components/alert';
import type { Account } from '@ses-console/contract';
import { RouterLink } from '../../../components/router-link';
import { paths } from '../../../config/paths';

/**
 * Says when the account is in the SES sandbox in a Region, and what that means for the recipients of a
 * test email; in emulator mode it links to the account page where production access is granted.
 */
export function SandboxNotice({
  account,
  region,
  emulator,
}: {
  account: Account | undefined;
  region: string;
  emulator: boolean;
}) {
  if (!account || account.productionAccessEnabled) return null;
  return (
    <Alert
      type="info"
      header={`Your account is in the sandbox in ${region}`}
      action={
        emulator ? (
          <RouterLink href={paths.emulatorAccount.href({ region })}>Manage production access</RouterLink>
        ) : undefined
      }
    >
      You can send only to mailbox simulator addresses and to verified identities (an address, or an address
      on a verified domain), at most {account.sendQuota.max24HourSend} recipients per 24 hours and{' '}
      {account.sendQuota.maxSendRate} per second. A custom recipient must be verified first.
    </Alert>
  );
}
