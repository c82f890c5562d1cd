import Button from '@cloudscape-design/components/button';
import { apiPaths, type DnsRecord, type IdentityDetail } from '@ses-console/contract';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { type PublishScope, usePublishDns } from '../api/use-publish-dns';

/** True when Route 53 hosts the domain and some of this container's records are not in it yet. */
export function canPublish(detail: IdentityDetail, records: DnsRecord[]): boolean {
  const publishable = records.filter((r) => r.publishable);
  return !!detail.hostedZone && publishable.length > 0 && publishable.some((r) => !r.publishedInRoute53);
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
  return (
    <Button
      loading={publish.isPending}
      disabled={!allowed}
      disabledReason={allowed ? undefined : 'Your role may not publish DNS records (needs operator)'}
      loadingText="Publishing DNS records"
      ariaLabel={`Publish ${label} DNS records to Route53`}
      // mutateAsync, not mutate's callbacks: the refetch after publishing removes this button, and an
      // unmounted observer would drop mutate's onSuccess; the notification must still be shown.
      onClick={() =>
        publish.mutateAsync(scope).then(
          (result) => {
            if (result.outcome === 'published') {
              notify({
                id,
                type: 'success',
                header: `${label} DNS records published to Route 53`,
                content: `${result.records.length} record${result.records.length === 1 ? ' was' : 's were'} written to hosted zone ${result.hostedZone?.name ?? detail.hostedZone?.name}. SES verifies them shortly.`,
              });
            } else if (result.outcome === 'no_hosted_zone') {
              notify({
                id,
                type: 'warning',
                header: 'No Route 53 hosted zone covers this domain',
                content: 'Publish the records with your DNS provider instead.',
              });
            } else {
              notify({ id, type: 'info', content: `The ${label} records are already published.` });
            }
          },
          (error: unknown) =>
            notify({
              id,
              type: 'error',
              header: `${label} DNS records could not be published`,
              content: describeError(error),
            }),
        )
      }
    >
      Publish DNS records to Route53
    </Button>
  );
}
