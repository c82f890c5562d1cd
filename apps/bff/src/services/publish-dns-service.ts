import { type Change, ChangeResourceRecordSetsCommand, type RRType } from '@aws-sdk/client-route-53';
import type { DnsRecord, PublishResult } from '@ses-console/contract';
import { callAws } from '../errors/aws-error-map.js';
import { SPF_VALUE } from './dns-records.js';
import { dnsStateOf, getEmailIdentity } from './identity-detail-service.js';
import { readRecordSet, recordValues } from './route53-zones.js';
import type { ServiceContext } from './service-context.js';

/** TTL of published records (the SES console's choice is not documented; 30 min is a common one). */
export const PUBLISH_TTL_SECONDS = 1800;

export type PublishScope = 'all' | 'dkim' | 'mail-from';

function inScope(record: DnsRecord, scope: PublishScope): boolean {
  if (scope === 'all') return true;
  return scope === 'dkim' ? record.purpose === 'DKIM' : record.purpose !== 'DKIM';
}

/**
 * The record set to UPSERT. CNAME and MX are replaced by SES's value (a CNAME has one value; SES needs
 * exactly one MX on the MAIL FROM name). The SPF TXT keeps the name's other TXT strings (except a
 * competing SPF record: a name may have only one), so publishing never drops someone's verification TXT.
 */
async function desiredValues(ctx: ServiceContext, zoneId: string, record: DnsRecord): Promise<string[]> {
  if (record.type !== 'TXT') return [record.value];
  const existing = recordValues(await readRecordSet(ctx.clients.route53(), zoneId, record.name, 'TXT'));
  const others = existing.filter(
    (v) => v !== record.value && !(record.value === SPF_VALUE && v.startsWith('"v=spf1')),
  );
  return [...others, record.value];
}

/**
 * Publishes the records SES asks for into the public hosted zone of the domain (longest suffix), in one
 * UPSERT batch. UPSERT makes a repeat harmless: the same sets are written again and nothing changes.
 */
export async function publishDnsRecords(
  ctx: ServiceContext,
  region: string,
  identity: string,
  scope: PublishScope,
): Promise<PublishResult> {
  const ses = await getEmailIdentity(ctx, region, identity);
  const dns = await dnsStateOf(ctx, region, identity, ses);
  const wanted = dns.records.filter((r) => r.publishable && inScope(r, scope));
  if (wanted.length === 0) {
    return { outcome: 'nothing_to_publish', hostedZone: dns.hostedZone, records: dns.records };
  }
  const zone = dns.hostedZone;
  if (!zone) return { outcome: 'no_hosted_zone', records: dns.records };

  const changes: Change[] = await Promise.all(
    wanted.map(async (record) => ({
      Action: 'UPSERT' as const,
      ResourceRecordSet: {
        Name: record.name,
        Type: record.type as RRType,
        TTL: PUBLISH_TTL_SECONDS,
        ResourceRecords: (await desiredValues(ctx, zone.id, record)).map((Value) => ({ Value })),
      },
    })),
  );
  const out = await callAws(() =>
    ctx.clients.route53().send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone.id,
        ChangeBatch: { Comment: `SES DNS records for ${identity} (${region})`, Changes: changes },
      }),
    ),
  );
  const published = new Set(wanted);
  return {
    outcome: 'published',
    hostedZone: zone,
    changeId: out.ChangeInfo?.Id?.replace(/^\/?change\//, ''),
    changeStatus: out.ChangeInfo?.Status,
    records: dns.records.map((r) => (published.has(r) ? { ...r, publishedInRoute53: true } : r)),
  };
}
