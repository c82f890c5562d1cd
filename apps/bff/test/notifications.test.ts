import { GetIdentityNotificationAttributesCommand } from '@aws-sdk/client-ses';
import { CreateEmailIdentityCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { apiPaths, type NotificationSettings, type SnsMessage } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { topic } from './support/route-cases.js';

/**
 * The Notifications tab's routes, through the BFF's SES v1 and SNS clients against the embedded
 * emulator; what SES holds is checked with the SES v1 / v2 SDKs directly.
 */
describe('feedback notifications of an identity', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto' });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function newDomain(): Promise<string> {
    const domain = `${unique('notif')}.example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    return domain;
  }
  const path = (identity: string) => url(apiPaths.notifications, { region: REGION, identity });
  const v1Attributes = async (identity: string) =>
    (await h.sesV1().send(new GetIdentityNotificationAttributesCommand({ Identities: [identity] })))
      .NotificationAttributes?.[identity];

  it('when a new identity is read, then no type has a topic or headers and forwarding is on', async () => {
    const domain = await newDomain();
    const res = await request(h.app).get(path(domain));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      bounce: { topicArn: null, includeHeaders: false },
      complaint: { topicArn: null, includeHeaders: false },
      delivery: { topicArn: null, includeHeaders: false },
      forwardingEnabled: true,
    } satisfies NotificationSettings);
  });

  it('when the identity does not exist, then the read is a 404 naming it', async () => {
    const res = await request(h.app).get(path('nobody-here.example.com'));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('nobody-here.example.com');
  });

  it('when Bounce and Complaint get topics with headers and forwarding is disabled in one save, then SES v1 and v2 hold all of it', async () => {
    const domain = await newDomain();
    const bounces = await topic(h, 'bounces');
    const complaints = await topic(h, 'complaints');
    const res = await request(h.app)
      .put(path(domain))
      .send({
        bounce: { topicArn: bounces.arn, includeHeaders: true },
        complaint: { topicArn: complaints.arn, includeHeaders: false },
        forwardingEnabled: false,
      });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      bounce: { topicArn: bounces.arn, includeHeaders: true },
      complaint: { topicArn: complaints.arn, includeHeaders: false },
      delivery: { topicArn: null, includeHeaders: false },
      forwardingEnabled: false,
    });
    expect(await v1Attributes(domain)).toMatchObject({
      BounceTopic: bounces.arn,
      ComplaintTopic: complaints.arn,
      ForwardingEnabled: false,
      HeadersInBounceNotificationsEnabled: true,
      HeadersInComplaintNotificationsEnabled: false,
    });
    const v2 = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(v2.FeedbackForwardingStatus).toBe(false);

    // Back again: forwarding on first, then the topics can go.
    const back = await request(h.app)
      .put(path(domain))
      .send({
        forwardingEnabled: true,
        bounce: { topicArn: null, includeHeaders: false },
        complaint: { topicArn: null, includeHeaders: false },
      });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ forwardingEnabled: true, bounce: { topicArn: null } });
    expect((await v1Attributes(domain))?.BounceTopic ?? null).toBeNull();
  });

  it('when forwarding is disabled while Complaint has no topic, then a 400 names forwardingEnabled and SES is not called', async () => {
    const domain = await newDomain();
    const bounces = await topic(h, 'bounces');
    const res = await request(h.app)
      .put(path(domain))
      .send({ bounce: { topicArn: bounces.arn, includeHeaders: false }, forwardingEnabled: false });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field: 'forwardingEnabled', message: expect.stringContaining('set a topic for Complaint first') },
    ]);
    // Nothing half done: the Bounce topic of the same request was not set either.
    expect(await v1Attributes(domain)).toMatchObject({ ForwardingEnabled: true });
    expect((await v1Attributes(domain))?.BounceTopic ?? null).toBeNull();
  });

  it('when the Bounce topic is cleared while forwarding is disabled, then a 400 names bounce.topicArn', async () => {
    const domain = await newDomain();
    const bounces = await topic(h, 'bounces');
    const complaints = await topic(h, 'complaints');
    const setUp = await request(h.app)
      .put(path(domain))
      .send({
        bounce: { topicArn: bounces.arn, includeHeaders: false },
        complaint: { topicArn: complaints.arn, includeHeaders: false },
        forwardingEnabled: false,
      });
    expect(setUp.status).toBe(200);
    const res = await request(h.app)
      .put(path(domain))
      .send({ bounce: { topicArn: null, includeHeaders: false } });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field: 'bounce.topicArn', message: expect.stringContaining('enable forwarding first') },
    ]);
    expect((await v1Attributes(domain))?.BounceTopic).toBe(bounces.arn);
  });

  it.each([
    ['not-an-arn', 'such as arn:aws:sns'],
    ['arn:aws:sns:us-east-1:123456789012:orders.fifo', 'not to FIFO topics'],
  ])('when the topic ARN is %s, then a 400 names bounce.topicArn with the rule', async (arn, words) => {
    const domain = await newDomain();
    const res = await request(h.app)
      .put(path(domain))
      .send({ bounce: { topicArn: arn, includeHeaders: false } });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors[0]).toEqual({
      field: 'bounce.topicArn',
      message: expect.stringContaining(words),
    });
  });

  it("when the topic is in another Region, then a 400 names the field and the identity's Region", async () => {
    const domain = await newDomain();
    const res = await request(h.app)
      .put(path(domain))
      .send({
        delivery: { topicArn: `arn:aws:sns:eu-west-1:${ACCOUNT_ID}:elsewhere`, includeHeaders: false },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field: 'delivery.topicArn', message: expect.stringContaining(`must be in ${REGION}`) },
    ]);
  });

  it('when the topic does not exist, then SES refuses and its own message is the answer', async () => {
    const domain = await newDomain();
    const arn = `arn:aws:sns:${REGION}:${ACCOUNT_ID}:${unique('missing')}`;
    const res = await request(h.app)
      .put(path(domain))
      .send({ bounce: { topicArn: arn, includeHeaders: false } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('InvalidParameterValue');
    expect(res.body.error.message).toContain(arn);
  });

  it('when the request changes nothing at all, then a 400 says what to provide', async () => {
    const res = await request(h.app)
      .put(path(await newDomain()))
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'at least one of bounce, complaint, delivery or forwardingEnabled',
    );
  });
});

describe('SNS topics of a Region and of the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('when the Region has more topics than one ListTopics page, then the list has every one, by name', async () => {
    const names = Array.from({ length: 105 }, (_, i) => `paged-${String(i).padStart(3, '0')}`);
    for (const name of names) await h.sns('eu-west-1').send(new CreateTopicCommand({ Name: name }));
    const firstPage = await h.sns('eu-west-1').send(new ListTopicsCommand({}));
    expect(firstPage.NextToken).toBeTruthy();

    const res = await request(h.app).get(url(apiPaths.snsTopics, { region: 'eu-west-1' }));
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(res.body.topics.map((t: { name: string }) => t.name)).toEqual(names);
    expect(res.body.topics[0].arn).toBe(`arn:aws:sns:eu-west-1:${ACCOUNT_ID}:paged-000`);
  });

  it('when a topic is created and deleted on the emulator, then the Region lists it and then no more', async () => {
    const name = unique('made');
    const created = await request(h.app)
      .post(url(apiPaths.emulatorSnsTopics, { region: REGION }))
      .send({ name });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ name, arn: `arn:aws:sns:${REGION}:${ACCOUNT_ID}:${name}` });
    const listed = await request(h.app).get(url(apiPaths.snsTopics, { region: REGION }));
    expect(listed.body.topics).toContainEqual(created.body);

    const deleted = await request(h.app).delete(
      url(apiPaths.emulatorSnsTopic, { region: REGION, topicName: name }),
    );
    expect(deleted.status).toBe(204);
    const after = await request(h.app).get(url(apiPaths.snsTopics, { region: REGION }));
    expect(after.body.topics).not.toContainEqual(created.body);
  });

  it('when a topic name has a space, then a 400 names the field and the rule', async () => {
    const res = await request(h.app)
      .post(url(apiPaths.emulatorSnsTopics, { region: REGION }))
      .send({ name: 'has space' });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors[0]).toEqual({
      field: 'name',
      message: expect.stringContaining('letters, digits'),
    });
  });

  it('when a bounce test email is sent from an identity whose Bounce topic is set, then that topic received the Bounce for the message id', async () => {
    const domain = `${unique('fb')}.example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const bounces = await topic(h, 'bounces');
    const set = await request(h.app)
      .put(url(apiPaths.notifications, { region: REGION, identity: domain }))
      .send({ bounce: { topicArn: bounces.arn, includeHeaders: true } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);

    const sent = await request(h.app)
      .post(url(apiPaths.sendTestEmail, { region: REGION }))
      .send({ from: `test@${domain}`, scenario: 'bounce', subject: 'Bounce me' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const messageId: string = sent.body.messageId;

    const ofTopic = await request(h.app).get(apiPaths.emulatorSnsMessages).query({ topicArn: bounces.arn });
    expect(ofTopic.status).toBe(200);
    const types = ofTopic.body.messages.map((m: SnsMessage) => m.notificationType);
    // Setting the topic published SES's confirmation first, then the bounce arrived.
    expect(types).toEqual(['AmazonSnsSubscriptionSucceeded', 'Bounce']);

    const about = await request(h.app).get(apiPaths.emulatorSnsMessages).query({ sesMessageId: messageId });
    expect(about.status).toBe(200);
    expect(about.body.messages).toHaveLength(1);
    const [bounce] = about.body.messages as SnsMessage[];
    expect(bounce).toMatchObject({
      topicArn: bounces.arn,
      notificationType: 'Bounce',
      sesMessageId: messageId,
    });
    const payload = JSON.parse(bounce?.message ?? '{}');
    expect(payload.bounce).toMatchObject({ bounceType: 'Permanent', bounceSubType: 'General' });
    // Headers were asked for on Bounce, so the original headers come along.
    expect(payload.mail.commonHeaders.subject).toBe('Bounce me');
  });

  it('when the messages are asked for with a malformed topic ARN, then a 400 names topicArn', async () => {
    const res = await request(h.app).get(apiPaths.emulatorSnsMessages).query({ topicArn: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors[0].field).toBe('topicArn');
  });
});
