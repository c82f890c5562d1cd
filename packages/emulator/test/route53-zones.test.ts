import { randomUUID } from 'node:crypto';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  DeleteHostedZoneCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListHostedZonesCommand,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { createZone, rejectionOf, route53Client } from './route53-helpers.js';

describe('Route 53 hosted zones', () => {
  let emulator: RunningEmulator;
  let client: Route53Client;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url);
  });
  afterAll(() => emulator.close());

  it('when a public zone is created, then it answers 201 with Location, PENDING change and four awsdns name servers', async () => {
    const out = await client.send(
      new CreateHostedZoneCommand({
        Name: 'Create.Example.com',
        CallerReference: randomUUID(),
        HostedZoneConfig: { Comment: 'main zone' },
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(201);
    expect(out.HostedZone?.Id).toMatch(/^\/hostedzone\/Z[A-Z0-9]{1,31}$/);
    expect(out.Location).toBe(`${emulator.url}/2013-04-01${out.HostedZone?.Id}`);
    expect(out.HostedZone).toMatchObject({
      Name: 'create.example.com.',
      Config: { Comment: 'main zone', PrivateZone: false },
      ResourceRecordSetCount: 2,
    });
    expect(out.ChangeInfo?.Id).toMatch(/^\/change\/C[A-Z0-9]+$/);
    expect(out.ChangeInfo?.Status).toBe('PENDING');
    expect(out.ChangeInfo?.SubmittedAt).toBeInstanceOf(Date);
    expect(out.DelegationSet?.NameServers).toHaveLength(4);
    for (const ns of out.DelegationSet?.NameServers ?? [])
      expect(ns).toMatch(/^ns-\d+\.awsdns-\d\d\.[a-z.]+[a-z]$/);
  });

  it('when the same CallerReference is used twice, then the second is HostedZoneAlreadyExists (409)', async () => {
    const ref = randomUUID();
    await client.send(new CreateHostedZoneCommand({ Name: 'once.example.com', CallerReference: ref }));
    const error = await rejectionOf(
      client.send(new CreateHostedZoneCommand({ Name: 'twice.example.com', CallerReference: ref })),
    );
    expect(error.name).toBe('HostedZoneAlreadyExists');
    expect(error.message).toBe('A hosted zone has already been created with the specified caller reference.');
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it.each([
    ['bad..example.com', 'Domain label is empty'],
    [`${'a'.repeat(64)}.example.com`, 'Domain label is too long'],
    ['has space.example.com', 'Value contains unsupported characters'],
  ])('when the zone name is %s, then it is InvalidDomainName (400) saying why', async (name, why) => {
    const error = await rejectionOf(
      client.send(new CreateHostedZoneCommand({ Name: name, CallerReference: randomUUID() })),
    );
    expect(error.name).toBe('InvalidDomainName');
    expect(error.message).toContain(why);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when a private zone is asked for without a VPC, then it is InvalidInput naming VPCId and VPCRegion', async () => {
    const error = await rejectionOf(
      client.send(
        new CreateHostedZoneCommand({
          Name: 'internal.example.com',
          CallerReference: randomUUID(),
          HostedZoneConfig: { PrivateZone: true },
        }),
      ),
    );
    expect(error.name).toBe('InvalidInput');
    expect(error.message).toContain('VPCId and VPCRegion');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when a private zone is created with a VPC, then GetHostedZone shows PrivateZone and the VPC but no delegation set', async () => {
    const out = await client.send(
      new CreateHostedZoneCommand({
        Name: 'private.example.com',
        CallerReference: randomUUID(),
        VPC: { VPCId: 'vpc-123', VPCRegion: 'eu-west-1' },
      }),
    );
    expect(out.VPC).toEqual({ VPCId: 'vpc-123', VPCRegion: 'eu-west-1' });
    const got = await client.send(new GetHostedZoneCommand({ Id: out.HostedZone?.Id }));
    expect(got.HostedZone?.Config?.PrivateZone).toBe(true);
    expect(got.VPCs).toEqual([{ VPCId: 'vpc-123', VPCRegion: 'eu-west-1' }]);
    expect(got.DelegationSet).toBeUndefined();
  });

  it('when a zone is fetched by its prefixed or bare id, then both return it with its name servers', async () => {
    const { zoneId, DelegationSet } = await createZone(client, 'get.example.com');
    const byBare = await client.send(new GetHostedZoneCommand({ Id: zoneId }));
    const byPrefixed = await client.send(new GetHostedZoneCommand({ Id: `/hostedzone/${zoneId}` }));
    expect(byBare.HostedZone?.Name).toBe('get.example.com.');
    expect(byPrefixed.HostedZone?.Id).toBe(`/hostedzone/${zoneId}`);
    expect(byBare.DelegationSet?.NameServers).toEqual(DelegationSet?.NameServers);
  });

  it('when an unknown zone is fetched, then it is NoSuchHostedZone (404) naming the id', async () => {
    const error = await rejectionOf(client.send(new GetHostedZoneCommand({ Id: 'ZDOESNOTEXIST' })));
    expect(error.name).toBe('NoSuchHostedZone');
    expect(error.message).toBe('No hosted zone found with ID: ZDOESNOTEXIST');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('when a zone has only its SOA and NS, then it can be deleted and is gone afterwards', async () => {
    const { zoneId } = await createZone(client, 'delete-me.example.com');
    const out = await client.send(new DeleteHostedZoneCommand({ Id: zoneId }));
    expect(out.ChangeInfo?.Status).toBe('PENDING');
    const error = await rejectionOf(client.send(new GetHostedZoneCommand({ Id: zoneId })));
    expect(error.name).toBe('NoSuchHostedZone');
  });

  it('when a zone still holds other records, then DeleteHostedZone is HostedZoneNotEmpty (400)', async () => {
    const { zoneId } = await createZone(client, 'busy.example.com');
    await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: 'www.busy.example.com',
                Type: 'A',
                TTL: 60,
                ResourceRecords: [{ Value: '192.0.2.1' }],
              },
            },
          ],
        },
      }),
    );
    const error = await rejectionOf(client.send(new DeleteHostedZoneCommand({ Id: zoneId })));
    expect(error.name).toBe('HostedZoneNotEmpty');
    expect(error.message).toBe(
      'The specified hosted zone contains non-required resource record sets and so cannot be deleted.',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when an unknown zone is deleted, then it is NoSuchHostedZone (404)', async () => {
    const error = await rejectionOf(client.send(new DeleteHostedZoneCommand({ Id: 'ZNOPE' })));
    expect(error.name).toBe('NoSuchHostedZone');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});

describe('Route 53 zone listings', () => {
  let emulator: RunningEmulator;
  let client: Route53Client;
  const created: { name: string; id: string }[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url);
    for (const name of ['www.example.com', 'example.org', 'example.com', 'a.example.com', 'example.net']) {
      const { zoneId } = await createZone(client, name);
      created.push({ name: `${name}.`, id: zoneId });
    }
  });
  afterAll(() => emulator.close());

  it('when zones are listed by name, then they come in reversed-label order', async () => {
    const out = await client.send(new ListHostedZonesByNameCommand({}));
    expect(out.HostedZones?.map((z) => z.Name)).toEqual([
      'example.com.',
      'a.example.com.',
      'www.example.com.',
      'example.net.',
      'example.org.',
    ]);
    expect(out.IsTruncated).toBe(false);
    expect(out.MaxItems).toBe(100);
  });

  it('when listing by name starts at a dnsname, then it begins there and echoes DNSName', async () => {
    const out = await client.send(new ListHostedZonesByNameCommand({ DNSName: 'example.net', MaxItems: 1 }));
    expect(out.HostedZones?.map((z) => z.Name)).toEqual(['example.net.']);
    expect(out.DNSName).toBe('example.net');
    expect(out.IsTruncated).toBe(true);
    expect(out.NextDNSName).toBe('example.org.');
    expect(out.NextHostedZoneId).toBe(created.find((z) => z.name === 'example.org.')?.id);
  });

  it('when listing by name is paged with NextDNSName and NextHostedZoneId, then every zone is seen once', async () => {
    const seen: string[] = [];
    let next: { DNSName?: string; HostedZoneId?: string } = {};
    for (let i = 0; i < 10; i++) {
      const page = await client.send(new ListHostedZonesByNameCommand({ ...next, MaxItems: 2 }));
      seen.push(...(page.HostedZones ?? []).map((z) => z.Name as string));
      if (!page.IsTruncated) break;
      expect(page.HostedZones).toHaveLength(2);
      next = { DNSName: page.NextDNSName, HostedZoneId: page.NextHostedZoneId };
    }
    expect(seen).toEqual([
      'example.com.',
      'a.example.com.',
      'www.example.com.',
      'example.net.',
      'example.org.',
    ]);
  });

  it('when listing by name gets hostedzoneid without dnsname, then it is InvalidInput (400)', async () => {
    const error = await rejectionOf(
      client.send(new ListHostedZonesByNameCommand({ HostedZoneId: created[0]?.id })),
    );
    expect(error.name).toBe('InvalidInput');
    expect(error.message).toContain('hostedzoneid');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when listing by name gets an invalid dnsname, then it is InvalidDomainName (400)', async () => {
    const error = await rejectionOf(client.send(new ListHostedZonesByNameCommand({ DNSName: 'a..b' })));
    expect(error.name).toBe('InvalidDomainName');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when zones are listed with maxitems, then marker paging returns all of them in creation order', async () => {
    const first = await client.send(new ListHostedZonesCommand({ MaxItems: 3 }));
    expect(first.HostedZones?.map((z) => z.Name)).toEqual(created.slice(0, 3).map((z) => z.name));
    expect(first.IsTruncated).toBe(true);
    expect(first.NextMarker).toBe(created[3]?.id);
    const second = await client.send(new ListHostedZonesCommand({ MaxItems: 3, Marker: first.NextMarker }));
    expect(second.HostedZones?.map((z) => z.Name)).toEqual(created.slice(3).map((z) => z.name));
    expect(second.Marker).toBe(first.NextMarker);
    expect(second.IsTruncated).toBe(false);
    expect(second.NextMarker).toBeUndefined();
  });

  it('when maxitems is above 100, then at most 100 are returned and MaxItems says 100', async () => {
    const out = await client.send(new ListHostedZonesCommand({ MaxItems: 500 }));
    expect(out.MaxItems).toBe(100);
    expect(out.HostedZones).toHaveLength(created.length);
  });

  it('when maxitems is not a positive number, then it is InvalidInput naming maxItems', async () => {
    const res = await fetch(`${emulator.url}/2013-04-01/hostedzone?maxitems=zero`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/xml');
    const body = await res.text();
    expect(body).toContain('<Code>InvalidInput</Code>');
    expect(body).toContain("Value 'zero' at 'maxItems'");
    expect(body).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });

  it('when there are no zones for the account, then the list is empty but the wrapper is present', async () => {
    const res = await fetch(`${emulator.url}/2013-04-01/hostedzone`, {
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=999999999999/20260101/us-east-1/route53/aws4_request, SignedHeaders=host, Signature=00',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    const body = await res.text();
    expect(body).toContain('<ListHostedZonesResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">');
    expect(body).toContain('<HostedZones/>');
  });
});

describe('Route 53 account isolation', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('when two 12-digit access keys are used, then each account sees only its own zones, whatever the signing region', async () => {
    const alice = route53Client(emulator.url, '111111111111');
    const bob = route53Client(emulator.url, '222222222222', 'eu-central-1');
    const { zoneId } = await createZone(alice, 'alice.example.com');
    await createZone(bob, 'bob.example.com');
    const aliceZones = await alice.send(new ListHostedZonesCommand({}));
    const bobZones = await bob.send(new ListHostedZonesByNameCommand({}));
    expect(aliceZones.HostedZones?.map((z) => z.Name)).toEqual(['alice.example.com.']);
    expect(bobZones.HostedZones?.map((z) => z.Name)).toEqual(['bob.example.com.']);
    const error = await rejectionOf(bob.send(new GetHostedZoneCommand({ Id: zoneId })));
    expect(error.name).toBe('NoSuchHostedZone');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});

describe('Route 53 malformed requests', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('when a zone id is badly percent-encoded, then the answer is a 4xx XML error, not a 500', async () => {
    const res = await fetch(`${emulator.url}/2013-04-01/hostedzone/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<ErrorResponse');
  });

  it('when CreateHostedZone has no CallerReference, then it is InvalidInput naming callerReference', async () => {
    const res = await fetch(`${emulator.url}/2013-04-01/hostedzone`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<CreateHostedZoneRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Name>x.example.com</Name></CreateHostedZoneRequest>',
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('<Code>InvalidInput</Code>');
    expect(body).toContain(
      "Value null at 'callerReference' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('Route 53 unimplemented operations', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('when an operation the emulator does not implement is called, then it is a 400 InvalidAction naming the path', async () => {
    const res = await fetch(`${emulator.url}/2013-04-01/healthcheck`);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('<Code>InvalidAction</Code>');
    expect(body).toContain('GET /2013-04-01/healthcheck');
  });
});
