import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
} from '@aws-sdk/client-sesv2';
import { apiPaths } from '@ses-console/contract';
import { mapWithConcurrency } from '@ses-console/contract/concurrency';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';

describe('identities: list, detail, create, delete', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function createThroughSdk(names: string[], region = REGION): Promise<void> {
    await mapWithConcurrency(names, 16, (name) =>
      h.ses(region).send(new CreateEmailIdentityCommand({ EmailIdentity: name })),
    );
  }

  it('when SES is reachable, then /readyz answers ok', async () => {
    const res = await request(h.app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', backend: 'emulator' });
  });

  it('when a region holds 2,500 identities, then the list returns all of them', async () => {
    const region = 'eu-west-1';
    const prefix = unique('bulk');
    const names = Array.from({ length: 2500 }, (_, i) => `${prefix}-${i}.example.org`);
    await createThroughSdk(names, region);
    const res = await request(h.app).get(url(apiPaths.identities, { region }));
    expect(res.status).toBe(200);
    expect(res.body.region).toBe(region);
    expect(res.body.identities).toHaveLength(2500);
    expect(new Set(res.body.identities.map((i: { name: string }) => i.name))).toEqual(new Set(names));
    expect(res.body.identities[0]).toEqual({
      name: expect.any(String),
      type: 'DOMAIN',
      status: 'PENDING',
      sendingEnabled: false,
    });
  }, 120_000);

  it('when filters are given, then only matching identities come back', async () => {
    const tag = unique('filt');
    await createThroughSdk([
      `${tag}.example.net`,
      `someone@${tag}.example.net`,
      `${unique('other')}.example.net`,
    ]);
    const byName = await request(h.app).get(`${url(apiPaths.identities, { region: REGION })}?name=${tag}`);
    expect(byName.status).toBe(200);
    expect(byName.body.identities.map((i: { name: string }) => i.name).sort()).toEqual(
      [`${tag}.example.net`, `someone@${tag}.example.net`].sort(),
    );
    const byType = await request(h.app).get(
      `${url(apiPaths.identities, { region: REGION })}?name=${tag}&type=EMAIL_ADDRESS`,
    );
    expect(byType.body.identities.map((i: { name: string }) => i.name)).toEqual([
      `someone@${tag}.example.net`,
    ]);
    const byStatus = await request(h.app).get(
      `${url(apiPaths.identities, { region: REGION })}?name=${tag}&status=SUCCESS`,
    );
    expect(byStatus.body.identities).toEqual([]);
  });

  it('when a domain identity is asked, then the detail has 3 DKIM CNAMEs, the ARN and no hosted zone', async () => {
    const domain = `${unique('detail')}.example.com`;
    await createThroughSdk([domain]);
    const res = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity: domain }));
    expect(res.status).toBe(200);
    const sdk = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    const tokens = sdk.DkimAttributes?.Tokens ?? [];
    expect(tokens).toHaveLength(3);
    expect(res.body).toMatchObject({
      name: domain,
      type: 'DOMAIN',
      region: REGION,
      arn: `arn:aws:ses:${REGION}:000000000000:identity/${domain}`,
      status: 'PENDING',
      verifiedForSending: false,
      dkim: { signingEnabled: true, origin: 'AWS_SES', tokens },
      mailFrom: { behaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
      feedbackForwardingEnabled: true,
      policies: {},
      tags: [],
      authentication: { available: true },
    });
    expect(res.body.hostedZone).toBeUndefined();
    expect(res.body.dnsRecords).toEqual(
      tokens.map((t) => ({
        purpose: 'DKIM',
        type: 'CNAME',
        name: `${t}._domainkey.${domain}`,
        value: `${t}.${sdk.DkimAttributes?.SigningHostedZone}`,
        publishedInRoute53: false,
        publishable: true,
      })),
    );
  });

  it('when an unknown identity is asked, then 404 NotFound with the AWS message', async () => {
    const res = await request(h.app).get(
      url(apiPaths.identity, { region: REGION, identity: 'missing.example.com' }),
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
    expect(res.body.error.message).toMatch(/missing\.example\.com/);
  });

  it('when an email address is under an unverified domain identity, then Authentication is not available', async () => {
    const domain = `${unique('auth')}.example.com`;
    await createThroughSdk([domain, `me@${domain}`]);
    const res = await request(h.app).get(
      url(apiPaths.identity, { region: REGION, identity: `me@${domain}` }),
    );
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('EMAIL_ADDRESS');
    expect(res.body.dnsRecords).toEqual([]);
    expect(res.body.authentication).toEqual({ available: false });
  });

  it('when a domain is created with tags, MAIL FROM and signing off, then every step succeeds and SES has it all', async () => {
    const domain = `${unique('create')}.example.com`;
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({
        type: 'DOMAIN',
        name: domain,
        dkim: { origin: 'AWS_SES', keyLength: 'RSA_1024_BIT' },
        dkimSigningEnabled: false,
        mailFrom: { domain: `bounce.${domain}`, behaviorOnMxFailure: 'REJECT_MESSAGE' },
        tags: [{ key: 'team', value: 'mail' }],
      });
    expect(res.status).toBe(201);
    expect(res.body.complete).toBe(true);
    expect(res.body.steps).toEqual([
      { step: 'create-identity', status: 'succeeded' },
      { step: 'mail-from', status: 'succeeded' },
      { step: 'dkim-signing-disabled', status: 'succeeded' },
    ]);
    expect(res.body.identity).toMatchObject({
      name: domain,
      dkim: { signingEnabled: false, nextKeyLength: 'RSA_1024_BIT' },
      mailFrom: { domain: `bounce.${domain}`, behaviorOnMxFailure: 'REJECT_MESSAGE', status: 'PENDING' },
      tags: [{ key: 'team', value: 'mail' }],
    });
    expect(res.body.identity.dnsRecords.map((r: { purpose: string }) => r.purpose)).toEqual([
      'DKIM',
      'DKIM',
      'DKIM',
      'MAIL_FROM_MX',
      'MAIL_FROM_SPF',
    ]);
    const sdk = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(sdk.MailFromAttributes?.MailFromDomain).toBe(`bounce.${domain}`);
    expect(sdk.DkimAttributes?.SigningEnabled).toBe(false);
    expect(sdk.Tags).toEqual([{ Key: 'team', Value: 'mail' }]);
  });

  it('when an email identity is created with a configuration set, then it is its default set', async () => {
    const set = unique('set');
    await h.ses().send(new CreateConfigurationSetCommand({ ConfigurationSetName: set }));
    const address = `${unique('me')}@example.com`;
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: address, configurationSetName: set });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: address,
      complete: true,
      identity: { configurationSetName: set, status: 'PENDING' },
    });
  });

  it('when the configuration set does not exist, then 404 and nothing is created', async () => {
    const domain = `${unique('noset')}.example.com`;
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain, configurationSetName: 'no-such-set' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
    const list = await h
      .ses()
      .send(new ListEmailIdentitiesCommand({ Filter: { IDENTITY_NAME_CONTAINS: domain } }));
    expect(list.EmailIdentities ?? []).toEqual([]);
    const detail = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity: domain }));
    expect(detail.status).toBe(404);
  });

  it('when the identity already exists, then 409 AlreadyExists', async () => {
    const domain = `${unique('dup')}.example.com`;
    await createThroughSdk([domain]);
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('AlreadyExists');
  });

  it('when the name is already an identity, then the 409 names the name field in words of its own', async () => {
    const address = `${unique('dup')}@example.com`;
    await createThroughSdk([address]);
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: address });
    expect(res.status).toBe(409);
    const message = `${address} already exists as an identity in ${REGION}.`;
    expect(res.body.error).toMatchObject({ code: 'AlreadyExists', message });
    expect(res.body.error.fieldErrors).toEqual([{ field: 'name', message }]);
  });

  it('when 50 identities are deleted and 3 do not exist, then 47 are deleted and 3 reported not found', async () => {
    const prefix = unique('del');
    const existing = Array.from({ length: 47 }, (_, i) => `${prefix}-${i}.example.com`);
    const missing = [1, 2, 3].map((i) => `${prefix}-missing-${i}.example.com`);
    await createThroughSdk(existing);
    const res = await request(h.app)
      .post(url(apiPaths.deleteIdentities, { region: REGION }))
      .send({ identities: [...existing.slice(0, 20), ...missing, ...existing.slice(20)] });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toBe(47);
    expect(res.body.failed).toBe(0);
    expect(res.body.results).toHaveLength(50);
    const notFound = res.body.results.filter((r: { outcome: string }) => r.outcome === 'not_found');
    expect(notFound.map((r: { identity: string }) => r.identity)).toEqual(missing);
    const left = await h
      .ses()
      .send(new ListEmailIdentitiesCommand({ Filter: { IDENTITY_NAME_CONTAINS: prefix } }));
    expect(left.EmailIdentities ?? []).toEqual([]);
  });

  it('when an address has + and @, then it survives the URL both ways (percent-encoded, never + as space)', async () => {
    const address = `${unique('plus')}+label@example.com`;
    const created = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: address });
    expect(created.status).toBe(201);
    const path = url(apiPaths.identity, { region: REGION, identity: address });
    expect(path).toContain('%2Blabel%40example.com');
    const detail = await request(h.app).get(path);
    expect(detail.status).toBe(200);
    expect(detail.body.name).toBe(address);
    expect((await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: address }))).IdentityType).toBe(
      'EMAIL_ADDRESS',
    );
  });

  it('when one identity is deleted, then 204 and a second delete is 404', async () => {
    const address = `${unique('one')}@example.com`;
    await createThroughSdk([address]);
    const path = url(apiPaths.identity, { region: REGION, identity: address });
    expect((await request(h.app).delete(path)).status).toBe(204);
    const again = await request(h.app).delete(path);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NotFound');
  });
});
