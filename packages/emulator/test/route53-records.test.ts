import {
  type Change,
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { createZone, rejectionOf, route53Client } from './route53-helpers.js';

const txt = (name: string, ...values: string[]): ResourceRecordSet => ({
  Name: name,
  Type: 'TXT',
  TTL: 300,
  ResourceRecords: values.map((Value) => ({ Value })),
});
const cname = (name: string, target: string): ResourceRecordSet => ({
  Name: name,
  Type: 'CNAME',
  TTL: 1800,
  ResourceRecords: [{ Value: target }],
});

describe('Route 53 ChangeResourceRecordSets', () => {
  let emulator: RunningEmulator;
  let client: Route53Client;
  let zoneId: string;
  let zoneCount = 0;

  const change = (changes: Change[], id = zoneId) =>
    client.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: id, ChangeBatch: { Changes: changes } }));
  const list = async (id = zoneId) =>
    (await client.send(new ListResourceRecordSetsCommand({ HostedZoneId: id }))).ResourceRecordSets ?? [];
  const expectBatchError = async (changes: Change[], message: string) => {
    const error = await rejectionOf(change(changes));
    expect(error.name).toBe('InvalidChangeBatch');
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url);
  });
  beforeEach(async () => {
    zoneCount += 1;
    ({ zoneId } = await createZone(client, `zone${zoneCount}.example.com`));
  });
  afterAll(() => emulator.close());

  it('when three DKIM CNAMEs are UPSERTed with a comment, then the change is PENDING and the records are listed normalised', async () => {
    const zone = `zone${zoneCount}.example.com`;
    const out = await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: `/hostedzone/${zoneId}`,
        ChangeBatch: {
          Comment: 'SES DKIM records',
          Changes: ['tok1', 'tok2', 'tok3'].map((t) => ({
            Action: 'UPSERT',
            ResourceRecordSet: cname(`${t.toUpperCase()}._domainkey.${zone}`, `${t}.dkim.amazonses.com`),
          })),
        },
      }),
    );
    expect(out.ChangeInfo).toMatchObject({ Status: 'PENDING', Comment: 'SES DKIM records' });
    expect(out.ChangeInfo?.Id).toMatch(/^\/change\/C/);
    const names = (await list()).map((r) => `${r.Name} ${r.Type}`);
    expect(names).toEqual([
      `${zone}. NS`,
      `${zone}. SOA`,
      `tok1._domainkey.${zone}. CNAME`,
      `tok2._domainkey.${zone}. CNAME`,
      `tok3._domainkey.${zone}. CNAME`,
    ]);
    const zoneInfo = await client.send(new GetHostedZoneCommand({ Id: zoneId }));
    expect(zoneInfo.HostedZone?.ResourceRecordSetCount).toBe(5);
  });

  it('when the same UPSERT is repeated, then it succeeds and replaces values without duplicating the set', async () => {
    const name = `mail.zone${zoneCount}.example.com`;
    await change([
      {
        Action: 'UPSERT',
        ResourceRecordSet: {
          Name: name,
          Type: 'MX',
          TTL: 300,
          ResourceRecords: [{ Value: '10 a.example.net' }],
        },
      },
    ]);
    await change([
      {
        Action: 'UPSERT',
        ResourceRecordSet: {
          Name: name,
          Type: 'MX',
          TTL: 600,
          ResourceRecords: [{ Value: '20 b.example.net' }],
        },
      },
    ]);
    const mx = (await list()).filter((r) => r.Type === 'MX');
    expect(mx).toEqual([
      { Name: `${name}.`, Type: 'MX', TTL: 600, ResourceRecords: [{ Value: '20 b.example.net' }] },
    ]);
  });

  it('when CREATE targets an existing record set, then it is rejected with AWS wording', async () => {
    const name = `x.zone${zoneCount}.example.com`;
    await change([{ Action: 'CREATE', ResourceRecordSet: cname(name, 'target.example.net') }]);
    await expectBatchError(
      [{ Action: 'CREATE', ResourceRecordSet: cname(name, 'other.example.net') }],
      `[Tried to create resource record set [name='${name}.', type='CNAME'] but it already exists]`,
    );
  });

  it('when DELETE names a missing record set, then it is "not found"', async () => {
    const name = `gone.zone${zoneCount}.example.com`;
    await expectBatchError(
      [{ Action: 'DELETE', ResourceRecordSet: txt(name, '"v"') }],
      `[Tried to delete resource record set [name='${name}.', type='TXT'] but it was not found]`,
    );
  });

  it('when DELETE values differ from the current ones, then it is rejected and the record stays', async () => {
    const name = `keep.zone${zoneCount}.example.com`;
    await change([{ Action: 'CREATE', ResourceRecordSet: txt(name, '"one"', '"two"') }]);
    await expectBatchError(
      [{ Action: 'DELETE', ResourceRecordSet: txt(name, '"one"') }],
      `[Tried to delete resource record set [name='${name}.', type='TXT'] but the values provided do not match the current values]`,
    );
    await change([{ Action: 'DELETE', ResourceRecordSet: txt(name, '"two"', '"one"') }]);
    expect((await list()).some((r) => r.Type === 'TXT')).toBe(false);
  });

  it('when a batch has one bad change among good ones, then nothing is applied and every problem is listed', async () => {
    const zone = `zone${zoneCount}.example.com`;
    const before = await list();
    await expectBatchError(
      [
        { Action: 'CREATE', ResourceRecordSet: txt(`ok.${zone}`, '"fine"') },
        { Action: 'CREATE', ResourceRecordSet: txt(`bad.${zone}`, 'unquoted') },
        { Action: 'DELETE', ResourceRecordSet: txt(`missing.${zone}`, '"x"') },
      ],
      "[Invalid Resource Record: FATAL problem: InvalidCharacterString (Value should be enclosed in quotation marks) encountered with 'unquoted', " +
        `Tried to delete resource record set [name='missing.${zone}.', type='TXT'] but it was not found]`,
    );
    expect(await list()).toEqual(before);
  });

  it('when a TXT string is longer than 255 characters, then it is CharacterStringTooLong; split strings are accepted', async () => {
    const name = `long.zone${zoneCount}.example.com`;
    const long = `"${'k'.repeat(256)}"`;
    await expectBatchError(
      [{ Action: 'UPSERT', ResourceRecordSet: txt(name, long) }],
      `[Invalid Resource Record: FATAL problem: CharacterStringTooLong (Value is too long) encountered with '${long}']`,
    );
    await change([
      { Action: 'UPSERT', ResourceRecordSet: txt(name, `"${'k'.repeat(255)}" "${'m'.repeat(10)}"`) },
    ]);
  });

  it('when a CNAME would share its name with another record, then both directions are conflicts', async () => {
    const zone = `zone${zoneCount}.example.com`;
    await change([{ Action: 'CREATE', ResourceRecordSet: txt(`both.${zone}`, '"t"') }]);
    await expectBatchError(
      [{ Action: 'CREATE', ResourceRecordSet: cname(`both.${zone}`, 'x.example.net') }],
      `[RRSet of type CNAME with DNS name both.${zone}. is not permitted as it conflicts with other records with the same DNS name in zone ${zone}.]`,
    );
    await change([{ Action: 'CREATE', ResourceRecordSet: cname(`alias.${zone}`, 'x.example.net') }]);
    await expectBatchError(
      [{ Action: 'CREATE', ResourceRecordSet: txt(`alias.${zone}`, '"t"') }],
      `[RRSet of type TXT with DNS name alias.${zone}. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone ${zone}.]`,
    );
  });

  it('when a CNAME is placed at the zone apex, then it is rejected', async () => {
    const zone = `zone${zoneCount}.example.com`;
    await expectBatchError(
      [{ Action: 'CREATE', ResourceRecordSet: cname(zone, 'x.example.net') }],
      `[RRSet of type CNAME with DNS name ${zone}. is not permitted at apex in zone ${zone}.]`,
    );
  });

  it('when a name lies outside the zone, then it is "not permitted in zone"', async () => {
    const zone = `zone${zoneCount}.example.com`;
    await expectBatchError(
      [{ Action: 'CREATE', ResourceRecordSet: txt('www.other.org', '"t"') }],
      `[RRSet with DNS name www.other.org. is not permitted in zone ${zone}.]`,
    );
  });

  it('when the apex SOA or NS is deleted, then it is refused', async () => {
    const apex = (await list()).filter((r) => r.Type === 'SOA' || r.Type === 'NS');
    const [ns, soa] = apex;
    await expectBatchError(
      [{ Action: 'DELETE', ResourceRecordSet: soa as ResourceRecordSet }],
      '[A HostedZone must contain exactly one SOA record.]',
    );
    await expectBatchError(
      [{ Action: 'DELETE', ResourceRecordSet: ns as ResourceRecordSet }],
      '[A HostedZone must contain at least one NS record for the zone itself.]',
    );
  });

  it('when an MX value lacks the priority, then it names the MX format problem', async () => {
    const name = `mx.zone${zoneCount}.example.com`;
    await expectBatchError(
      [
        {
          Action: 'CREATE',
          ResourceRecordSet: {
            Name: name,
            Type: 'MX',
            TTL: 300,
            ResourceRecords: [{ Value: 'feedback-smtp.us-east-1.amazonses.com' }],
          },
        },
      ],
      "[Invalid Resource Record: FATAL problem: MXRRDATANotTwoFields (MX record doesn't have 2 fields) encountered with 'feedback-smtp.us-east-1.amazonses.com']",
    );
  });

  it('when the TTL is out of range, then it is InvalidInput naming the member and the range', async () => {
    const error = await rejectionOf(
      change([
        {
          Action: 'CREATE',
          ResourceRecordSet: { ...txt(`t.zone${zoneCount}.example.com`, '"x"'), TTL: 2147483648 },
        },
      ]),
    );
    expect(error.name).toBe('InvalidInput');
    expect(error.message).toBe(
      "1 validation error detected: Value '2147483648' at 'changeBatch.changes.1.member.resourceRecordSet.tTL' failed to satisfy constraint: Member must be an integer from 0 to 2147483647",
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when TTL and ResourceRecords are missing, then it is InvalidInput in AWS wording', async () => {
    const name = `n.zone${zoneCount}.example.com`;
    const error = await rejectionOf(
      change([{ Action: 'UPSERT', ResourceRecordSet: { Name: name, Type: 'A' } }]),
    );
    expect(error.name).toBe('InvalidInput');
    expect(error.message).toBe(
      'Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], ' +
        `but found none in Change with [Action=UPSERT, Name=${name}, Type=A, SetIdentifier=null]`,
    );
  });

  it('when an A value is not an IPv4 address, then it says so', async () => {
    await expectBatchError(
      [
        {
          Action: 'CREATE',
          ResourceRecordSet: {
            Name: `a.zone${zoneCount}.example.com`,
            Type: 'A',
            TTL: 60,
            ResourceRecords: [{ Value: '300.1.1.1' }],
          },
        },
      ],
      "[Invalid Resource Record: FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '300.1.1.1']",
    );
  });

  it('when a batch has more than 1000 ResourceRecord elements, then it is rejected; exactly 1000 is accepted', async () => {
    const zone = `zone${zoneCount}.example.com`;
    const addresses = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ Value: `10.0.${Math.floor(i / 250)}.${i % 250}` }));
    await change([
      {
        Action: 'CREATE',
        ResourceRecordSet: { Name: `many.${zone}`, Type: 'A', TTL: 60, ResourceRecords: addresses(1000) },
      },
    ]);
    const error = await rejectionOf(
      change([
        {
          Action: 'CREATE',
          ResourceRecordSet: { Name: `more.${zone}`, Type: 'A', TTL: 60, ResourceRecords: addresses(1001) },
        },
      ]),
    );
    expect(error.name).toBe('InvalidChangeBatch');
    expect(error.message).toBe('[Number of records limit of 1000 exceeded.]');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when the values of a batch exceed 32,000 characters, then it is rejected', async () => {
    const zone = `zone${zoneCount}.example.com`;
    const strings = Array.from({ length: 130 }, () => ({ Value: `"${'v'.repeat(250)}"` }));
    const error = await rejectionOf(
      change([
        {
          Action: 'CREATE',
          ResourceRecordSet: { Name: `big.${zone}`, Type: 'TXT', TTL: 60, ResourceRecords: strings },
        },
      ]),
    );
    expect(error.name).toBe('InvalidChangeBatch');
    expect(error.message).toContain('Number of characters limit of 32000 exceeded');
  });

  it('when the zone does not exist, then ChangeResourceRecordSets is NoSuchHostedZone (404)', async () => {
    const error = await rejectionOf(
      change([{ Action: 'UPSERT', ResourceRecordSet: txt('x.example.com', '"v"') }], 'ZMISSING'),
    );
    expect(error.name).toBe('NoSuchHostedZone');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('when a raw AWS CLI-style request body is posted, then it is applied (XML with namespace and declaration)', async () => {
    const zone = `zone${zoneCount}.example.com`;
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">' +
      '<ChangeBatch><Comment>cli</Comment><Changes><Change><Action>UPSERT</Action><ResourceRecordSet>' +
      `<Name>_amazonses.${zone}</Name><Type>TXT</Type><TTL>300</TTL>` +
      '<ResourceRecords><ResourceRecord><Value>&quot;token&quot;</Value></ResourceRecord></ResourceRecords>' +
      '</ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>';
    const res = await fetch(`${emulator.url}/2013-04-01/hostedzone/${zoneId}/rrset/`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml');
    const text = await res.text();
    expect(text).toMatch(
      /<ChangeResourceRecordSetsResponse xmlns="https:\/\/route53.amazonaws.com\/doc\/2013-04-01\/"><ChangeInfo><Id>\/change\/C[A-Z0-9]+<\/Id><Status>PENDING<\/Status><SubmittedAt>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/SubmittedAt><Comment>cli<\/Comment>/,
    );
    expect((await list()).find((r) => r.Type === 'TXT')?.ResourceRecords).toEqual([{ Value: '"token"' }]);
  });

  it('when the request body is not XML, then it is InvalidInput (400), not a server error', async () => {
    const res = await fetch(`${emulator.url}/2013-04-01/hostedzone/${zoneId}/rrset`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<oops',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidInput</Code>');
  });
});

describe('Route 53 ListResourceRecordSets and GetChange', () => {
  let emulator: RunningEmulator;
  let client: Route53Client;
  let zoneId: string;
  const zone = 'paging.example.com';

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url);
    ({ zoneId } = await createZone(client, zone));
    await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            { Action: 'CREATE', ResourceRecordSet: txt(`b.${zone}`, '"b"') },
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: `b.${zone}`,
                Type: 'A',
                TTL: 60,
                ResourceRecords: [{ Value: '192.0.2.2' }],
              },
            },
            { Action: 'CREATE', ResourceRecordSet: txt(`a.${zone}`, '"a"') },
            { Action: 'CREATE', ResourceRecordSet: txt(`z.a.${zone}`, '"za"') },
            { Action: 'CREATE', ResourceRecordSet: txt(`*.${zone}`, '"wild"') },
          ],
        },
      }),
    );
  });
  afterAll(() => emulator.close());

  const all = [
    `${zone}. NS`,
    `${zone}. SOA`,
    `\\052.${zone}. TXT`,
    `a.${zone}. TXT`,
    `z.a.${zone}. TXT`,
    `b.${zone}. A`,
    `b.${zone}. TXT`,
  ];

  it('when records are listed, then they are sorted by reversed name then type, wildcards escaped as \\052', async () => {
    const out = await client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }));
    expect(out.ResourceRecordSets?.map((r) => `${r.Name} ${r.Type}`)).toEqual(all);
    expect(out.IsTruncated).toBe(false);
    expect(out.MaxItems).toBe(300);
  });

  it('when records are paged with maxitems, then NextRecordName/NextRecordType continue without gaps', async () => {
    const seen: string[] = [];
    let start: { StartRecordName?: string; StartRecordType?: ResourceRecordSet['Type'] } = {};
    for (let i = 0; i < 10; i++) {
      const page = await client.send(
        new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, MaxItems: 3, ...start }),
      );
      seen.push(...(page.ResourceRecordSets ?? []).map((r) => `${r.Name} ${r.Type}`));
      if (!page.IsTruncated) break;
      start = { StartRecordName: page.NextRecordName, StartRecordType: page.NextRecordType };
    }
    expect(seen).toEqual(all);
  });

  it('when StartRecordName and StartRecordType are given, then the list starts at that set (the "already published" check)', async () => {
    const out = await client.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: `B.${zone}`,
        StartRecordType: 'TXT',
        MaxItems: 1,
      }),
    );
    expect(out.ResourceRecordSets).toEqual([
      { Name: `b.${zone}.`, Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"b"' }] },
    ]);
    expect(out.IsTruncated).toBe(false);
  });

  it('when type is given without name, then it is InvalidInput (400) with an empty message, as AWS answers', async () => {
    const error = await rejectionOf(
      client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordType: 'TXT' })),
    );
    expect(error.name).toBe('InvalidInput');
    expect(error.$metadata.httpStatusCode).toBe(400);
    const raw = await fetch(`${emulator.url}/2013-04-01/hostedzone/${zoneId}/rrset?type=TXT`);
    expect(raw.status).toBe(400);
    expect(await raw.text()).toContain('<Code>InvalidInput</Code><Message></Message>');
  });

  it('when the zone is unknown, then ListResourceRecordSets is NoSuchHostedZone (404)', async () => {
    const error = await rejectionOf(
      client.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'ZUNKNOWN' })),
    );
    expect(error.name).toBe('NoSuchHostedZone');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('when a change was just submitted, then GetChange reports it PENDING with its comment', async () => {
    const out = await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Comment: 'fresh',
          Changes: [{ Action: 'UPSERT', ResourceRecordSet: txt(`c.${zone}`, '"c"') }],
        },
      }),
    );
    const got = await client.send(new GetChangeCommand({ Id: out.ChangeInfo?.Id }));
    expect(got.ChangeInfo).toMatchObject({ Id: out.ChangeInfo?.Id, Status: 'PENDING', Comment: 'fresh' });
    expect(got.ChangeInfo?.SubmittedAt?.toISOString()).toBe(out.ChangeInfo?.SubmittedAt?.toISOString());
  });

  it('when the change id is unknown, then GetChange is NoSuchChange (404)', async () => {
    const error = await rejectionOf(client.send(new GetChangeCommand({ Id: 'CNOSUCHCHANGE' })));
    expect(error.name).toBe('NoSuchChange');
    expect(error.message).toContain('CNOSUCHCHANGE');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});

// A batch of 40,000 changes used to block the process for 32 s: planning compared every touched name
// with every record (and copied a growing list per repeated set). These assert what the client sees for
// such batches; the time is a row in bench/ (`pnpm bench`), not a test assertion.
describe('Route 53 ChangeResourceRecordSets with 40,000 changes', () => {
  const SIZE = 40_000;
  const TIMEOUT_MS = 30_000; // room for a busy machine: the client alone serialises 8 MB of XML
  let emulator: RunningEmulator;
  let client: Route53Client;
  let zone: string;
  let zoneId: string;
  let zones = 0;

  // Aliases to a CloudFront distribution (an AWS service zone the emulator does not model, so accepted
  // as is): an alias into one of the account's zones must name a record set that exists there.
  const alias = (name: string): ResourceRecordSet => ({
    Name: name,
    Type: 'A',
    AliasTarget: {
      HostedZoneId: 'Z2FDTNDATAQYW2',
      DNSName: 'd111111abcdef8.cloudfront.net',
      EvaluateTargetHealth: false,
    },
  });
  const creates = (count: number): Change[] =>
    Array.from({ length: count }, (_, i) => ({
      Action: 'CREATE',
      ResourceRecordSet: alias(`r${i}.${zone}`),
    }));
  const change = (changes: Change[]) =>
    client.send(
      new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } }),
    );
  const recordSetCount = async () =>
    (await client.send(new GetHostedZoneCommand({ Id: zoneId }))).HostedZone?.ResourceRecordSetCount;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url);
  });
  beforeEach(async () => {
    zones += 1;
    zone = `big${zones}.example.com`;
    ({ zoneId } = await createZone(client, zone));
  });
  afterAll(() => emulator.close());

  it(
    'when 40,000 alias records are created in one batch, then every one is in the zone',
    async () => {
      const out = await change(creates(SIZE));
      expect(out.ChangeInfo?.Status).toBe('PENDING');
      expect(await recordSetCount()).toBe(SIZE + 2);
      const last = await client.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          StartRecordName: `r${SIZE - 1}.${zone}`,
          StartRecordType: 'A',
          MaxItems: 1,
        }),
      );
      expect(last.ResourceRecordSets?.[0]).toMatchObject({ Name: `r${SIZE - 1}.${zone}.`, Type: 'A' });
    },
    TIMEOUT_MS,
  );

  it(
    'when the last of 40,000 changes is a CNAME beside an A record, then InvalidChangeBatch names it and nothing is written',
    async () => {
      const changes = creates(SIZE - 1);
      changes.push({
        Action: 'CREATE',
        ResourceRecordSet: { Name: `r0.${zone}`, Type: 'CNAME', TTL: 60, ResourceRecords: [{ Value: zone }] },
      });
      const error = await rejectionOf(change(changes));
      expect(error.name).toBe('InvalidChangeBatch');
      expect(error.message).toBe(
        `[RRSet of type CNAME with DNS name r0.${zone}. is not permitted as it conflicts with other records with the same DNS name in zone ${zone}.]`,
      );
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(await recordSetCount()).toBe(2);
    },
    TIMEOUT_MS,
  );

  it(
    'when 40,000 changes all UPSERT the same record set, then InvalidChangeBatch refuses every repeat and nothing is written',
    async () => {
      const changes: Change[] = Array.from({ length: SIZE }, () => ({
        Action: 'UPSERT',
        ResourceRecordSet: alias(`same.${zone}`),
      }));
      const error = await rejectionOf(change(changes));
      expect(error.name).toBe('InvalidChangeBatch');
      const repeat = `The request contains an invalid set of changes for a resource record set 'A same.${zone}.'`;
      expect(error.message).toBe(`[${Array.from({ length: SIZE - 1 }, () => repeat).join(', ')}]`);
      expect(await recordSetCount()).toBe(2);
    },
    TIMEOUT_MS,
  );
});
