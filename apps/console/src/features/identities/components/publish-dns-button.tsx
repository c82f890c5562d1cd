import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import {
  apiPaths,
  type DnsRecord,
  type IdentityDetail,
  type PublishPlan,
  type PublishResult,
} from '@ses-console/contract';
import { type ReactNode, useState } from 'react';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { type PublishScope, usePublishDns } from '../api/use-publish-dns';
import { canPublish, dmarcOutcomeMessage, publishOutcomeMessage } from '../model/publish-dns';
import { PublishDnsConfirmModal } from './publish-dns-confirm-modal';
import { Route53ChangeStatus } from './route53-change-status';

/** A container's publish button, offered only while some of its records are missing from Route 53. */
export function publishDnsAction(
  detail: IdentityDetail,
  records: DnsRecord[],
  scope: Exclude<PublishScope, 'all'>,
  label: string,
): ReactNode {
  return canPublish(detail, records) ? (
    <PublishDnsButton detail={detail} scope={scope} label={label} />
  ) : undefined;
}

export function PublishDnsButton({
  detail,
  scope,
  label,
}: {
  detail: IdentityDetail;
  scope: Exclude<PublishScope, 'all'>;
  label: string;
}) {
  const { notify } = useNotifications();
  const publish = usePublishDns(detail.region, detail.name);
  const allowed = useCan('post', apiPaths.publishDns);
  const id = `publish-${scope}-${detail.name}`;
  // Set when the BFF answers that existing records would change: the modal asks before anything is written.
  const [plan, setPlan] = useState<PublishPlan | undefined>();

  // mutateAsync, not mutate's callbacks: the refetch after publishing removes this button, and an
  // unmounted observer would drop mutate's onSuccess; the notification must still be shown.
  // The DMARC choice rides along with a confirmation, so the confirmed plan is the one that was shown.
  const [dmarc, setDmarc] = useState(false);
  const run = (confirm?: string, withDmarc = dmarc) =>
    publish.mutateAsync({ scope, confirm, ...(withDmarc && { dmarc: true }) }).then(
      (result) => {
        if (result.outcome === 'needs_confirmation' && result.plan) {
          setDmarc(withDmarc);
          setPlan(result.plan); // a first ask, or the zone changed since the plan shown: ask (again)
          return;
        }
        setPlan(undefined);
        setDmarc(false);
        const message = publishOutcomeMessage(result, label, detail.hostedZone?.name);
        notify({
          id,
          ...message,
          content: <PublishedContent result={result} text={message.content} />,
          ...(result.dmarc?.state === 'missing' && {
            action: <Button onClick={() => void run(undefined, true)}>Add DMARC record</Button>,
          }),
        });
      },
      (error: unknown) => {
        setPlan(undefined);
        notify({
          id,
          type: 'error',
          header: `${label} DNS records could not be published`,
          content: describeError(error),
        });
      },
    );

  return (
    <>
      <Button
        loading={publish.isPending && plan === undefined}
        disabled={!allowed}
        disabledReason={allowed ? undefined : 'Your role may not publish DNS records (needs operator)'}
        loadingText="Publishing DNS records"
        ariaLabel={`Publish DNS records to Route53 (${label})`}
        onClick={() => run()}
      >
        Publish DNS records to Route53
      </Button>
      {plan && (
        <PublishDnsConfirmModal
          plan={plan}
          zoneName={detail.hostedZone?.name ?? ''}
          label={label}
          publishing={publish.isPending}
          onConfirm={(planId) => run(planId)}
          onDismiss={() => setPlan(undefined)}
        />
      )}
    </>
  );
}

/** The publish message, the Route 53 change as it propagates, and what happened to the DMARC record. */
function PublishedContent({ result, text }: { result: PublishResult; text: ReactNode }) {
  const dmarc = dmarcOutcomeMessage(result.dmarc);
  return (
    <SpaceBetween size="xxs">
      <Box variant="span">{text}</Box>
      {result.changeId && (
        <Route53ChangeStatus changeId={result.changeId} initialStatus={result.changeStatus} />
      )}
      {dmarc && <Box variant="span">{dmarc}</Box>}
    </SpaceBetween>
  );
}
