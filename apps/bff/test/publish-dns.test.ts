import { ChangeResourceRecordSetsCommand, GetChangeCommand } from '@aws-sdk/client-route-53';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutEmailIdentityMailFromAttributesCommand,
} from '@aws-sdk/client-sesv2';
import { apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { createZone, recordSets } from './support/route53.js';

describe('publish DNS records to Route 53', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
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

  const publish = (identity: string, body: object = {}) =>
    request(h.app)
      .post(url(apiPaths.publishDns, { region: REGION, identity }))
      .send(body);

  it('when the request has no body at all, then it publishes every record, as the OpenAPI document says the body is optional', async () => {
    const domain = `${unique('pub-nobody')}.com`;
    await createZone(h.route53, domain);
    await domainWithMailFrom(domain);
    const doc = await request(h.app).get(apiPaths.openapi);
    const operation = doc.body.paths['/api/regions/{region}/identities/{identity}/publish-dns'].post;
    expect(operation.requestBody.required).toBe(false);

    const res = await request(h.app).post(url(apiPaths.publishDns, { region: REGION, identity: domain }));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('published');
    expect(res.body.records.map((r: { purpose: string }) => r.purpose)).toEqual([
      'DKIM',
      'DKIM',
      'DKIM',
      'MAIL_FROM_MX',
      'MAIL_FROM_SPF',
    ]);
    expect(res.body.records.every((r: { publishedInRoute53: boolean }) => r.publishedInRoute53)).toBe(true);
  });

  it('when a subdomain identity has zones for the apex and the subdomain, then exactly the records SES asks for go to the longest-suffix zone', async () => {
    const apex = `${unique('pub')}.com`;
    const shop = `shop.${apex}`;
    const identity = `mail.${shop}`;
    const apexZone = await createZone(h.route53, apex);
    const shopZone = await createZone(h.route53, shop);
    await createZone(h.route53, identity, { id: 'vpc-1', region: 'us-east-1' }); // private: must be skipped
    const tokens = await domainWithMailFrom(identity);
    const zoneName = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
    const signingZone = zoneName.DkimAttributes?.SigningHostedZone;

    const res = await publish(identity);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'published',
      hostedZone: { id: shopZone, name: shop },
      changeId: expect.any(String),
      changeStatus: expect.stringMatching(/^(PENDING|INSYNC)$/),
    });
    expect(res.body.records.every((r: { publishedInRoute53: boolean }) => r.publishedInRoute53)).toBe(true);

    const sets = await recordSets(h.route53, shopZone);
    const simplified = sets
      .map((s) => ({
        name: s.Name,
        type: s.Type,
        ttl: s.TTL,
        values: s.ResourceRecords?.map((r) => r.Value),
      }))
      .sort((a, b) => `${a.name}${a.type}`.localeCompare(`${b.name}${b.type}`));
    const expected = [
      ...tokens.map((t) => ({
        name: `${t}._domainkey.${identity}.`,
        type: 'CNAME',
        ttl: 1800,
        values: [`${t}.${signingZone}`],
      })),
      {
        name: `bounce.${identity}.`,
        type: 'MX',
        ttl: 1800,
        values: ['10 feedback-smtp.us-east-1.amazonses.com'],
      },
      {
        name: `bounce.${identity}.`,
        type: 'TXT',
        ttl: 1800,
        values: ['"v=spf1 include:amazonses.com ~all"'],
      },
    ].sort((a, b) => `${a.name}${a.type}`.localeCompare(`${b.name}${b.type}`));
    expect(simplified).toEqual(expected);
    expect(await recordSets(h.route53, apexZone)).toEqual([]);

    const change = await h.route53.send(new GetChangeCommand({ Id: res.body.changeId }));
    expect(change.ChangeInfo?.Status).toMatch(/PENDING|INSYNC/);

    const detail = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity }));
    expect(detail.body.hostedZone).toEqual({ id: shopZone, name: shop });
    expect(detail.body.dnsRecords).toHaveLength(5);
    expect(detail.body.dnsRecords.every((r: { publishedInRoute53: boolean }) => r.publishedInRoute53)).toBe(
      true,
    );
  });

  it('when the records are published twice, then the second publish changes nothing', async () => {
    const domain = `${unique('twice')}.com`;
    const zone = await createZone(h.route53, domain);
    await domainWithMailFrom(domain);
    expect((await publish(domain)).body.outcome).toBe('published');
    const first = await recordSets(h.route53, zone);
    const again = await publish(domain);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('published');
    expect(await recordSets(h.route53, zone)).toEqual(first);
    expect(first).toHaveLength(5);
  });

  it('when no public zone covers the domain, then the outcome is no_hosted_zone and records stay unpublished', async () => {
    const domain = `${unique('nozone')}.org`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const res = await publish(domain);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('no_hosted_zone');
    expect(res.body.hostedZone).toBeUndefined();
    expect(res.body.records).toHaveLength(3);
    expect(res.body.records.every((r: { publishedInRoute53: boolean }) => !r.publishedInRoute53)).toBe(true);
  });

  it('when only the DKIM scope is published, then the MAIL FROM records are left alone', async () => {
    const domain = `${unique('scope')}.com`;
    const zone = await createZone(h.route53, domain);
    await domainWithMailFrom(domain);
    const res = await publish(domain, { scope: 'dkim' });
    expect(res.body.outcome).toBe('published');
    const types = (await recordSets(h.route53, zone)).map((s) => s.Type);
    expect(types).toEqual(['CNAME', 'CNAME', 'CNAME']);
    const byPurpose = Object.fromEntries(
      res.body.records.map((r: { purpose: string; publishedInRoute53: boolean }) => [
        r.purpose,
        r.publishedInRoute53,
      ]),
    );
    expect(byPurpose).toEqual({ DKIM: true, MAIL_FROM_MX: false, MAIL_FROM_SPF: false });
  });

  it('when the MAIL FROM name already has another TXT value, then publishing keeps it next to the SPF value', async () => {
    const domain = `${unique('keep')}.com`;
    const zone = await createZone(h.route53, domain);
    await domainWithMailFrom(domain);
    await h.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: `bounce.${domain}`,
                Type: 'TXT',
                TTL: 300,
                ResourceRecords: [{ Value: '"site-verification=abc"' }],
              },
            },
          ],
        },
      }),
    );
    await publish(domain);
    const txt = (await recordSets(h.route53, zone)).find((s) => s.Type === 'TXT');
    expect(txt?.ResourceRecords?.map((r) => r.Value).sort()).toEqual(
      ['"site-verification=abc"', '"v=spf1 include:amazonses.com ~all"'].sort(),
    );
  });

  describe('when the MAIL FROM name already has records (finding 10: they were replaced without a word)', () => {
    const SES_MX = '10 feedback-smtp.us-east-1.amazonses.com';
    const OLD_MX = '10 inbound.example.net';
    const OLD_SPF = '"v=spf1 include:_spf.google.com ~all"';
    const OTHER_TXT = '"site-verification=abc"';

    async function zoneWithMailFromRecords(
      domain: string,
      sets: Array<{ type: 'MX' | 'TXT'; values: string[] }>,
    ) {
      const zone = await createZone(h.route53, domain);
      await domainWithMailFrom(domain);
      await h.route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zone,
          ChangeBatch: {
            Changes: sets.map(({ type, values }) => ({
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: `bounce.${domain}`,
                Type: type,
                TTL: 300,
                ResourceRecords: values.map((Value) => ({ Value })),
              },
            })),
          },
        }),
      );
      return zone;
    }

    const setsAt = async (
      zone: string,
      name: string,
    ): Promise<Record<string, { ttl?: number; values?: Array<string | undefined> }>> =>
      Object.fromEntries(
        (await recordSets(h.route53, zone))
          .filter((s) => s.Name === `${name}.`)
          .map((s) => [s.Type, { ttl: s.TTL, values: s.ResourceRecords?.map((r) => r.Value) }]),
      );

    it('when MAIL FROM is published over an existing MX and SPF TXT, then the answer lists what would change and nothing is written', async () => {
      const domain = `${unique('ask')}.com`;
      const zone = await zoneWithMailFromRecords(domain, [
        { type: 'MX', values: [OLD_MX] },
        { type: 'TXT', values: [OLD_SPF, OTHER_TXT] },
      ]);
      const before = await recordSets(h.route53, zone);

      const res = await publish(domain, { scope: 'mail-from' });
      expect(res.status).toBe(200);
      expect(res.body.outcome).toBe('needs_confirmation');
      expect(res.body.plan).toEqual({
        needsConfirmation: true,
        planId: expect.stringMatching(/^[0-9a-f]{32}$/),
        changes: expect.arrayContaining([
          {
            action: 'replace',
            purpose: 'MAIL_FROM_MX',
            type: 'MX',
            name: `bounce.${domain}`,
            existing: [OLD_MX],
            values: [SES_MX],
            removed: [OLD_MX],
            note: expect.stringMatching(
              /only one.*inbound\.example\.net would go: mail sent to addresses at bounce\./,
            ),
          },
          {
            action: 'merge',
            purpose: 'MAIL_FROM_SPF',
            type: 'TXT',
            name: `bounce.${domain}`,
            existing: [OLD_SPF, OTHER_TXT],
            values: [OTHER_TXT, '"v=spf1 include:_spf.google.com include:amazonses.com ~all"'],
            removed: [OLD_SPF],
            note: expect.stringMatching(/include:amazonses.com is added to the existing SPF record/),
          },
        ]),
      });
      expect(res.body.plan.changes).toHaveLength(2);
      expect(await recordSets(h.route53, zone)).toEqual(before);
      const detail = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity: domain }));
      const mailFrom = detail.body.dnsRecords.filter((r: { purpose: string }) => r.purpose !== 'DKIM');
      expect(mailFrom.map((r: { publishedInRoute53: boolean }) => r.publishedInRoute53)).toEqual([
        false,
        false,
      ]);
    });

    it('when that plan is confirmed, then the SPF record keeps its include and gains SES’s (still one SPF), the other TXT stays, and SES’s MX is the one MX', async () => {
      const domain = `${unique('merge')}.com`;
      const zone = await zoneWithMailFromRecords(domain, [
        { type: 'MX', values: [OLD_MX] },
        { type: 'TXT', values: [OLD_SPF, OTHER_TXT] },
      ]);
      const asked = await publish(domain, { scope: 'mail-from' });
      const res = await publish(domain, { scope: 'mail-from', confirm: asked.body.plan.planId });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'published', changeId: expect.any(String) });

      const sets = await setsAt(zone, `bounce.${domain}`);
      expect(sets.TXT?.ttl).toBe(300);
      expect(sets.TXT?.values).toEqual([
        OTHER_TXT,
        '"v=spf1 include:_spf.google.com include:amazonses.com ~all"',
      ]);
      expect(sets.TXT?.values?.filter((v) => v?.startsWith('"v=spf1'))).toHaveLength(1);
      expect(sets.MX).toEqual({ ttl: 300, values: [SES_MX] });

      const detail = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity: domain }));
      const mailFrom = detail.body.dnsRecords.filter((r: { purpose: string }) => r.purpose !== 'DKIM');
      expect(mailFrom.map((r: { publishedInRoute53: boolean }) => r.publishedInRoute53)).toEqual([
        true,
        true,
      ]);
      // SES (the emulator's verification engine) accepts the MAIL FROM domain as published.
      await request(h.app).post(apiPaths.emulatorClock).send({ advanceSeconds: 120 });
      const ses = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
      expect(ses.MailFromAttributes?.MailFromDomainStatus).toBe('SUCCESS');
      expect((await publish(domain, { scope: 'mail-from' })).body).toMatchObject({
        outcome: 'published',
        plan: { changes: [], needsConfirmation: false },
      });
    });

    it('when the name has only other TXT values and no MX, then publishing adds SES’s records at once, keeping them (no confirmation)', async () => {
      const domain = `${unique('additive')}.com`;
      const zone = await zoneWithMailFromRecords(domain, [{ type: 'TXT', values: [OTHER_TXT] }]);
      const res = await publish(domain, { scope: 'mail-from' });
      expect(res.body.outcome).toBe('published');
      expect(
        res.body.plan.changes.map((c: { action: string; type: string }) => `${c.action} ${c.type}`).sort(),
      ).toEqual(['add TXT', 'create MX']);
      const sets = await setsAt(zone, `bounce.${domain}`);
      expect(sets.TXT?.values).toEqual([OTHER_TXT, '"v=spf1 include:amazonses.com ~all"']);
      expect(sets.MX?.values).toEqual([SES_MX]);
    });

    it('when the existing SPF record already includes amazonses.com, then it is left exactly as it is and no second SPF appears', async () => {
      const domain = `${unique('spfok')}.com`;
      const spf = '"v=spf1 include:_spf.google.com include:amazonses.com -all"';
      const zone = await zoneWithMailFromRecords(domain, [{ type: 'TXT', values: [spf] }]);
      const res = await publish(domain, { scope: 'mail-from' });
      expect(res.body.outcome).toBe('published');
      expect(res.body.plan.changes.map((c: { type: string }) => c.type)).toEqual(['MX']);
      expect((await setsAt(zone, `bounce.${domain}`)).TXT).toEqual({ ttl: 300, values: [spf] });
    });

    it('when the zone changes between the plan and its confirmation, then the answer is a new plan and nothing is written', async () => {
      const domain = `${unique('race')}.com`;
      const zone = await zoneWithMailFromRecords(domain, [{ type: 'MX', values: [OLD_MX] }]);
      const asked = await publish(domain, { scope: 'mail-from' });
      await h.route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zone,
          ChangeBatch: {
            Changes: [
              {
                Action: 'UPSERT',
                ResourceRecordSet: {
                  Name: `bounce.${domain}`,
                  Type: 'MX',
                  TTL: 300,
                  ResourceRecords: [{ Value: OLD_MX }, { Value: '20 backup.example.net' }],
                },
              },
            ],
          },
        }),
      );
      const before = await recordSets(h.route53, zone);
      const res = await publish(domain, { scope: 'mail-from', confirm: asked.body.plan.planId });
      expect(res.body.outcome).toBe('needs_confirmation');
      expect(res.body.plan.planId).not.toBe(asked.body.plan.planId);
      expect(res.body.plan.changes.find((c: { type: string }) => c.type === 'MX')?.removed).toEqual([
        OLD_MX,
        '20 backup.example.net',
      ]);
      expect(await recordSets(h.route53, zone)).toEqual(before);
    });

    it('when a domain is created with publishing on over existing MAIL FROM records, then the publish step is skipped saying why, and nothing is written', async () => {
      const domain = `${unique('createask')}.com`;
      const zone = await createZone(h.route53, domain);
      await h.route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zone,
          ChangeBatch: {
            Changes: [
              {
                Action: 'CREATE',
                ResourceRecordSet: {
                  Name: `mail.${domain}`,
                  Type: 'MX',
                  TTL: 300,
                  ResourceRecords: [{ Value: OLD_MX }],
                },
              },
            ],
          },
        }),
      );
      const res = await request(h.app)
        .post(url(apiPaths.identities, { region: REGION }))
        .send({
          type: 'DOMAIN',
          name: domain,
          publishToRoute53: true,
          mailFrom: { domain: `mail.${domain}` },
        });
      expect(res.status).toBe(201);
      expect(res.body.steps.at(-1)).toEqual({
        step: 'publish-dns',
        status: 'skipped',
        message: `Publishing would change records already at mail.${domain}: publish from the identity page to review them`,
      });
      expect(res.body.publish.outcome).toBe('needs_confirmation');
      expect(
        (await recordSets(h.route53, zone)).map((s) => `${s.Type} ${s.ResourceRecords?.[0]?.Value}`),
      ).toEqual([`MX ${OLD_MX}`]);
    });
  });

  it('when the identity is an email address, then there is nothing to publish', async () => {
    const address = `${unique('x')}@example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: address }));
    const res = await publish(address);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'nothing_to_publish', records: [] });
  });

  it('when the identity does not exist, then 404', async () => {
    const res = await publish(`${unique('ghost')}.com`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
  });

  it('when the scope is unknown, then 400 names scope', async () => {
    const res = await publish('example.com', { scope: 'everything' });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors[0].field).toBe('scope');
  });

  it('when a domain is created with publishing on, then the publish step succeeds and the records are in the zone', async () => {
    const domain = `${unique('createpub')}.com`;
    const zone = await createZone(h.route53, domain);
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain, publishToRoute53: true, mailFrom: { domain: `mail.${domain}` } });
    expect(res.status).toBe(201);
    expect(res.body.complete).toBe(true);
    expect(res.body.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'create-identity:succeeded',
      'mail-from:succeeded',
      'publish-dns:succeeded',
    ]);
    expect(res.body.publish).toMatchObject({ outcome: 'published', hostedZone: { id: zone, name: domain } });
    expect(await recordSets(h.route53, zone)).toHaveLength(5);
  });

  it('when the publish step of a create fails, then the identity exists and the steps say which step failed and why', async () => {
    const domain = `${unique('conflict')}.com`;
    const zone = await createZone(h.route53, domain);
    await h.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: `mail.${domain}`,
                Type: 'CNAME',
                TTL: 300,
                ResourceRecords: [{ Value: 'elsewhere.example.net' }],
              },
            },
          ],
        },
      }),
    );
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain, publishToRoute53: true, mailFrom: { domain: `mail.${domain}` } });
    expect(res.status).toBe(201);
    expect(res.body.complete).toBe(false);
    expect(res.body.steps.slice(0, 2)).toEqual([
      { step: 'create-identity', status: 'succeeded' },
      { step: 'mail-from', status: 'succeeded' },
    ]);
    expect(res.body.steps[2]).toMatchObject({
      step: 'publish-dns',
      status: 'failed',
      message: expect.stringMatching(/CNAME|conflict/i),
    });
    expect(res.body.identity.name).toBe(domain);
    const direct = await request(h.app)
      .post(url(apiPaths.publishDns, { region: REGION, identity: domain }))
      .send({});
    expect(direct.status).toBe(400);
    expect(direct.body.error.code).toBe('InvalidChangeBatch');
    // The batch is all-or-nothing: no DKIM record went in either.
    expect((await recordSets(h.route53, zone)).map((s) => s.Type)).toEqual(['CNAME']);
  });

  it('when a domain is created with publishing on but no zone, then the publish step is skipped with the reason', async () => {
    const domain = `${unique('createnozone')}.net`;
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain, publishToRoute53: true });
    expect(res.status).toBe(201);
    expect(res.body.complete).toBe(true);
    expect(res.body.steps.at(-1)).toEqual({
      step: 'publish-dns',
      status: 'skipped',
      message: `No public Route 53 hosted zone covers ${domain}`,
    });
    expect(res.body.publish.outcome).toBe('no_hosted_zone');
  });
});
