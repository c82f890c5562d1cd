import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { ChangeResourceRecordSetsCommand, type RRType } from '@aws-sdk/client-route-53';
import { CreateEmailIdentityCommand, PutEmailIdentityMailFromAttributesCommand } from '@aws-sdk/client-sesv2';
import { apiPaths, type DnsCheck, dnsDiagnosticsResponseSchema } from '@ses-console/contract';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createAwsClients } from '../src/clients/aws-clients.js';
import { createDnsResolver } from '../src/clients/dns-resolver.js';
import { regionInfo } from '../src/regions.js';
import { ACCOUNT_ID, type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { createZone } from './support/route53.js';

describe('DNS diagnostics over real DNS (BFF → Node resolver → emulator DNS server)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ dns: true });
  });
  afterAll(async () => {
    await h.close();
  });

  async function domainWithMailFrom(domain: string): Promise<string[]> {
    const created = await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await h.ses().send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: domain,
        MailFromDomain: `bounce.${domain}`,
      }),
    );
    return created.DkimAttributes?.Tokens ?? [];
  }

  async function upsert(zoneId: string, name: string, type: RRType, values: string[]): Promise<void> {
    await h.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: name,
                Type: type,
                TTL: 300,
                ResourceRecords: values.map((Value) => ({ Value })),
              },
            },
          ],
        },
      }),
    );
  }

  async function diagnose(identity: string): Promise<DnsCheck[]> {
    const res = await request(h.app).get(url(apiPaths.dnsDiagnostics, { region: REGION, identity }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const parsed = dnsDiagnosticsResponseSchema.parse(res.body);
    expect(parsed, 'no field the contract does not know').toEqual(res.body);
    expect(parsed.servers).toEqual([`127.0.0.1:${h.emulator.dnsPort}`]);
    return parsed.checks;
  }

  const states = (checks: DnsCheck[]) => checks.map((c) => `${c.purpose} ${c.type} ${c.state}`);

  it('when nothing is published, then every record SES asks for is missing and DMARC is a missing recommendation', async () => {
    const domain = `${unique('diag-missing')}.com`;
    await createZone(h.route53, domain);
    await domainWithMailFrom(domain);

    const checks = await diagnose(domain);
    expect(states(checks)).toEqual([
      'DKIM CNAME missing',
      'DKIM CNAME missing',
      'DKIM CNAME missing',
      'MAIL_FROM_MX MX missing',
      'MAIL_FROM_SPF TXT missing',
      'DMARC TXT missing',
    ]);
    expect(checks.at(-1)).toMatchObject({
      name: `_dmarc.${domain}`,
      expected: '"v=DMARC1; p=none;"',
      required: false,
      found: [],
    });
  });

  it('when the records are published through the console and a DMARC record exists, then every check is found', async () => {
    const domain = `${unique('diag-found')}.com`;
    const zoneId = await createZone(h.route53, domain);
    await domainWithMailFrom(domain);
    await upsert(zoneId, `_dmarc.${domain}`, 'TXT', ['"v=DMARC1; p=quarantine; rua=mailto:d@example.com"']);
    const published = await request(h.app)
      .post(url(apiPaths.publishDns, { region: REGION, identity: domain }))
      .send({});
    expect(published.body.outcome).toBe('published');

    const checks = await diagnose(domain);
    expect(checks.every((c) => c.state === 'found')).toBe(true);
    expect(checks.find((c) => c.purpose === 'MAIL_FROM_MX')).toMatchObject({
      expected: `10 feedback-smtp.${REGION}.amazonses.com`,
      found: [`10 feedback-smtp.${REGION}.amazonses.com`],
    });
    expect(checks.find((c) => c.purpose === 'MAIL_FROM_SPF')?.found).toEqual([
      '"v=spf1 include:amazonses.com ~all"',
    ]);

    // A TXT record split into several character-strings is read the way receivers read it: joined.
    await upsert(zoneId, `bounce.${domain}`, 'TXT', ['"v=spf1 include:amazon" "ses.com ~all"']);
    const again = await diagnose(domain);
    expect(again.find((c) => c.purpose === 'MAIL_FROM_SPF')).toMatchObject({
      state: 'found',
      found: ['"v=spf1 include:amazonses.com ~all"'],
    });
  });

  it('when a DKIM CNAME points elsewhere (in another letter case), then it is a wrong value naming what was found, and case alone is no mistake', async () => {
    const domain = `${unique('diag-wrong')}.com`;
    const zoneId = await createZone(h.route53, domain);
    const [first, second] = await domainWithMailFrom(domain);
    await upsert(zoneId, `${first}._domainkey.${domain}`, 'CNAME', ['elsewhere.example.net']);
    await upsert(zoneId, `${second}._domainkey.${domain}`, 'CNAME', [`${second}.DKIM.AmazonSES.com.`]);
    await upsert(zoneId, `bounce.${domain}`, 'MX', ['20 feedback-smtp.us-east-1.amazonses.com']);

    const checks = await diagnose(domain);
    expect(checks[0]).toMatchObject({ state: 'wrong_value', found: ['elsewhere.example.net'] });
    expect(checks[1]?.state).toBe('found');
    expect(checks.find((c) => c.purpose === 'MAIL_FROM_MX')).toMatchObject({
      state: 'wrong_value',
      found: ['20 feedback-smtp.us-east-1.amazonses.com'],
    });
  });

  it('when a long domain makes its DKIM names too long for DNS, then each says so with its code once', async () => {
    // A valid domain of about 230 characters: "<token>._domainkey." makes its DKIM names longer than 253.
    const domain = [unique('long'), ...['a', 'b', 'c', 'd'].map((c) => c.repeat(50)), 'com'].join('.');
    expect(domain.length).toBeLessThanOrEqual(253);
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const checks = await diagnose(domain);
    const dkim = checks.filter((c) => c.purpose === 'DKIM');
    expect(dkim).toHaveLength(3);
    for (const check of dkim) {
      expect(check.state).toBe('resolver_error');
      expect(check.detail).toBe(
        'the name is too long for DNS to look up (over 253 characters, or a label over 63) (EBADNAME)',
      );
    }
  });

  it('when the identity does not exist, then the answer is 404 in the error envelope', async () => {
    const res = await request(h.app).get(
      url(apiPaths.dnsDiagnostics, { region: REGION, identity: `${unique('nobody')}.com` }),
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
  });
});

describe('DNS diagnostics when the resolver gives no answer', () => {
  let h: Harness;
  let silent: dgram.Socket;
  beforeAll(async () => {
    h = await startHarness();
    // A UDP "server" that reads queries and never answers.
    silent = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    silent.close();
    await h.close();
  });

  function appWithDns(server: string) {
    return createApp({
      backend: 'emulator',
      clients: createAwsClients({ emulatorEndpoint: h.emulator.url, requestTimeoutMs: 10_000 }),
      regions: [regionInfo(REGION)],
      defaultRegion: REGION,
      accountId: ACCOUNT_ID,
      logger: pino({ level: 'silent' }),
      dns: createDnsResolver({ servers: [server], timeoutMs: 150, tries: 1 }),
    });
  }

  it('when the DNS server times out, then each record is a resolver error (not missing) that says so, quickly', async () => {
    const domain = `${unique('diag-timeout')}.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const port = (silent.address() as AddressInfo).port;
    const started = performance.now();
    const res = await request(appWithDns(`127.0.0.1:${port}`)).get(
      url(apiPaths.dnsDiagnostics, { region: REGION, identity: domain }),
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(res.status).toBe(200);
    const checks = dnsDiagnosticsResponseSchema.parse(res.body).checks;
    expect(checks).toHaveLength(4);
    for (const check of checks) {
      expect(check.state).toBe('resolver_error');
      expect(check.detail).toMatch(/did not answer in time \(ETIMEOUT\)/);
    }
  });

  it('when nothing listens on the DNS server port, then the checks are resolver errors too', async () => {
    const domain = `${unique('diag-refused')}.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const res = await request(appWithDns('127.0.0.1:9')).get(
      url(apiPaths.dnsDiagnostics, { region: REGION, identity: domain }),
    );
    const checks = dnsDiagnosticsResponseSchema.parse(res.body).checks;
    expect(new Set(checks.map((c) => c.state))).toEqual(new Set(['resolver_error']));
  });
});
