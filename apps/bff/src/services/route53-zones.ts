import {
  GetChangeCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import type { HostedZoneRef, Route53Change } from '@ses-console/contract';
import { callAws } from '../errors/aws-error-map.js';
import { hostName } from './dns-record-match.js';

export function bareZoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}

/** `a.b.example.com` → `a.b.example.com`, `b.example.com`, `example.com` (longest first). */
export function candidateZoneNames(domain: string): string[] {
  const labels = hostName(domain).split('.');
  const names: string[] = [];
  for (let i = 0; i <= labels.length - 2; i += 1) names.push(labels.slice(i).join('.'));
  return names;
}

/**
 * The public hosted zone Route 53 would serve the domain's records from: the zone whose name is the
 * longest suffix of the domain. Private zones are skipped (they are not what the internet resolves).
 */
export async function findPublicHostedZone(
  route53: Route53Client,
  domain: string,
): Promise<HostedZoneRef | undefined> {
  for (const candidate of candidateZoneNames(domain)) {
    const out = await callAws(() =>
      route53.send(new ListHostedZonesByNameCommand({ DNSName: candidate, MaxItems: 10 })),
    );
    const zone = (out.HostedZones ?? []).find(
      (z) => hostName(z.Name ?? '') === candidate && z.Config?.PrivateZone !== true,
    );
    if (zone?.Id) return { id: bareZoneId(zone.Id), name: hostName(zone.Name ?? candidate) };
  }
  return undefined;
}

/** The record set with exactly this name and type, if the zone has one. */
export async function readRecordSet(
  route53: Route53Client,
  zoneId: string,
  name: string,
  type: string,
): Promise<ResourceRecordSet | undefined> {
  const out = await callAws(() =>
    route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: name,
        StartRecordType: type as ResourceRecordSet['Type'],
        MaxItems: 1,
      }),
    ),
  );
  const first = out.ResourceRecordSets?.[0];
  if (!first || first.Type !== type || hostName(first.Name ?? '') !== hostName(name)) {
    return undefined;
  }
  return first;
}

/** The values of a record set as Route 53 holds them (presentation form); none when there is no set. */
export function recordValues(set: ResourceRecordSet | undefined): string[] {
  return (set?.ResourceRecords ?? []).map((r) => r.Value ?? '');
}

/** `/change/C123` or `C123` → `C123`. */
export function bareChangeId(id: string): string {
  return id.replace(/^\/?change\//, '');
}

/** A Route 53 change and its propagation status (GetChange). */
export async function readChange(route53: Route53Client, changeId: string): Promise<Route53Change> {
  const out = await callAws(() => route53.send(new GetChangeCommand({ Id: changeId })));
  const info = out.ChangeInfo;
  return {
    id: bareChangeId(info?.Id ?? changeId),
    status: info?.Status === 'INSYNC' ? 'INSYNC' : 'PENDING',
    ...(info?.SubmittedAt && { submittedAt: info.SubmittedAt.toISOString() }),
  };
}
