import type { DnsRecord, IdentityDetail } from '@ses-console/contract';

/**
 * True when Route 53 hosts the domain, some of this container's records are not in it yet, and
 * publishing them would change something: not while their check has FAILED, since SES has stopped
 * looking (DKIM: re-create the identity; MAIL FROM: save the MAIL FROM domain again to restart).
 */
export function canPublish(detail: IdentityDetail, records: DnsRecord[]): boolean {
  const publishable = records.filter((r) => r.publishable);
  const stopped = publishable.some((r) =>
    r.purpose === 'DKIM' ? detail.dkim?.status === 'FAILED' : detail.mailFrom?.status === 'FAILED',
  );
  return (
    !!detail.hostedZone &&
    !stopped &&
    publishable.length > 0 &&
    publishable.some((r) => !r.publishedInRoute53)
  );
}
