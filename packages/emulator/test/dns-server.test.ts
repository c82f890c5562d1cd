import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDnsServer, startDnsServer } from '../src/dns/dns-server.js';
import { answerFromZones, type HostedZoneRecords } from '../src/dns/zone-answers.js';

// The wire layer alone, with a zone given as data; the Route 53-backed server is tested in dns-route53.test.ts.
const records: Record<string, Array<{ type: string; ttl: number; values: string[] }>> = {
  'example.com': [
    {
      type: 'SOA',
      ttl: 900,
      values: ['ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400'],
    },
    { type: 'NS', ttl: 172800, values: ['ns-1.awsdns-01.org.', 'ns-2.awsdns-02.com.'] },
    { type: 'TXT', ttl: 300, values: ['"v=spf1 include:amazonses.com ~all"', '"a" "b"'] },
  ],
  'tok._domainkey.example.com': [{ type: 'CNAME', ttl: 1800, values: ['tok.dkim.amazonses.com'] }],
  'mail.example.com': [{ type: 'MX', ttl: 300, values: ['10 feedback-smtp.us-east-1.amazonses.com'] }],
  'alias.example.com': [{ type: 'CNAME', ttl: 60, values: ['mail.example.com'] }],
};
const zone: HostedZoneRecords = {
  name: 'example.com',
  recordSets: (name) => records[name] ?? [],
  hasNamesBelow: (name) => Object.keys(records).some((n) => n.endsWith(`.${name}`)),
};

describe('emulator DNS server (wire format)', () => {
  let server: RunningDnsServer;
  let resolver: Resolver;
  beforeAll(async () => {
    server = await startDnsServer({
      host: '127.0.0.1',
      port: 0,
      source: (q) =>
        answerFromZones(
          { zoneFor: (n) => (n === 'example.com' || n.endsWith('.example.com') ? zone : undefined) },
          q,
        ),
    });
    resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${server.port}`]);
  });
  afterAll(() => server.close());

  it('when a CNAME, MX, TXT, SOA and NS are asked, then Node’s resolver gets the zone’s values', async () => {
    expect(await resolver.resolveCname('tok._domainkey.example.com')).toEqual(['tok.dkim.amazonses.com']);
    expect(await resolver.resolveMx('mail.example.com')).toEqual([
      { exchange: 'feedback-smtp.us-east-1.amazonses.com', priority: 10 },
    ]);
    expect(await resolver.resolveTxt('example.com')).toEqual([
      ['v=spf1 include:amazonses.com ~all'],
      ['a', 'b'],
    ]);
    expect(await resolver.resolveSoa('example.com')).toMatchObject({
      nsname: 'ns-1.awsdns-01.org',
      serial: 1,
      minttl: 86400,
    });
    expect((await resolver.resolveNs('example.com')).sort()).toEqual([
      'ns-1.awsdns-01.org',
      'ns-2.awsdns-02.com',
    ]);
  });

  it('when an MX is asked of a CNAME, then the chain is followed inside the zone', async () => {
    expect(await resolver.resolveMx('alias.example.com')).toEqual([
      { exchange: 'feedback-smtp.us-east-1.amazonses.com', priority: 10 },
    ]);
  });

  it('when a name is in no zone or absent from its zone, then the answer is NXDOMAIN; a missing type is NODATA', async () => {
    await expect(resolver.resolveTxt('nothing.invalid')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolveTxt('absent.example.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolveMx('example.com')).rejects.toMatchObject({ code: 'ENODATA' });
    // An empty non-terminal exists (names live below it): NODATA, not NXDOMAIN.
    await expect(resolver.resolveTxt('_domainkey.example.com')).rejects.toMatchObject({ code: 'ENODATA' });
  });
});
