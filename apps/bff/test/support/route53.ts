import {
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';

let ref = 0;

export async function createZone(
  route53: Route53Client,
  name: string,
  vpc?: { id: string; region: string },
): Promise<string> {
  ref += 1;
  const out = await route53.send(
    new CreateHostedZoneCommand({
      Name: name,
      CallerReference: `bff-test-${Date.now()}-${ref}`,
      ...(vpc
        ? {
            VPC: { VPCId: vpc.id, VPCRegion: vpc.region as 'us-east-1' },
            HostedZoneConfig: { PrivateZone: true },
          }
        : {}),
    }),
  );
  return (out.HostedZone?.Id ?? '').replace('/hostedzone/', '');
}

/** Every record set of a zone except the apex SOA and NS, as plain data. */
export async function recordSets(route53: Route53Client, zoneId: string): Promise<ResourceRecordSet[]> {
  const sets: ResourceRecordSet[] = [];
  let start: { StartRecordName?: string; StartRecordType?: ResourceRecordSet['Type'] } = {};
  for (;;) {
    const out = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, ...start }));
    sets.push(...(out.ResourceRecordSets ?? []));
    if (!out.IsTruncated) break;
    start = { StartRecordName: out.NextRecordName, StartRecordType: out.NextRecordType };
  }
  return sets.filter((s) => s.Type !== 'SOA' && s.Type !== 'NS');
}
