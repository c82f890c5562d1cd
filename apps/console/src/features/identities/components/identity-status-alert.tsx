import Alert from '@cloudscape-design/components/alert';
import type { IdentityDetail } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { RouterLink } from '../../../components/router-link';
import { paths } from '../../../config/paths';
import { useAccount } from '../../../hooks/use-account';
import { useRegion } from '../../../hooks/use-region';
import { dnsDiagnosticsQueryOptions } from '../api/identity-queries';
import { explainStatus } from '../model/status-help';
import { RecreateIdentityButton } from './recreate-identity-button';

/**
 * Under the Summary while verification needs attention: the status explained against the records the
 * page shows (Route 53, and the live DNS answers once the diagnostics ran), with the next step SES
 * supports; Re-create for a Failure.
 */
export function IdentityStatusAlert({ detail }: { detail: IdentityDetail }) {
  const { backend } = useRegion();
  // Only what the diagnostics already answered: this alert never sends DNS queries of its own.
  const { account } = useAccount();
  const diagnostics = useQuery({
    ...dnsDiagnosticsQueryOptions(account, detail.region, detail.name),
    enabled: false,
  });
  const explanation = explainStatus(detail, diagnostics.data?.checks);
  const step = explanation.nextStep;
  if (!step || detail.status === 'SUCCESS' || detail.status === 'NOT_STARTED') return null;
  return (
    <Alert
      type={explanation.severity === 'success' ? 'info' : explanation.severity}
      header={`${explanation.label}: ${explanation.definition}`}
      action={
        // A lost verification email has no Resend in SES v2 either: re-creating sends a new one.
        step.action === 'recreate' || step.action === 'mailbox' ? (
          <RecreateIdentityButton detail={detail} />
        ) : undefined
      }
    >
      {step.text}
      {step.action === 'mailbox' && backend === 'emulator' && (
        <>
          {' '}
          <RouterLink href={paths.mailbox.href({ region: detail.region })}>Open the Mailbox</RouterLink>
        </>
      )}
    </Alert>
  );
}
