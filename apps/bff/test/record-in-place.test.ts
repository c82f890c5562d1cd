import { ChangeResourceRecordSetsCommand, type RRType } from '@aws-sdk/client-route-53';
import { CreateEmailIdentityCommand, PutEmailIdentityMailFromAttributesCommand } from '@aws-sdk/client-sesv2';
import { apiPaths, type DnsCheck, type DnsRecord } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byodkimKey } from './support/byodkim.js';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { createZone } from './support/route53.js';

/**
 * The Route 53 column of the detail page and the live DNS diagnostics read the same zone (the
 * emulator's DNS server answers from its Route 53 store), so for every name they must say the same:
 * "published" exactly when DNS says "found".
 */
describe('one record rule: the Route 53 column and live DNS agree', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ dns: true });
  });
  afterAll(async () => {
    await h.close();
  });

  async function put(zoneId: string, name: string, type: RRType, values: string[]): Promise<void> {
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

  /** A domain with Easy DKIM and MAIL FROM `bounce.<domain>` in a public zone: its DKIM tokens. */
  async function domainInZone(): Promise<{ domain: string; zoneId: string; tokens: string[] }> {
    const domain = `${unique('agree')}.com`;
    const zoneId = await createZone(h.route53, domain);
    const created = await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await h.ses().send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: domain,
        MailFromDomain: `bounce.${domain}`,
      }),
    );
    return { domain, zoneId, tokens: created.DkimAttributes?.Tokens ?? [] };
  }

  /** `purpose name` → [published in Route 53, found by DNS], for every record SES asks for. */
  async function verdicts(domain: string): Promise<Record<string, [boolean, boolean]>> {
    const params = { region: REGION, identity: domain };
    const detail = await request(h.app).get(url(apiPaths.identity, params));
    const dns = await request(h.app).get(url(apiPaths.dnsDiagnostics, params));
    expect(detail.status).toBe(200);
    expect(dns.status).toBe(200);
    const checks = dns.body.checks as DnsCheck[];
    const out: Record<string, [boolean, boolean]> = {};
    for (const record of detail.body.dnsRecords as DnsRecord[]) {
      const check = checks.find((c) => c.purpose === record.purpose && c.name === record.name);
      out[`${record.purpose} ${record.name}`] = [record.publishedInRoute53, check?.state === 'found'];
    }
    return out;
  }

  it('when the zone holds SES’s records in other spellings (case, trailing dots, TXT split into strings), then both say in place', async () => {
    const { domain, zoneId, tokens } = await domainInZone();
    const [first] = tokens;
    await put(zoneId, `${first}._domainkey.${domain}`, 'CNAME', [`${first}.DKIM.AmazonSES.com.`]);
    await put(zoneId, `bounce.${domain}`, 'MX', [`10 FEEDBACK-SMTP.${REGION}.AmazonSES.com.`]);
    await put(zoneId, `bounce.${domain}`, 'TXT', [
      '"google-site-verification=abc"',
      '"v=spf1 include:_spf.example.net include:amazon" "ses.com ~all"',
    ]);

    const seen = await verdicts(domain);
    expect(seen[`DKIM ${first}._domainkey.${domain}`]).toEqual([true, true]);
    expect(seen[`MAIL_FROM_MX bounce.${domain}`]).toEqual([true, true]);
    expect(seen[`MAIL_FROM_SPF bounce.${domain}`]).toEqual([true, true]);
    for (const [record, [published, found]] of Object.entries(seen)) expect(published, record).toBe(found);
  });

  it('when the MX has a second exchange, the priority differs, or the name has two SPF records, then both say not in place', async () => {
    const { domain, zoneId, tokens } = await domainInZone();
    const [first] = tokens;
    await put(zoneId, `${first}._domainkey.${domain}`, 'CNAME', [`${first}.dkim.amazonses.com.example.net`]);
    await put(zoneId, `bounce.${domain}`, 'MX', [
      `10 feedback-smtp.${REGION}.amazonses.com`,
      '20 mx.example.net',
    ]);
    await put(zoneId, `bounce.${domain}`, 'TXT', ['"v=spf1 include:amazonses.com ~all"', '"v=spf1 -all"']);

    const seen = await verdicts(domain);
    expect(seen[`DKIM ${first}._domainkey.${domain}`]).toEqual([false, false]);
    expect(seen[`MAIL_FROM_MX bounce.${domain}`]).toEqual([false, false]);
    expect(seen[`MAIL_FROM_SPF bounce.${domain}`]).toEqual([false, false]);

    await put(zoneId, `bounce.${domain}`, 'MX', [`20 feedback-smtp.${REGION}.amazonses.com`]);
    expect((await verdicts(domain))[`MAIL_FROM_MX bounce.${domain}`]).toEqual([false, false]);
  });

  it('when a BYODKIM selector holds a key split into strings, then both count it, and a revoked key (empty p=) counts for neither', async () => {
    const domain = `${unique('agree-byo')}.com`;
    const zoneId = await createZone(h.route53, domain);
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const set = await request(h.app)
      .put(url(apiPaths.dkim, { region: REGION, identity: domain }))
      .send({ signing: { origin: 'EXTERNAL', selector: 'sel1', privateKey: byodkimKey() } });
    expect(set.status).toBe(200);
    const name = `sel1._domainkey.${domain}`;

    await put(zoneId, name, 'TXT', ['"v=DKIM1; k=rsa; " "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC"']);
    expect((await verdicts(domain))[`DKIM ${name}`]).toEqual([true, true]);

    await put(zoneId, name, 'TXT', ['"v=DKIM1; k=rsa; p="']);
    expect((await verdicts(domain))[`DKIM ${name}`]).toEqual([false, false]);
  });
});
