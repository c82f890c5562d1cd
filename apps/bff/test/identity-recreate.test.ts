import { generateKeyPairSync } from 'node:crypto';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  GetEmailIdentityCommand,
} from '@aws-sdk/client-sesv2';
import { apiPaths, type MailboxMessage } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { topic } from './support/route-cases.js';
import { createZone, recordSets } from './support/route53.js';

const HOUR = 3600;

describe('re-create an identity whose verification failed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const recreate = (identity: string, body?: object) => {
    const req = request(h.app).post(url(apiPaths.recreateIdentity, { region: REGION, identity }));
    return body ? req.send(body) : req;
  };
  const advance = (seconds: number) =>
    request(h.app).post(apiPaths.emulatorClock).send({ advanceSeconds: seconds }).expect(200);
  const policy = (identity: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['111122223333'] },
          Action: ['ses:SendEmail'],
          Resource: `arn:aws:ses:${REGION}:${ACCOUNT_ID}:identity/${identity}`,
        },
      ],
    });

  it('when a FAILED domain is re-created, then it has new tokens published to its zone, verifies, and keeps tags, set, DKIM, MAIL FROM and policies', async () => {
    const domain = `${unique('recreate')}.example.com`;
    const set = unique('cs');
    await h.ses().send(new CreateConfigurationSetCommand({ ConfigurationSetName: set }));
    const created = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({
        type: 'DOMAIN',
        name: domain,
        configurationSetName: set,
        dkim: { origin: 'AWS_SES', keyLength: 'RSA_1024_BIT' },
        dkimSigningEnabled: false,
        mailFrom: { domain: `bounce.${domain}`, behaviorOnMxFailure: 'REJECT_MESSAGE' },
        tags: [{ key: 'team', value: 'billing' }],
      });
    expect(created.status).toBe(201);
    await h.ses().send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: domain,
        PolicyName: 'partner',
        Policy: policy(domain),
      }),
    );
    await advance(73 * HOUR);
    const failed = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(failed.VerificationStatus).toBe('FAILED');
    const oldTokens = failed.DkimAttributes?.Tokens ?? [];
    const zoneId = await createZone(h.route53, domain);

    const res = await recreate(domain);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: domain, complete: true });
    expect(res.body.previousPolicies).toEqual({ partner: expect.stringContaining('111122223333') });
    expect(res.body.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'delete-identity:succeeded',
      'create-identity:succeeded',
      'mail-from:succeeded',
      'dkim-signing-disabled:succeeded',
      'publish-dns:succeeded',
      'policy:partner:succeeded',
    ]);

    const after = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    const newTokens = after.DkimAttributes?.Tokens ?? [];
    expect(newTokens).toHaveLength(3);
    expect(newTokens.some((t) => oldTokens.includes(t))).toBe(false);
    // The new CNAMEs went into the zone, so the verification engine found them at once.
    expect(after.VerificationStatus).toBe('SUCCESS');
    expect(after).toMatchObject({
      ConfigurationSetName: set,
      FeedbackForwardingStatus: true,
      Tags: [{ Key: 'team', Value: 'billing' }],
      MailFromAttributes: { MailFromDomain: `bounce.${domain}`, BehaviorOnMxFailure: 'REJECT_MESSAGE' },
      DkimAttributes: { SigningEnabled: false, NextSigningKeyLength: 'RSA_1024_BIT' },
    });
    expect(Object.keys(after.Policies ?? {})).toEqual(['partner']);
    const names = (await recordSets(h.route53, zoneId)).map((r) => r.Name);
    for (const token of newTokens) expect(names).toContain(`${token}._domainkey.${domain}.`);
    expect(res.body.identity).toMatchObject({ name: domain, status: 'SUCCESS' });
  });

  it('when a domain with feedback topics, headers and forwarding off is re-created, then it has the same notifications after', async () => {
    const domain = `${unique('renotify')}.example.com`;
    await createZone(h.route53, domain);
    const created = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain, dkim: { origin: 'AWS_SES' }, publishToRoute53: true });
    expect(created.status).toBe(201);
    const bounces = await topic(h, 'rc-bounces');
    const complaints = await topic(h, 'rc-complaints');
    const settings = {
      bounce: { topicArn: bounces.arn, includeHeaders: true },
      complaint: { topicArn: complaints.arn, includeHeaders: false },
      delivery: { topicArn: null, includeHeaders: false },
      forwardingEnabled: false,
    };
    const notificationsPath = url(apiPaths.notifications, { region: REGION, identity: domain });
    const set = await request(h.app).put(notificationsPath).send(settings);
    expect(set.status, JSON.stringify(set.body)).toBe(200);

    const res = await recreate(domain);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.complete).toBe(true);
    expect(res.body.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toContain(
      'feedback-notifications:succeeded',
    );
    expect((await request(h.app).get(notificationsPath)).body).toEqual(settings);
  });

  it('when a FAILED email address is re-created, then a new verification email arrives and it is PENDING again with its tags', async () => {
    const address = `${unique('lapsed')}@example.org`;
    await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: address, tags: [{ key: 'k', value: 'v' }] })
      .expect(201);
    await advance(25 * HOUR);
    const failed = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: address }));
    expect(failed.VerificationStatus).toBe('FAILED');
    const mailTo = async () =>
      ((await request(h.app).get(apiPaths.emulatorMailbox)).body.messages as MailboxMessage[]).filter((m) =>
        m.to.includes(address),
      );
    expect(await mailTo()).toHaveLength(1);

    const res = await recreate(address, {});
    expect(res.status).toBe(200);
    expect(res.body.steps).toEqual([
      { step: 'delete-identity', status: 'succeeded' },
      { step: 'create-identity', status: 'succeeded' },
    ]);
    const after = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: address }));
    expect(after.VerificationStatus).toBe('PENDING');
    expect(after.Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    const mail = await mailTo();
    expect(mail).toHaveLength(2);
    expect(mail.every((m) => m.verificationToken !== undefined)).toBe(true);
  });

  it('when a BYODKIM domain is re-created without its private key, then 400 names privateKey and the identity is untouched', async () => {
    const domain = `${unique('byo')}.example.com`;
    const key = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'der', type: 'pkcs1' })
      .toString('base64');
    await h.ses().send(
      new CreateEmailIdentityCommand({
        EmailIdentity: domain,
        DkimSigningAttributes: { DomainSigningSelector: 'sel1', DomainSigningPrivateKey: key },
      }),
    );
    const res = await recreate(domain, {});
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      {
        field: 'privateKey',
        message:
          'SES never returns a BYODKIM private key: give the key of selector sel1 to re-create the domain',
      },
    ]);
    const still = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(still.DkimAttributes?.Tokens).toEqual(['sel1']);

    const withKey = await recreate(domain, { privateKey: key, publishToRoute53: false });
    expect(withKey.status).toBe(200);
    expect(withKey.body.identity.dkim).toMatchObject({
      origin: 'EXTERNAL',
      tokens: ['sel1'],
      status: 'PENDING',
    });
  });

  it('when the identity does not exist, then 404 and nothing is created', async () => {
    const domain = `${unique('ghost')}.example.com`;
    const res = await recreate(domain);
    expect(res.status).toBe(404);
    const list = await request(h.app).get(url(apiPaths.identities, { region: REGION }));
    expect(list.body.identities.some((i: { name: string }) => i.name === domain)).toBe(false);
  });
});

describe('hosted zone lookup for the create page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const lookup = (domain: string) => request(h.app).get(apiPaths.hostedZoneLookup).query({ domain });

  it('when a public zone covers the domain (or a parent of it), then the longest-suffix zone is named; a private zone or none answers no zone', async () => {
    const apex = `${unique('zone')}.com`;
    const zoneId = await createZone(h.route53, apex);
    expect((await lookup(apex)).body).toEqual({ domain: apex, hostedZone: { id: zoneId, name: apex } });
    expect((await lookup(`mail.${apex}`)).body).toEqual({
      domain: `mail.${apex}`,
      hostedZone: { id: zoneId, name: apex },
    });
    const privateOnly = `${unique('private')}.com`;
    await createZone(h.route53, privateOnly, { id: 'vpc-1234', region: REGION });
    expect((await lookup(privateOnly)).body).toEqual({ domain: privateOnly });
    const none = `${unique('nozone')}.net`;
    expect((await lookup(none)).body).toEqual({ domain: none });
  });

  it('when the domain is not a valid domain name, then 400 names domain', async () => {
    const res = await lookup('not a domain');
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([{ field: 'domain', message: expect.any(String) }]);
  });
});
