import { ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { SetIdentityNotificationTopicCommand } from '@aws-sdk/client-ses';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-sesv2';
import { apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byodkimKey } from './support/byodkim.js';
import { ACCOUNT_ID, type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { topic } from './support/route-cases.js';
import { createZone } from './support/route53.js';

describe('identity edits answer the updated detail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function newDomain(): Promise<string> {
    const domain = `${unique('edit')}.example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    return domain;
  }
  const sdkGet = (identity: string) => h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
  const path = (template: string, identity: string, extra: Record<string, string> = {}) =>
    url(template, { region: REGION, identity, ...extra });

  it('when DKIM signing is turned off and on, then the detail and SES follow', async () => {
    const domain = await newDomain();
    const off = await request(h.app).put(path(apiPaths.dkim, domain)).send({ signingEnabled: false });
    expect(off.status).toBe(200);
    expect(off.body.dkim.signingEnabled).toBe(false);
    expect((await sdkGet(domain)).DkimAttributes?.SigningEnabled).toBe(false);
    const on = await request(h.app).put(path(apiPaths.dkim, domain)).send({ signingEnabled: true });
    expect(on.body.dkim.signingEnabled).toBe(true);
  });

  it('when Easy DKIM switches to BYODKIM, then the detail shows the selector TXT that cannot be published', async () => {
    const domain = await newDomain();
    const res = await request(h.app)
      .put(path(apiPaths.dkim, domain))
      .send({ signing: { origin: 'EXTERNAL', selector: 'sel1', privateKey: byodkimKey() } });
    expect(res.status).toBe(200);
    expect(res.body.dkim).toMatchObject({ origin: 'EXTERNAL', tokens: ['sel1'] });
    expect(res.body.dnsRecords).toEqual([
      {
        purpose: 'DKIM',
        type: 'TXT',
        name: `sel1._domainkey.${domain}`,
        value: '"p=customerProvidedPublicKey"',
        publishedInRoute53: false,
        publishable: false,
      },
    ]);
    const back = await request(h.app)
      .put(path(apiPaths.dkim, domain))
      .send({ signing: { origin: 'AWS_SES', keyLength: 'RSA_1024_BIT' } });
    expect(back.status).toBe(200);
    expect(back.body.dkim).toMatchObject({ origin: 'AWS_SES', nextKeyLength: 'RSA_1024_BIT' });
    expect(back.body.dkim.tokens).toHaveLength(3);
  });

  it('when the owner has put their BYODKIM key in the zone, then the selector TXT shows as published', async () => {
    const domain = `${unique('byo')}.com`;
    const zone = await createZone(h.route53, domain);
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await request(h.app)
      .put(path(apiPaths.dkim, domain))
      .send({ signing: { origin: 'EXTERNAL', selector: 'sel2', privateKey: byodkimKey() } });
    const before = await request(h.app).get(path(apiPaths.identity, domain));
    expect(before.body.dnsRecords[0]).toMatchObject({
      type: 'TXT',
      publishedInRoute53: false,
      publishable: false,
    });
    await h.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: `sel2._domainkey.${domain}`,
                Type: 'TXT',
                TTL: 300,
                ResourceRecords: [{ Value: '"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC"' }],
              },
            },
          ],
        },
      }),
    );
    const after = await request(h.app).get(path(apiPaths.identity, domain));
    expect(after.body.dnsRecords[0]).toMatchObject({
      name: `sel2._domainkey.${domain}`,
      publishedInRoute53: true,
    });
  });

  it('when Easy DKIM is set to the key length it already has, then 400 with the SES message', async () => {
    const domain = await newDomain();
    const res = await request(h.app)
      .put(path(apiPaths.dkim, domain))
      .send({ signing: { origin: 'AWS_SES', keyLength: 'RSA_2048_BIT' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message.length).toBeGreaterThan(0);
  });

  it('when signing attributes are sent for an email address, then 400 names signing', async () => {
    const res = await request(h.app)
      .put(path(apiPaths.dkim, 'me@example.com'))
      .send({ signing: { origin: 'AWS_SES', keyLength: 'RSA_1024_BIT' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field: 'signing', message: 'DKIM signing attributes can be set on domain identities only' },
    ]);
  });

  it('when MAIL FROM is set and then cleared, then the MX/SPF records appear and go', async () => {
    const domain = await newDomain();
    const set = await request(h.app)
      .put(path(apiPaths.mailFrom, domain))
      .send({ domain: `bounce.${domain}`, behaviorOnMxFailure: 'REJECT_MESSAGE' });
    expect(set.status).toBe(200);
    expect(set.body.mailFrom).toEqual({
      domain: `bounce.${domain}`,
      status: 'PENDING',
      behaviorOnMxFailure: 'REJECT_MESSAGE',
    });
    expect(set.body.dnsRecords.map((r: { type: string }) => r.type)).toEqual([
      'CNAME',
      'CNAME',
      'CNAME',
      'MX',
      'TXT',
    ]);
    const cleared = await request(h.app).put(path(apiPaths.mailFrom, domain)).send({ domain: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.mailFrom.domain).toBeUndefined();
    expect(cleared.body.dnsRecords).toHaveLength(3);
    expect((await sdkGet(domain)).MailFromAttributes?.MailFromDomain ?? '').toBe('');
  });

  it('when feedback forwarding is turned off, then the detail says so', async () => {
    // SES lets forwarding go off only for a verified identity whose Bounce and Complaint have topics.
    const domain = await newDomain();
    await createZone(h.route53, domain);
    expect((await request(h.app).post(path(apiPaths.publishDns, domain)).send({})).status).toBe(200);
    const { arn } = await topic(h, 'fb');
    for (const NotificationType of ['Bounce', 'Complaint'] as const)
      await h
        .sesV1()
        .send(new SetIdentityNotificationTopicCommand({ Identity: domain, NotificationType, SnsTopic: arn }));
    const res = await request(h.app)
      .put(path(apiPaths.feedback, domain))
      .send({ emailForwardingEnabled: false });
    expect(res.status).toBe(200);
    expect(res.body.feedbackForwardingEnabled).toBe(false);
    expect((await sdkGet(domain)).FeedbackForwardingStatus).toBe(false);
  });

  it('when a default configuration set is set and removed, then the detail follows; an unknown set is 404', async () => {
    const domain = await newDomain();
    const set = unique('cs');
    await h.ses().send(new CreateConfigurationSetCommand({ ConfigurationSetName: set }));
    const on = await request(h.app)
      .put(path(apiPaths.configurationSet, domain))
      .send({ configurationSetName: set });
    expect(on.status).toBe(200);
    expect(on.body.configurationSetName).toBe(set);
    const off = await request(h.app)
      .put(path(apiPaths.configurationSet, domain))
      .send({ configurationSetName: null });
    expect(off.body.configurationSetName).toBeUndefined();
    const unknown = await request(h.app)
      .put(path(apiPaths.configurationSet, domain))
      .send({ configurationSetName: 'nope-not-here' });
    expect(unknown.status).toBe(404);
  });

  it('when a policy is created, updated and deleted, then each answer shows the policies', async () => {
    const domain = await newDomain();
    const arn = `arn:aws:ses:${REGION}:${ACCOUNT_ID}:identity/${domain}`;
    const doc = (action: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: ['123456789012'] }, Action: [action], Resource: arn },
        ],
      });
    const created = await request(h.app)
      .post(path(apiPaths.policies, domain))
      .send({ name: 'allow-send', document: doc('ses:SendEmail') });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body.policies)).toEqual(['allow-send']);
    expect(JSON.parse(created.body.policies['allow-send']).Statement[0].Action).toEqual(['ses:SendEmail']);

    const duplicate = await request(h.app)
      .post(path(apiPaths.policies, domain))
      .send({ name: 'allow-send', document: doc('ses:SendEmail') });
    expect(duplicate.status).toBe(409);

    const updated = await request(h.app)
      .put(path(apiPaths.policy, domain, { policyName: 'allow-send' }))
      .send({ document: doc('ses:SendRawEmail') });
    expect(updated.status).toBe(200);
    expect(JSON.parse(updated.body.policies['allow-send']).Statement[0].Action).toEqual(['ses:SendRawEmail']);

    const deleted = await request(h.app).delete(path(apiPaths.policy, domain, { policyName: 'allow-send' }));
    expect(deleted.status).toBe(200);
    expect(deleted.body.policies).toEqual({});
  });

  it('when tags are replaced, then SES ends with exactly the new set', async () => {
    const domain = `${unique('tags')}.example.com`;
    await h.ses().send(
      new CreateEmailIdentityCommand({
        EmailIdentity: domain,
        Tags: [
          { Key: 'keep', Value: '1' },
          { Key: 'change', Value: 'old' },
          { Key: 'drop', Value: 'x' },
        ],
      }),
    );
    const res = await request(h.app)
      .put(path(apiPaths.tags, domain))
      .send({
        tags: [
          { key: 'keep', value: '1' },
          { key: 'change', value: 'new' },
          { key: 'add', value: '' },
        ],
      });
    expect(res.status).toBe(200);
    const sortByKey = (tags: Array<{ key: string; value: string }>) =>
      [...tags].sort((a, b) => a.key.localeCompare(b.key));
    expect(sortByKey(res.body.tags)).toEqual(
      sortByKey([
        { key: 'keep', value: '1' },
        { key: 'change', value: 'new' },
        { key: 'add', value: '' },
      ]),
    );
    const sdk = await h.ses().send(
      new ListTagsForResourceCommand({
        ResourceArn: `arn:aws:ses:${REGION}:${ACCOUNT_ID}:identity/${domain}`,
      }),
    );
    expect(sdk.Tags?.map((t) => t.Key).sort()).toEqual(['add', 'change', 'keep']);
  });

  it('when an edit targets an unknown identity, then 404', async () => {
    const res = await request(h.app)
      .put(path(apiPaths.feedback, `${unique('ghost')}.example.com`))
      .send({ emailForwardingEnabled: true });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
  });
});
