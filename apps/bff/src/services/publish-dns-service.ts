import { createHash } from 'node:crypto';
import {
  type Change,
  ChangeResourceRecordSetsCommand,
  type ResourceRecordSet,
  type RRType,
} from '@aws-sdk/client-route-53';
import type { DnsRecord, PublishChange, PublishPlan, PublishResult } from '@ses-console/contract';
import { AppError } from '../errors/app-error.js';
import { callAws } from '../errors/aws-error-map.js';
import { recordInPlace, sameMx } from './dns-record-match.js';
import type { RequiredRecord } from './dns-records.js';
import { dnsStateOf, getEmailIdentity } from './identity-detail-service.js';
import { readRecordSet, recordValues } from './route53-zones.js';
import type { ServiceContext } from './service-context.js';
import { isSpf, mergeAmazonSesInclude } from './spf-record.js';

/** TTL of created records (the SES console's choice is not documented; 30 min is a common one). */
export const PUBLISH_TTL_SECONDS = 1800;

export type PublishScope = 'all' | 'dkim' | 'mail-from';

function inScope(record: DnsRecord, scope: PublishScope): boolean {
  if (scope === 'all') return true;
  return scope === 'dkim' ? record.purpose === 'DKIM' : record.purpose !== 'DKIM';
}

/** A change to write, with the set as read (its exact values and TTL, for the DELETE that guards it). */
interface PlannedChange {
  change: PublishChange;
  current?: ResourceRecordSet;
}

/**
 * What publishing `record` would do to the set the zone has at its name and type (`undefined`: it is
 * already what SES asks for). Never drops a value without saying so: an MX or CNAME that has to go is a
 * `replace`, an SPF record that has to carry SES's include is a `merge`, both written only once confirmed.
 */
function planRecord(
  record: RequiredRecord,
  current: ResourceRecordSet | undefined,
): PlannedChange | undefined {
  const existing = recordValues(current);
  if (recordInPlace(record, existing)) return undefined;
  const base = { purpose: record.purpose, type: record.type, name: record.name };
  if (current?.AliasTarget || current?.SetIdentifier !== undefined) {
    throw new AppError(
      409,
      'RecordSetNotSimple',
      `${record.name} has a ${record.type} record set with an alias or a routing policy; publish SES's ${record.type} record there by hand.`,
    );
  }
  if (existing.length === 0) {
    return { change: { ...base, action: 'create', existing, values: [record.value], removed: [] } };
  }
  if (record.purpose === 'MAIL_FROM_SPF') {
    const spf = existing.filter(isSpf);
    if (spf.length === 0) {
      return {
        change: { ...base, action: 'add', existing, values: [...existing, record.value], removed: [] },
        current,
      };
    }
    const merged = mergeAmazonSesInclude(spf);
    return {
      change: {
        ...base,
        action: 'merge',
        existing,
        values: [...existing.filter((v) => !isSpf(v)), merged],
        removed: spf,
        note:
          spf.length === 1
            ? `include:amazonses.com is added to the existing SPF record; its other mechanisms stay (a name may have only one SPF record).`
            : `${record.name} has ${spf.length} SPF records (a permerror: SPF fails for every sender); they become one, with include:amazonses.com.`,
      },
      current,
    };
  }
  const removed = existing.filter((v) => !(record.type === 'MX' && sameMx(v, record.value)));
  const note =
    record.type === 'MX'
      ? `SES needs its MX record to be the only one on a MAIL FROM domain (with another, MAIL FROM setup fails), so ${removed.join(', ')} would go: mail sent to addresses at ${record.name} would no longer reach ${removed.length === 1 ? 'it' : 'them'}.`
      : `The CNAME at ${record.name} points to ${existing.join(', ')} now.`;
  return { change: { ...base, action: 'replace', existing, values: [record.value], removed, note }, current };
}

function planOf(planned: PlannedChange[]): PublishPlan {
  const changes = planned.map((p) => p.change);
  const fingerprint = changes.map((c) => [c.type, c.name.toLowerCase(), c.existing, c.values]);
  return {
    changes,
    needsConfirmation: changes.some((c) => c.action === 'merge' || c.action === 'replace'),
    planId: createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex').slice(0, 32),
  };
}

/**
 * Route 53 changes for the plan. A set that exists is DELETEd with exactly the values and TTL read and
 * CREATEd anew in the same batch (keeping its TTL): if anyone changed it since, Route 53 refuses the
 * whole batch (InvalidChangeBatch) instead of our overwriting what we did not show.
 */
function route53Changes(planned: PlannedChange[]): Change[] {
  return planned.flatMap(({ change, current }): Change[] => {
    const write: Change = {
      Action: 'CREATE',
      ResourceRecordSet: {
        Name: change.name,
        Type: change.type as RRType,
        TTL: current?.TTL ?? PUBLISH_TTL_SECONDS,
        ResourceRecords: change.values.map((Value) => ({ Value })),
      },
    };
    return current ? [{ Action: 'DELETE', ResourceRecordSet: current }, write] : [write];
  });
}

/**
 * Publishes the records SES asks for into the public hosted zone of the domain (longest suffix), in one
 * batch. New sets are created and SES's TXT joins other TXT values at once; changing an existing value
 * (an SPF merge, replacing an MX or CNAME) answers `needs_confirmation` with the plan, and is written only
 * when the request confirms that plan's id. A repeat finds everything in place and writes nothing.
 */
export async function publishDnsRecords(
  ctx: ServiceContext,
  region: string,
  identity: string,
  scope: PublishScope,
  confirm?: string,
): Promise<PublishResult> {
  const ses = await getEmailIdentity(ctx, region, identity);
  const dns = await dnsStateOf(ctx, region, identity, ses);
  const wanted = dns.records.filter((r) => r.publishable && inScope(r, scope));
  if (wanted.length === 0) {
    return { outcome: 'nothing_to_publish', hostedZone: dns.hostedZone, records: dns.records };
  }
  const zone = dns.hostedZone;
  if (!zone) return { outcome: 'no_hosted_zone', records: dns.records };

  const route53 = ctx.clients.route53();
  const planned = (
    await Promise.all(
      wanted.map(async (record) =>
        planRecord(record, await readRecordSet(route53, zone.id, record.name, record.type)),
      ),
    )
  ).filter((p): p is PlannedChange => p !== undefined);
  const plan = planOf(planned);
  if (plan.needsConfirmation && confirm !== plan.planId) {
    return { outcome: 'needs_confirmation', hostedZone: zone, records: dns.records, plan };
  }
  const published = new Set(wanted);
  const records = dns.records.map((r) => (published.has(r) ? { ...r, publishedInRoute53: true } : r));
  if (planned.length === 0) return { outcome: 'published', hostedZone: zone, records, plan };

  const out = await callAws(() =>
    route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone.id,
        ChangeBatch: {
          Comment: `SES DNS records for ${identity} (${region})`,
          Changes: route53Changes(planned),
        },
      }),
    ),
  );
  return {
    outcome: 'published',
    hostedZone: zone,
    changeId: out.ChangeInfo?.Id?.replace(/^\/?change\//, ''),
    changeStatus: out.ChangeInfo?.Status,
    records,
    plan,
  };
}
