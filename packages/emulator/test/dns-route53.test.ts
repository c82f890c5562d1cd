import { execFile } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import fs from 'node:fs';
import { promisify } from 'node:util';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { createZone, route53Client } from './route53-helpers.js';

describe('emulator DNS server over its Route 53 hosted zones', () => {
  let emulator: RunningEmulator;
  let r53: Route53Client;
  let resolver: Resolver;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, dnsPort: 0 });
    r53 = route53Client(emulator.url);
    resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${emulator.dnsPort}`]);
    const { zoneId } = await createZone(r53, 'dns-test.example');
    await r53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            ['tok1._domainkey.dns-test.example', 'CNAME', 'tok1.dkim.amazonses.com'],
            ['mail.dns-test.example', 'MX', '10 feedback-smtp.us-east-1.amazonses.com'],
            ['mail.dns-test.example', 'TXT', '"v=spf1 include:amazonses.com ~all"'],
          ].map(([Name, Type, Value]) => ({
            Action: 'UPSERT' as const,
            ResourceRecordSet: { Name, Type: Type as 'CNAME', TTL: 1800, ResourceRecords: [{ Value }] },
          })),
        },
      }),
    );
  });
  afterAll(() => emulator.close());

  it('when CNAME, TXT, MX, SOA and NS are asked with Node’s resolver, then the zone’s records come back', async () => {
    expect(await resolver.resolveCname('tok1._domainkey.dns-test.example')).toEqual([
      'tok1.dkim.amazonses.com',
    ]);
    expect(await resolver.resolveTxt('mail.dns-test.example')).toEqual([
      ['v=spf1 include:amazonses.com ~all'],
    ]);
    expect(await resolver.resolveMx('mail.dns-test.example')).toEqual([
      { exchange: 'feedback-smtp.us-east-1.amazonses.com', priority: 10 },
    ]);
    const soa = await resolver.resolveSoa('dns-test.example');
    expect(soa.nsname).toMatch(/awsdns/);
    const ns = await resolver.resolveNs('dns-test.example');
    expect(ns).toHaveLength(4);
  });

  it('when a name lies in no hosted zone, then the answer is NXDOMAIN', async () => {
    await expect(resolver.resolveCname('tok1._domainkey.not-hosted.example')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });

  it('when a record changes through Route 53, then the next query sees the new value', async () => {
    const { zoneId } = await createZone(r53, 'dns-change.example');
    const upsert = (value: string) =>
      r53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: {
            Changes: [
              {
                Action: 'UPSERT',
                ResourceRecordSet: {
                  Name: 'x.dns-change.example',
                  Type: 'CNAME',
                  TTL: 60,
                  ResourceRecords: [{ Value: value }],
                },
              },
            ],
          },
        }),
      );
    await upsert('first.example.net');
    expect(await resolver.resolveCname('x.dns-change.example')).toEqual(['first.example.net']);
    await upsert('second.example.net');
    expect(await resolver.resolveCname('x.dns-change.example')).toEqual(['second.example.net']);
  });

  it('when a private zone has the name, then DNS does not answer from it', async () => {
    await r53.send(
      new CreateHostedZoneCommand({
        Name: 'private-only.example',
        CallerReference: `private-${Date.now()}`,
        VPC: { VPCId: 'vpc-12345678', VPCRegion: 'us-east-1' },
        HostedZoneConfig: { PrivateZone: true },
      }),
    );
    await expect(resolver.resolveSoa('private-only.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  // The emulator runs in this process: dig must run asynchronously so the server can answer.
  it.runIf(fs.existsSync('/usr/bin/dig'))(
    'when dig asks over UDP and TCP, then it gets the CNAME',
    async () => {
      for (const transport of ['+notcp', '+tcp']) {
        const { stdout: out } = await promisify(execFile)('/usr/bin/dig', [
          '@127.0.0.1',
          '-p',
          String(emulator.dnsPort),
          transport,
          '+short',
          'tok1._domainkey.dns-test.example',
          'CNAME',
        ]);
        expect(out.trim()).toBe('tok1.dkim.amazonses.com.');
      }
    },
  );
});
