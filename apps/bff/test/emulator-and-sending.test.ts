import { CreateConfigurationSetCommand } from '@aws-sdk/client-sesv2';
import { apiPaths, type MailboxMessage } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { createZone } from './support/route53.js';

describe('emulator routes, configuration sets and test email', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function createAndVerifyAddress(): Promise<string> {
    const address = `${unique('sender')}@example.com`;
    const created = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: address });
    expect(created.status).toBe(201);
    const mailbox = await request(h.app)
      .get(apiPaths.emulatorMailbox)
      .query({ email: 'no-reply-aws@amazon.com' });
    const message = (mailbox.body.messages as MailboxMessage[]).find((m) => m.to.includes(address));
    expect(message?.verificationToken).toEqual(expect.any(String));
    const verified = await request(h.app)
      .post(apiPaths.emulatorVerifyEmail)
      .send({ token: message?.verificationToken });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ verified: true });
    return address;
  }

  it('when an email identity is created, then its verification email is in the mailbox with link and token', async () => {
    const address = `${unique('inbox')}@example.com`;
    await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: address });
    const res = await request(h.app).get(apiPaths.emulatorMailbox);
    expect(res.status).toBe(200);
    const message = (res.body.messages as MailboxMessage[]).find((m) => m.to.includes(address));
    expect(message).toMatchObject({
      id: expect.any(String),
      region: REGION,
      from: 'no-reply-aws@amazon.com',
      to: [address],
      subject: expect.stringContaining('Email Address Verification Request'),
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      verificationLink: expect.stringMatching(/\/_emulator\/verify-email\?token=/),
      verificationToken: expect.any(String),
    });
    expect(message?.verificationLink).toContain(message?.verificationToken);
    const one = await request(h.app).get(apiPaths.emulatorMailbox).query({ id: message?.id });
    expect(one.body.messages).toHaveLength(1);
  });

  it('when the verification token is followed, then the address is verified', async () => {
    const address = await createAndVerifyAddress();
    const detail = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity: address }));
    expect(detail.body).toMatchObject({ status: 'SUCCESS', verifiedForSending: true });
  });

  it('when the verification token is unknown, then 404 names token', async () => {
    const res = await request(h.app)
      .post(apiPaths.emulatorVerifyEmail)
      .send({ token: 'x'.repeat(32) });
    expect(res.status).toBe(404);
    expect(res.body.error.fieldErrors[0].field).toBe('token');
  });

  it('when the clock is read and advanced, then it moves by that many seconds', async () => {
    const before = await request(h.app).get(apiPaths.emulatorClock);
    expect(before.status).toBe(200);
    const after = await request(h.app).post(apiPaths.emulatorClock).send({ advanceSeconds: 3600 });
    expect(after.status).toBe(200);
    const moved = Date.parse(after.body.now) - Date.parse(before.body.now);
    expect(moved).toBeGreaterThanOrEqual(3600_000);
    expect(moved).toBeLessThan(3600_000 + 60_000);
  });

  it('when a verified address sends to the success simulator, then SES answers a MessageId and the mail is captured', async () => {
    const from = await createAndVerifyAddress();
    const set = unique('send');
    await h.ses().send(new CreateConfigurationSetCommand({ ConfigurationSetName: set }));
    const res = await request(h.app)
      .post(url(apiPaths.sendTestEmail, { region: REGION }))
      .send({ from, scenario: 'success', subject: 'Hello', body: 'Test body', configurationSetName: set });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      messageId: expect.stringMatching(/.+/),
      to: 'success@simulator.amazonses.com',
    });
    const mailbox = await request(h.app).get(apiPaths.emulatorMailbox).query({ email: from });
    const sent = (mailbox.body.messages as MailboxMessage[]).find((m) => m.subject === 'Hello');
    expect(sent).toMatchObject({
      from,
      to: ['success@simulator.amazonses.com'],
      text: 'Test body',
      configurationSetName: set,
    });
  });

  it('when the custom scenario is chosen, then the mail goes to the custom recipient', async () => {
    const from = await createAndVerifyAddress();
    const to = await createAndVerifyAddress();
    const res = await request(h.app)
      .post(url(apiPaths.sendTestEmail, { region: REGION }))
      .send({ from, scenario: 'custom', customRecipient: to, subject: 'Custom' });
    expect(res.status).toBe(200);
    expect(res.body.to).toBe(to);
  });

  it('when the from-address is not verified, then 400 with the SES message', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.sendTestEmail, { region: REGION }))
      .send({ from: `${unique('nobody')}@example.com`, scenario: 'bounce', subject: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not verified/i);
  });

  it('when configuration sets exist, then the list has them all', async () => {
    const names = [unique('cs-a'), unique('cs-b')];
    for (const name of names)
      await h.ses().send(new CreateConfigurationSetCommand({ ConfigurationSetName: name }));
    const res = await request(h.app).get(url(apiPaths.configurationSets, { region: REGION }));
    expect(res.status).toBe(200);
    expect(res.body.configurationSets).toEqual(expect.arrayContaining(names));
  });

  it("when an address's domain is a verified domain identity, then Authentication is available naming it", async () => {
    const domain = `${unique('verified')}.com`;
    await createZone(h.route53, domain);
    await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'DOMAIN', name: domain, publishToRoute53: true });
    await request(h.app).post(apiPaths.emulatorClock).send({ advanceSeconds: 600 });
    const domainDetail = await request(h.app).get(
      url(apiPaths.identity, { region: REGION, identity: domain }),
    );
    expect(domainDetail.body.status).toBe('SUCCESS');
    await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: `hi@${domain}` });
    const res = await request(h.app).get(
      url(apiPaths.identity, { region: REGION, identity: `hi@${domain}` }),
    );
    expect(res.body.authentication).toEqual({ available: true, parentDomain: domain });
  });
});

describe('emulator routes in aws mode', () => {
  it('when the backend is not the emulator, then the emulator routes do not exist', async () => {
    const { createApp } = await import('../src/app.js');
    const { createAwsClients } = await import('../src/clients/aws-clients.js');
    const clients = createAwsClients({ emulatorEndpoint: 'http://127.0.0.1:9', requestTimeoutMs: 1000 });
    const app = createApp({
      backend: 'aws',
      clients,
      regions: [{ code: 'us-east-1', name: 'x' }],
      defaultRegion: 'us-east-1',
    });
    for (const path of [apiPaths.emulatorMailbox, apiPaths.emulatorClock]) {
      const res = await request(app).get(path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('RouteNotFound');
    }
    const doc = await request(app).get(apiPaths.openapi);
    expect(Object.keys(doc.body.paths)).not.toContain('/api/emulator/clock');
    clients.destroy();
  });
});
