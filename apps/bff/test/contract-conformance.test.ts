import { CreateConfigurationSetCommand } from '@aws-sdk/client-sesv2';
import {
  apiPaths,
  clockResponseSchema,
  createIdentityResponseSchema,
  deleteIdentitiesResponseSchema,
  errorEnvelopeSchema,
  hostedZoneLookupResponseSchema,
  identityDetailSchema,
  listConfigurationSetsResponseSchema,
  listIdentitiesResponseSchema,
  listSnsTopicsResponseSchema,
  type MailboxMessage,
  mailboxResponseSchema,
  metaResponseSchema,
  notificationSettingsSchema,
  publishResultSchema,
  recreateIdentityResponseSchema,
  sendTestEmailResponseSchema,
  snsMessagesResponseSchema,
  snsTopicSchema,
  verifyEmailResponseSchema,
} from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { topic } from './support/route-cases.js';
import { createZone } from './support/route53.js';

/** The answer parses with the contract schema and has no field the schema does not know. */
function expectConforms(schema: z.ZodType, res: request.Response, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(res.body);
}

describe('every 2xx answer conforms to the contract the console imports', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('when a full identity journey runs through the API, then each answer matches its schema exactly', async () => {
    const domain = `${unique('conform')}.com`;
    await createZone(h.route53, domain);
    const set = unique('cset');
    await h.ses().send(new CreateConfigurationSetCommand({ ConfigurationSetName: set }));
    const identityPath = (template: string, extra: Record<string, string> = {}) =>
      url(template, { region: REGION, identity: domain, ...extra });

    expectConforms(metaResponseSchema, await request(h.app).get(apiPaths.meta), 200);
    expectConforms(
      createIdentityResponseSchema,
      await request(h.app)
        .post(url(apiPaths.identities, { region: REGION }))
        .send({
          type: 'DOMAIN',
          name: domain,
          mailFrom: { domain: `mail.${domain}` },
          publishToRoute53: true,
        }),
      201,
    );
    expectConforms(
      listIdentitiesResponseSchema,
      await request(h.app).get(url(apiPaths.identities, { region: REGION })),
      200,
    );
    expectConforms(identityDetailSchema, await request(h.app).get(identityPath(apiPaths.identity)), 200);
    expectConforms(
      publishResultSchema,
      await request(h.app).post(identityPath(apiPaths.publishDns)).send({}),
      200,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app).put(identityPath(apiPaths.dkim)).send({ signingEnabled: false }),
      200,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app).put(identityPath(apiPaths.mailFrom)).send({ domain: null }),
      200,
    );
    // Published, so verified: Bounce and Complaint topics, then forwarding off (SES's rule).
    const { arn: topicArn } = await topic(h, 'conform');
    expectConforms(
      listSnsTopicsResponseSchema,
      await request(h.app).get(url(apiPaths.snsTopics, { region: REGION })),
      200,
    );
    const feedbackTopics = { topicArn, includeHeaders: true };
    expectConforms(
      notificationSettingsSchema,
      await request(h.app)
        .put(identityPath(apiPaths.notifications))
        .send({ bounce: feedbackTopics, complaint: feedbackTopics }),
      200,
    );
    expectConforms(
      notificationSettingsSchema,
      await request(h.app).get(identityPath(apiPaths.notifications)),
      200,
    );
    expectConforms(
      snsMessagesResponseSchema,
      await request(h.app).get(apiPaths.emulatorSnsMessages).query({ topicArn }),
      200,
    );
    expectConforms(
      snsTopicSchema,
      await request(h.app)
        .post(url(apiPaths.emulatorSnsTopics, { region: REGION }))
        .send({ name: unique('conformtopic') }),
      201,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app).put(identityPath(apiPaths.feedback)).send({ emailForwardingEnabled: false }),
      200,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app).put(identityPath(apiPaths.configurationSet)).send({ configurationSetName: set }),
      200,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app)
        .put(identityPath(apiPaths.tags))
        .send({ tags: [{ key: 'a', value: 'b' }] }),
      200,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app)
        .post(identityPath(apiPaths.policies))
        .send({ name: 'p1', document: '{"Version":"2012-10-17"}' }),
      201,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app)
        .put(identityPath(apiPaths.policy, { policyName: 'p1' }))
        .send({ document: '{"Version":"2008-10-17"}' }),
      200,
    );
    expectConforms(
      identityDetailSchema,
      await request(h.app).delete(identityPath(apiPaths.policy, { policyName: 'p1' })),
      200,
    );
    expectConforms(
      listConfigurationSetsResponseSchema,
      await request(h.app).get(url(apiPaths.configurationSets, { region: REGION })),
      200,
    );

    const address = `${unique('conform')}@example.com`;
    await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({ type: 'EMAIL_ADDRESS', name: address });
    const mailbox = await request(h.app).get(apiPaths.emulatorMailbox);
    expectConforms(mailboxResponseSchema, mailbox, 200);
    const token = (mailbox.body.messages as MailboxMessage[]).find((m) =>
      m.to.includes(address),
    )?.verificationToken;
    expectConforms(
      verifyEmailResponseSchema,
      await request(h.app).post(apiPaths.emulatorVerifyEmail).send({ token }),
      200,
    );
    expectConforms(
      sendTestEmailResponseSchema,
      await request(h.app)
        .post(url(apiPaths.sendTestEmail, { region: REGION }))
        .send({ from: address, scenario: 'ooto', subject: 'Hi' }),
      200,
    );
    expectConforms(clockResponseSchema, await request(h.app).get(apiPaths.emulatorClock), 200);
    expectConforms(
      clockResponseSchema,
      await request(h.app).post(apiPaths.emulatorClock).send({ advanceSeconds: 1 }),
      200,
    );
    expectConforms(
      hostedZoneLookupResponseSchema,
      await request(h.app).get(apiPaths.hostedZoneLookup).query({ domain }),
      200,
    );
    expectConforms(
      recreateIdentityResponseSchema,
      await request(h.app).post(identityPath(apiPaths.recreateIdentity)).send({}),
      200,
    );
    expectConforms(
      deleteIdentitiesResponseSchema,
      await request(h.app)
        .post(url(apiPaths.deleteIdentities, { region: REGION }))
        .send({ identities: [domain, address] }),
      200,
    );
    expectConforms(errorEnvelopeSchema, await request(h.app).get(identityPath(apiPaths.identity)), 404);
  });
});
