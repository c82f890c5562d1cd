import { createHash } from 'node:crypto';
import {
  type Change,
  ChangeResourceRecordSetsCommand,
  type ChangeResourceRecordSetsCommandOutput,
  type ResourceRecordSet,
  type Route53Client,
  type RRType,
} from '@aws-sdk/client-route-53';
import {
  DMARC_RECOMMENDED_VALUE,
  type DmarcPublish,
  type DnsRecord,
  type HostedZoneRef,
  type PublishChange,
  type PublishPlan,
  type PublishResult,
} from '@ses-console/contract';
import { AppError } from '../errors/app-error.js';
import { failedChangeError, outcomeOfFailedSdkCall } from '../errors/attempt-outcome.js';
import { recordInPlace, sameMx } from './dns-record-match.js';
import { domainOfIdentity, type RequiredRecord } from './dns-records.js';
import { dnsStateOf, getEmailIdentity } from './identity-detail-service.js';
import { bareChangeId, readRecordSet, recordValues } from './route53-zones.js';
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

/**
 * The recommended DMARC record at `_dmarc.<domain>` (the SES console recommends `"v=DMARC1; p=none;"`)
 * and, when asked and the name holds nothing, the change that writes it. Whatever the name holds —
 * a DMARC policy (in place by `recordInPlace`'s one rule) or anything else, TXT or CNAME — is left as it
 * is: publishing never replaces a DMARC policy.
 */
async function planDmarc(
  route53: Route53Client,
  zone: HostedZoneRef,
  domain: string,
  wanted: boolean,
): Promise<{ status: DmarcPublish; planned?: PlannedChange }> {
  const name = `_dmarc.${domain}`;
  const base = { name, recommended: DMARC_RECOMMENDED_VALUE };
  const [txt, cname] = await Promise.all([
    readRecordSet(route53, zone.id, name, 'TXT'),
    readRecordSet(route53, zone.id, name, 'CNAME'),
  ]);
  const existing = [...recordValues(txt), ...recordValues(cname)];
  if (existing.length > 0 || txt?.AliasTarget || cname?.AliasTarget) {
    return { status: { ...base, state: 'existing', existing } };
  }
  if (!wanted) return { status: { ...base, state: 'missing', existing } };
  const record = { purpose: 'DMARC' as const, type: 'TXT' as const, value: DMARC_RECOMMENDED_VALUE };
  // The value written is one `recordInPlace` accepts: what the detail and the diagnostics then show.
  if (!recordInPlace(record, [record.value]))
    throw new Error('the recommended DMARC value is not a DMARC record');
  return {
    status: { ...base, state: 'written', existing },
    planned: {
      change: {
        purpose: 'DMARC',
        type: 'TXT',
        name,
        action: 'create',
        existing: [],
        values: [DMARC_RECOMMENDED_VALUE],
        removed: [],
      },
    },
  };
}

/** Whether the zone holds exactly the values each planned change writes (order aside). */
async function planInPlace(
  route53: Route53Client,
  zoneId: string,
  planned: PlannedChange[],
): Promise<boolean> {
  const sorted = (values: readonly string[]) => [...values].sort().join('\n');
  const checks = await Promise.all(
    planned.map(async ({ change }) => {
      const now = recordValues(await readRecordSet(route53, zoneId, change.name, change.type));
      return sorted(now) === sorted(change.values);
    }),
  );
  return checks.every(Boolean);
}

const isInvalidChangeBatch = (error: unknown) =>
  (error as { name?: unknown } | undefined)?.name === 'InvalidChangeBatch';

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
  options: { dmarc?: boolean } = {},
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
  const [sesChanges, dmarc] = await Promise.all([
    Promise.all(
      wanted.map(async (record) =>
        planRecord(record, await readRecordSet(route53, zone.id, record.name, record.type)),
      ),
    ),
    planDmarc(route53, zone, domainOfIdentity(identity), options.dmarc === true),
  ]);
  const planned = [...sesChanges, dmarc.planned].filter((p): p is PlannedChange => p !== undefined);
  const plan = planOf(planned);
  if (plan.needsConfirmation && confirm !== plan.planId) {
    return {
      outcome: 'needs_confirmation',
      hostedZone: zone,
      records: dns.records,
      plan,
      dmarc: dmarc.status,
    };
  }
  const published = new Set(wanted);
  const records = dns.records.map((r) => (published.has(r) ? { ...r, publishedInRoute53: true } : r));
  const result = { outcome: 'published' as const, hostedZone: zone, records, plan, dmarc: dmarc.status };
  if (planned.length === 0) return result;

  let out: ChangeResourceRecordSetsCommandOutput;
  try {
    out = await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone.id,
        ChangeBatch: {
          Comment: `SES DNS records for ${identity} (${region})`,
          Changes: route53Changes(planned),
        },
      }),
    );
  } catch (error) {
    // A lost answer: the batch was written, the SDK's retry of it is refused (the CREATE now finds its
    // set, the DELETE's values no longer match). When the zone holds exactly what this plan writes,
    // an earlier attempt did it: published, though the change id went with the lost answer.
    const inPlace = isInvalidChangeBatch(error) && (await planInPlace(route53, zone.id, planned));
    const outcome = outcomeOfFailedSdkCall(error, () => inPlace);
    if (outcome === 'done-earlier') return result;
    throw failedChangeError(
      error,
      outcome,
      'The records may have been written: reload the identity to see them before publishing again.',
    );
  }
  return {
    ...result,
    changeId: out.ChangeInfo?.Id ? bareChangeId(out.ChangeInfo.Id) : undefined,
    changeStatus: out.ChangeInfo?.Status,
  };
}
