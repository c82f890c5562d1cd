import type { DnsRecord, IdentityDetail } from '@ses-console/contract';

/** True when Route 53 hosts the domain and some of this container's records are not in it yet. */
export function canPublish(detail: IdentityDetail, records: DnsRecord[]): boolean {
  const publishable = records.filter((r) => r.publishable);
  return !!detail.hostedZone && publishable.length > 0 && publishable.some((r) => !r.publishedInRoute53);
}
