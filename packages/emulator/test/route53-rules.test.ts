import { randomUUID } from 'node:crypto';
import {
  type Change,
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorOptionsFromEnv, type RunningEmulator, startEmulator } from '../src/index.js';
import { createZone, rejectionOf, route53Client } from './route53-helpers.js';

/**
 * Route 53's remaining ChangeResourceRecordSets / CreateHostedZone rules, each with AWS's code and
 * text, and each shown to leave the zone untouched when it refuses one change of a batch.
 */

const NS = 'xmlns="https://route53.amazonaws.com/doc/2013-04-01/"';

describe('Route 53 rules for alias targets, routing policies and request bodies', () => {
  let emulator: RunningEmulator;
  let client: Route53Client;
  let zone: string;
  let zoneId: string;
  let count = 0;

  const change = (changes: Change[], id = zoneId) =>
    client.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: id, ChangeBatch: { Changes: changes } }));
  const names = async (id = zoneId) =>
    (
      (await client.send(new ListResourceRecordSetsCommand({ HostedZoneId: id }))).ResourceRecordSets ?? []
    ).map((r) => `${r.Name} ${r.Type}${r.SetIdentifier ? ` ${r.SetIdentifier}` : ''}`);
  const a = (name: string, ip = '192.0.2.1'): ResourceRecordSet => ({
    Name: name,
    Type: 'A',
    TTL: 60,
    ResourceRecords: [{ Value: ip }],
  });
  const alias = (name: string, target: string, targetZone = zoneId, type = 'A'): ResourceRecordSet => ({
    Name: name,
    Type: type as 'A',
    AliasTarget: { HostedZoneId: targetZone, DNSName: target, EvaluateTargetHealth: false },
  });
  /** The batch is refused with `name`/`message`, and the zone is exactly as before (nothing written). */
  const expectRefusedAtomically = async (changes: Change[], name: string, message: string) => {
    const before = await names();
    const error = await rejectionOf(change(changes));
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(await names()).toEqual(before);
  };
  const good = (): Change => ({ Action: 'CREATE', ResourceRecordSet: a(`good-${randomUUID()}.${zone}`) });

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url);
  });
  beforeEach(async () => {
    count += 1;
    zone = `rules${count}.example.com`;
    ({ zoneId } = await createZone(client, zone));
  });
  afterAll(() => emulator.close());

  describe('alias targets', () => {
    it('when an alias names an existing record set of its type in its own zone, then it is written', async () => {
      await change([{ Action: 'CREATE', ResourceRecordSet: a(`www.${zone}`) }]);
      await change([{ Action: 'CREATE', ResourceRecordSet: alias(zone, `www.${zone}`) }]);
      expect(await names()).toContain(`${zone}. A`);
    });

    it('when the alias target is created earlier in the same batch, then the batch is accepted', async () => {
      await change([
        { Action: 'CREATE', ResourceRecordSet: a(`origin.${zone}`) },
        { Action: 'CREATE', ResourceRecordSet: alias(`cdn.${zone}`, `origin.${zone}`) },
      ]);
      expect(await names()).toEqual(expect.arrayContaining([`cdn.${zone}. A`, `origin.${zone}. A`]));
    });

    it('when the alias target does not exist in the target zone, then it is "that target was not found" and nothing is written', async () => {
      await expectRefusedAtomically(
        [good(), { Action: 'CREATE', ResourceRecordSet: alias(`app.${zone}`, `missing.${zone}`) }],
        'InvalidChangeBatch',
        `[Tried to create an alias that targets missing.${zone}., type A in zone ${zoneId}, but that target was not found]`,
      );
    });

    it('when the alias target exists with another type, then it is not found (the type must match)', async () => {
      await change([{ Action: 'CREATE', ResourceRecordSet: a(`v4only.${zone}`) }]);
      await expectRefusedAtomically(
        [
          good(),
          { Action: 'UPSERT', ResourceRecordSet: alias(`v6.${zone}`, `v4only.${zone}`, zoneId, 'AAAA') },
        ],
        'InvalidChangeBatch',
        `[Tried to create an alias that targets v4only.${zone}., type AAAA in zone ${zoneId}, but that target was not found]`,
      );
    });

    it('when the alias target lies outside the target zone, then both AWS messages are given and nothing is written', async () => {
      await expectRefusedAtomically(
        [good(), { Action: 'CREATE', ResourceRecordSet: alias(`out.${zone}`, 'elsewhere.example.org') }],
        'InvalidChangeBatch',
        `[Tried to create an alias that targets elsewhere.example.org., type A in zone ${zoneId}, but the alias target name does not lie within the target zone, ` +
          `Tried to create an alias that targets elsewhere.example.org., type A in zone ${zoneId}, but that target was not found]`,
      );
    });

    it('when the alias targets a record in another zone of the account, then that zone is searched', async () => {
      const other = `other${count}.example.net`;
      const { zoneId: otherId } = await createZone(client, other);
      await change([{ Action: 'CREATE', ResourceRecordSet: a(`api.${other}`) }], otherId);
      await change([{ Action: 'CREATE', ResourceRecordSet: alias(`api.${zone}`, `api.${other}`, otherId) }]);
      await expectRefusedAtomically(
        [
          {
            Action: 'CREATE',
            ResourceRecordSet: alias(`web.${zone}`, `web.${other}`, `/hostedzone/${otherId}`),
          },
        ],
        'InvalidChangeBatch',
        `[Tried to create an alias that targets web.${other}., type A in zone ${otherId}, but that target was not found]`,
      );
    });

    it('when the alias targets an AWS service zone (CloudFront), then it is accepted as is', async () => {
      await change([
        {
          Action: 'CREATE',
          ResourceRecordSet: alias(`static.${zone}`, 'd111111abcdef8.cloudfront.net', 'Z2FDTNDATAQYW2'),
        },
      ]);
      expect(await names()).toContain(`static.${zone}. A`);
    });
  });

  describe('SetIdentifier and routing policies', () => {
    const where = (action: string, name: string, type: string, setId: string | null) =>
      `in Change with [Action=${action}, Name=${name}, Type=${type}, SetIdentifier=${setId}]`;

    it.each<[string, Partial<ResourceRecordSet>]>([
      ['Weight', { Weight: 10 }],
      ['Region (latency)', { Region: 'eu-west-1' }],
      ['Failover', { Failover: 'PRIMARY' }],
      ['GeoLocation', { GeoLocation: { CountryCode: 'DE' } }],
      ['MultiValueAnswer', { MultiValueAnswer: true }],
      ['MultiValueAnswer false', { MultiValueAnswer: false }],
    ])(
      'when a %s record has no SetIdentifier, then it is "Missing field \'SetIdentifier\'" and nothing is written',
      async (_, policy) => {
        const name = `policy.${zone}`;
        await expectRefusedAtomically(
          [good(), { Action: 'UPSERT', ResourceRecordSet: { ...a(name), ...policy } }],
          'InvalidInput',
          `Invalid request: Missing field 'SetIdentifier' ${where('UPSERT', name, 'A', null)}`,
        );
      },
    );

    it('when a SetIdentifier comes without a routing policy, then it is "Expected exactly one of … but found none"', async () => {
      const name = `plain.${zone}`;
      await expectRefusedAtomically(
        [good(), { Action: 'CREATE', ResourceRecordSet: { ...a(name), SetIdentifier: 'blue' } }],
        'InvalidInput',
        'Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, or MultiValueAnswer], ' +
          `but found none ${where('CREATE', name, 'A', 'blue')}`,
      );
    });

    it('when a record names two routing policies, then it is "… but found more than one"', async () => {
      const name = `two.${zone}`;
      await expectRefusedAtomically(
        [
          good(),
          {
            Action: 'CREATE',
            ResourceRecordSet: { ...a(name), SetIdentifier: 'x', Weight: 1, Region: 'us-east-1' },
          },
        ],
        'InvalidInput',
        'Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, or MultiValueAnswer], ' +
          `but found more than one ${where('CREATE', name, 'A', 'x')}`,
      );
    });

    it('when weighted records each carry a SetIdentifier, then they live side by side under one name', async () => {
      const name = `w.${zone}`;
      await change([
        {
          Action: 'CREATE',
          ResourceRecordSet: { ...a(name, '192.0.2.1'), SetIdentifier: 'blue', Weight: 70 },
        },
        {
          Action: 'CREATE',
          ResourceRecordSet: { ...a(name, '192.0.2.2'), SetIdentifier: 'green', Weight: 30 },
        },
        {
          Action: 'CREATE',
          ResourceRecordSet: { ...a(`f.${zone}`), SetIdentifier: 'p', Failover: 'PRIMARY' },
        },
        {
          Action: 'CREATE',
          ResourceRecordSet: { ...a(`m.${zone}`), SetIdentifier: 'm1', MultiValueAnswer: true },
        },
      ]);
      expect(await names()).toEqual(
        expect.arrayContaining([`${name}. A blue`, `${name}. A green`, `f.${zone}. A p`, `m.${zone}. A m1`]),
      );
    });
  });

  describe('request bodies and names', () => {
    const rawChange = (action: string, type: string, extra = '') =>
      fetch(`${emulator.url}/2013-04-01/hostedzone/${zoneId}/rrset`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body:
          `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest ${NS}><ChangeBatch><Changes>` +
          `<Change><Action>${action}</Action><ResourceRecordSet><Name>x.${zone}</Name><Type>${type}</Type>${extra}` +
          '<TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords>' +
          '</ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>',
      });

    it('when the Type is not one of the schema enumeration, then it is InvalidInput with the XML validator text', async () => {
      await expectRefusedAtomically(
        [good(), { Action: 'CREATE', ResourceRecordSet: { ...a(`t.${zone}`), Type: 'a' as 'A' } }],
        'InvalidInput',
        "Invalid XML ; cvc-enumeration-valid: Value 'a' is not facet-valid with respect to enumeration " +
          "'[SOA, A, TXT, NS, CNAME, MX, NAPTR, PTR, SRV, SPF, AAAA, CAA, DS, TLSA, SSHFP, SVCB, HTTPS]'. " +
          'It must be a value from the enumeration.',
      );
    });

    it('when the Action or Failover is not in its enumeration, then the raw answer is the XML validator text', async () => {
      const badAction = await rawChange('INSERT', 'A');
      expect(badAction.status).toBe(400);
      const actionBody = await badAction.text();
      expect(actionBody).toContain('<Code>InvalidInput</Code>');
      expect(actionBody).toContain(
        "Invalid XML ; cvc-enumeration-valid: Value 'INSERT' is not facet-valid with respect to enumeration " +
          "'[CREATE, DELETE, UPSERT]'. It must be a value from the enumeration.",
      );
      const badFailover = await rawChange(
        'CREATE',
        'A',
        '<SetIdentifier>s</SetIdentifier><Failover>BACKUP</Failover>',
      );
      expect(badFailover.status).toBe(400);
      expect(await badFailover.text()).toContain(
        "Value 'BACKUP' is not facet-valid with respect to enumeration '[PRIMARY, SECONDARY]'",
      );
      expect(await names()).toEqual([`${zone}. NS`, `${zone}. SOA`]);
    });

    it('when a record name contains a space, then it is UnsupportedCharacter quoting the space and nothing is written', async () => {
      await expectRefusedAtomically(
        [good(), { Action: 'CREATE', ResourceRecordSet: a(`has space.${zone}`) }],
        'InvalidChangeBatch',
        "[FATAL problem: UnsupportedCharacter (Value contains unsupported characters) encountered with ' ']",
      );
    });

    it("when a batch exceeds 1000 records, then the message is exactly AWS's and nothing is written", async () => {
      const values = Array.from({ length: 501 }, (_, i) => ({
        Value: `10.1.${Math.floor(i / 250)}.${i % 250}`,
      }));
      await expectRefusedAtomically(
        [
          good(),
          {
            Action: 'UPSERT',
            ResourceRecordSet: { Name: `many.${zone}`, Type: 'A', TTL: 60, ResourceRecords: values },
          },
        ],
        'InvalidChangeBatch',
        '[Number of records limit of 1000 exceeded.]',
      );
    });
  });
});

describe('Route 53 hosted zones AWS does not allow', () => {
  let emulator: RunningEmulator;
  let strict: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    strict = await startEmulator({ port: 0, route53ReservedNames: true });
  });
  afterAll(async () => {
    await emulator.close();
    await strict.close();
  });

  const create = (target: RunningEmulator, name: string) =>
    route53Client(target.url).send(
      new CreateHostedZoneCommand({ Name: name, CallerReference: randomUUID() }),
    );

  it.each(['com', 'com.', 'TEST'])(
    'when a zone is asked for the top-level domain %s, then it is InvalidDomainName (400)',
    async (name) => {
      const error = await rejectionOf(create(emulator, name));
      expect(error.name).toBe('InvalidDomainName');
      expect(error.message).toBe(`${name.replace(/\.$/, '').toLowerCase()} is reserved by AWS!`);
      expect(error.$metadata.httpStatusCode).toBe(400);
    },
  );

  it('when reserved names are enforced, then example.com and names below it are refused as AWS does', async () => {
    for (const name of ['example.com', 'shop.example.org']) {
      const error = await rejectionOf(create(strict, name));
      expect(error.name).toBe('InvalidDomainName');
      expect(error.message).toBe(`${name} is reserved by AWS!`);
    }
    const ok = await create(strict, 'example.co.uk');
    expect(ok.HostedZone?.Name).toBe('example.co.uk.');
  });

  it('when reserved names are not enforced (the default), then example.com zones can be created for local work', async () => {
    const ok = await create(emulator, `local-${randomUUID().slice(0, 8)}.example.com`);
    expect(ok.HostedZone?.Id).toMatch(/^\/hostedzone\/Z/);
  });
});

describe('EMULATOR_ROUTE53_RESERVED_NAMES', () => {
  it('when it is on, off, unset or anything else, then the option follows or the start is refused naming it', () => {
    expect(emulatorOptionsFromEnv({ EMULATOR_ROUTE53_RESERVED_NAMES: 'on' }).route53ReservedNames).toBe(true);
    expect(emulatorOptionsFromEnv({ EMULATOR_ROUTE53_RESERVED_NAMES: 'off' }).route53ReservedNames).toBe(
      false,
    );
    expect(emulatorOptionsFromEnv({}).route53ReservedNames).toBe(false);
    expect(() => emulatorOptionsFromEnv({ EMULATOR_ROUTE53_RESERVED_NAMES: 'yes' })).toThrow(
      'EMULATOR_ROUTE53_RESERVED_NAMES must be "on" or "off", not "yes"',
    );
  });
});
