import { apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, url } from './support/harness.js';

/** A user's mistake is a 400 naming the field and the rule, answered before SES is asked. */
describe('request validation', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  const region = 'us-east-1';

  async function expectFieldError(res: request.Response, field: string, message?: RegExp): Promise<void> {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ValidationError');
    const fields = (res.body.error.fieldErrors as Array<{ field: string; message: string }>).map(
      (f) => f.field,
    );
    expect(fields).toContain(field);
    if (message) {
      const entry = res.body.error.fieldErrors.find((f: { field: string }) => f.field === field);
      expect(entry.message).toMatch(message);
    }
  }

  it('when the identity in the path is neither an address nor a domain, then 400 names identity', async () => {
    const res = await request(h.app).get(url(apiPaths.identity, { region, identity: 'not a domain' }));
    await expectFieldError(res, 'identity', /valid email address or domain/);
  });

  it('when a domain identity is created with an invalid name, then 400 names name', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region }))
      .send({ type: 'DOMAIN', name: 'bad_domain..com' });
    await expectFieldError(res, 'name', /valid domain name/);
  });

  it('when an email identity is created with an invalid address, then 400 names name', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region }))
      .send({ type: 'EMAIL_ADDRESS', name: 'me@' });
    await expectFieldError(res, 'name', /valid email address/);
  });

  it('when the MAIL FROM domain is not a subdomain of the domain, then 400 names mailFrom.domain', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region }))
      .send({ type: 'DOMAIN', name: 'shop.example.com', mailFrom: { domain: 'mail.other.com' } });
    await expectFieldError(res, 'mailFrom.domain', /must be a subdomain of shop\.example\.com/);
  });

  it('when a tag key uses the reserved aws: prefix, then 400 names the tag key', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region }))
      .send({ type: 'DOMAIN', name: 'example.com', tags: [{ key: 'aws:owner', value: 'x' }] });
    await expectFieldError(res, 'tags.0.key', /reserved/);
  });

  it('when tags are replaced with duplicate keys, then 400 names tags', async () => {
    const res = await request(h.app)
      .put(url(apiPaths.tags, { region, identity: 'example.com' }))
      .send({
        tags: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      });
    await expectFieldError(res, 'tags', /unique/);
  });

  it('when a policy name has a space, then 400 names name', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.policies, { region, identity: 'example.com' }))
      .send({ name: 'my policy', document: '{}' });
    await expectFieldError(res, 'name', /letters, digits/);
  });

  it('when a policy document is not JSON, then 400 names document', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.policies, { region, identity: 'example.com' }))
      .send({ name: 'p1', document: '{not json' });
    await expectFieldError(res, 'document', /valid JSON object/);
  });

  it('when the policy name in the path is invalid, then 400 names policyName', async () => {
    const res = await request(h.app).delete(
      url(apiPaths.policy, { region, identity: 'example.com', policyName: 'bad name!' }),
    );
    await expectFieldError(res, 'policyName');
  });

  it('when bulk delete gets an empty list, then 400 names identities', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.deleteIdentities, { region }))
      .send({ identities: [] });
    await expectFieldError(res, 'identities', /at least one/);
  });

  it('when a custom test email has no recipient, then 400 names customRecipient', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.sendTestEmail, { region }))
      .send({ from: 'me@example.com', scenario: 'custom', subject: 'Hi' });
    await expectFieldError(res, 'customRecipient', /custom recipient/);
  });

  it('when a test email has an invalid from-address, then 400 names from', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.sendTestEmail, { region }))
      .send({ from: 'nobody', scenario: 'success', subject: 'Hi' });
    await expectFieldError(res, 'from', /valid email address/);
  });

  it('when MAIL FROM is set outside the identity domain, then 400 names domain', async () => {
    const res = await request(h.app)
      .put(url(apiPaths.mailFrom, { region, identity: 'example.com' }))
      .send({ domain: 'example.com' });
    await expectFieldError(res, 'domain', /subdomain of example\.com/);
  });

  it('when a DKIM edit has neither signingEnabled nor signing, then 400 names signingEnabled', async () => {
    const res = await request(h.app)
      .put(url(apiPaths.dkim, { region, identity: 'example.com' }))
      .send({});
    await expectFieldError(res, 'signingEnabled');
  });

  it('when a BYODKIM key has PEM header lines, then 400 names signing.privateKey', async () => {
    const res = await request(h.app)
      .put(url(apiPaths.dkim, { region, identity: 'example.com' }))
      .send({ signing: { origin: 'EXTERNAL', selector: 's1', privateKey: '-----BEGIN PRIVATE KEY-----' } });
    await expectFieldError(res, 'signing.privateKey', /base64/);
  });

  it('when the list filter has an unknown status, then 400 names status', async () => {
    const res = await request(h.app).get(`${url(apiPaths.identities, { region })}?status=MAYBE`);
    await expectFieldError(res, 'status');
  });

  it('when the clock is advanced by a fraction, then 400 names advanceSeconds', async () => {
    const res = await request(h.app).post(apiPaths.emulatorClock).send({ advanceSeconds: 1.5 });
    await expectFieldError(res, 'advanceSeconds', /whole number/);
  });

  it('when verify-email has no token, then 400 names token', async () => {
    const res = await request(h.app).post(apiPaths.emulatorVerifyEmail).send({});
    await expectFieldError(res, 'token');
  });
});
