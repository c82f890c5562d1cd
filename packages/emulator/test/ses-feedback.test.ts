import {
  type SESClient,
  SendEmailCommand as SendEmailV1Command,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityNotificationTopicCommand,
} from '@aws-sdk/client-ses';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutEmailIdentityFeedbackAttributesCommand,
  type SESv2Client,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import {
  CreateTopicCommand,
  DeleteTopicCommand,
  type SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmulatorControlClient } from '../src/client/index.js';
import type { RunningEmulator } from '../src/index.js';
import { mailbox, sesClient, sesV1Client, startTestEmulator } from './helpers.js';
import { confirmVia, type ReceivedPost, Subscriber, snsClient } from './sns-helpers.js';

/**
 * SES publishes identity feedback (AWS "Amazon SNS notification contents for Amazon SES") to the
 * topics set with SES v1, driven by the mailbox simulator, and delivers it to a real loopback HTTP
 * subscriber that confirmed through its SubscribeURL.
 */

interface SesNotification {
  notificationType: string;
  mail: Record<string, unknown> & {
    messageId: string;
    headers?: Array<{ name: string; value: string }>;
    commonHeaders?: Record<string, unknown>;
  };
  bounce?: Record<string, unknown> & { bouncedRecipients: Array<Record<string, string>> };
  complaint?: Record<string, unknown> & { complainedRecipients: Array<Record<string, string>> };
  delivery?: Record<string, unknown>;
}

const SENDER = 'sender@feedback.example';
const DOMAIN = 'feedback.example';

describe('SES feedback notifications on SNS', () => {
  let emulator: RunningEmulator;
  let v1: SESClient;
  let v2: SESv2Client;
  let sns: SNSClient;
  let control: EmulatorControlClient;
  let subscriber: Subscriber;
  let topicArn: string;
  let path = 0;

  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    v1 = sesV1Client(emulator);
    v2 = sesClient(emulator);
    sns = snsClient(emulator);
    control = new EmulatorControlClient(emulator.url);
    subscriber = await Subscriber.start();
  });
  afterAll(async () => {
    await subscriber.close();
    await emulator.close();
  });

  /** A fresh topic with a confirmed subscriber at its own path; the domain identity created. */
  let hook: string;
  beforeEach(async () => {
    await control.reset();
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: DOMAIN }));
    path += 1;
    hook = `/feedback-${path}`;
    topicArn = (await sns.send(new CreateTopicCommand({ Name: `feedback-${path}` }))).TopicArn as string;
    await sns.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: `${subscriber.url}${hook}` }),
    );
    await confirmVia(subscriber, hook);
  });

  const setTopic = (type: 'Bounce' | 'Complaint' | 'Delivery', SnsTopic?: string, Identity = DOMAIN) =>
    v1.send(new SetIdentityNotificationTopicCommand({ Identity, NotificationType: type, SnsTopic }));
  const headers = (type: 'Bounce' | 'Complaint' | 'Delivery', Enabled: boolean) =>
    v1.send(
      new SetIdentityHeadersInNotificationsEnabledCommand({
        Identity: DOMAIN,
        NotificationType: type,
        Enabled,
      }),
    );
  const send = async (to: string[], from = SENDER) =>
    (
      await v2.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: to },
          Content: { Simple: { Subject: { Data: 'Feedback test' }, Body: { Text: { Data: 'Hello' } } } },
        }),
      )
    ).MessageId as string;
  /** The next SES notification of `type` the subscriber received, parsed. */
  const nextNotification = async (type: string): Promise<{ post: ReceivedPost; body: SesNotification }> => {
    const post = await subscriber.next(
      (p) =>
        p.path === hook &&
        p.envelope?.Type === 'Notification' &&
        (JSON.parse(p.envelope.Message as string) as { notificationType?: string }).notificationType === type,
    );
    return { post, body: JSON.parse(post.envelope?.Message as string) as SesNotification };
  };

  it('when a topic is set, then SES publishes AmazonSnsSubscriptionSucceeded on it, as SES does', async () => {
    await setTopic('Bounce', topicArn);
    const { post } = await nextNotification('AmazonSnsSubscriptionSucceeded');
    expect(JSON.parse(post.envelope?.Message as string)).toEqual({
      notificationType: 'AmazonSnsSubscriptionSucceeded',
      message: `You have successfully subscribed your Amazon SNS topic '${topicArn}' to receive 'Bounce' notifications from Amazon SES for identity '${DOMAIN}'.`,
    });
    expect(post.envelope?.Subject).toBeUndefined();
    const captured = await control.snsMessages({ topicArn });
    expect(captured.map((m) => m.Publisher)).toEqual(['ses']);
  });

  it('when a message bounces and headers are enabled for bounces, then the Bounce notification has the documented fields and the original headers', async () => {
    await setTopic('Bounce', topicArn);
    await headers('Bounce', true);
    const messageId = await send(['bounce@simulator.amazonses.com']);
    const { post, body } = await nextNotification('Bounce');
    expect(post.headers['x-amz-sns-topic-arn']).toBe(topicArn);
    expect(Object.keys(body)).toEqual(['notificationType', 'bounce', 'mail']);
    expect(body.bounce).toMatchObject({
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: 'bounce@simulator.amazonses.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
      ],
      remoteMtaIp: '127.0.0.1',
    });
    expect(body.bounce?.feedbackId).toMatch(/^0100[0-9a-f]{12}-/);
    expect(body.bounce?.reportingMTA).toMatch(/^dsn; /);
    expect(Number.isNaN(Date.parse(body.bounce?.timestamp as string))).toBe(false);
    expect(body.mail).toMatchObject({
      messageId,
      source: SENDER,
      sourceArn: `arn:aws:ses:us-east-1:000000000000:identity/${DOMAIN}`,
      sendingAccountId: '000000000000',
      destination: ['bounce@simulator.amazonses.com'],
      headersTruncated: false,
      commonHeaders: {
        from: [SENDER],
        to: ['bounce@simulator.amazonses.com'],
        messageId,
        subject: 'Feedback test',
      },
    });
    expect(body.mail.headers).toEqual(
      expect.arrayContaining([
        { name: 'From', value: SENDER },
        { name: 'To', value: 'bounce@simulator.amazonses.com' },
        { name: 'Subject', value: 'Feedback test' },
      ]),
    );
    // The typed client finds the notification by the sent message's id.
    const about = await control.snsNotificationsAbout(messageId);
    expect(about.map((m) => m.MessageId)).toEqual([post.envelope?.MessageId]);
  });

  it('when a recipient complains and headers are off, then the Complaint notification has no headers or commonHeaders', async () => {
    await setTopic('Complaint', topicArn);
    const messageId = await send(['complaint@simulator.amazonses.com']);
    const { body } = await nextNotification('Complaint');
    expect(body.complaint).toMatchObject({
      complainedRecipients: [{ emailAddress: 'complaint@simulator.amazonses.com' }],
      complaintFeedbackType: 'abuse',
      userAgent: 'Amazon SES Mailbox Simulator',
      complaintSubType: null,
    });
    expect(body.complaint?.feedbackId).toBeTruthy();
    expect(body.complaint?.arrivalDate).toBeTruthy();
    expect(body.mail.messageId).toBe(messageId);
    expect(body.mail).not.toHaveProperty('headers');
    expect(body.mail).not.toHaveProperty('commonHeaders');
    expect(body.mail).not.toHaveProperty('headersTruncated');
  });

  it('when a message is delivered, then the Delivery notification names the recipients and the SMTP response', async () => {
    await setTopic('Delivery', topicArn);
    await headers('Delivery', true);
    const messageId = await send(['success@simulator.amazonses.com']);
    const { body } = await nextNotification('Delivery');
    expect(body.mail.messageId).toBe(messageId);
    expect(body.delivery).toMatchObject({
      recipients: ['success@simulator.amazonses.com'],
      smtpResponse: '250 2.6.0 Message received',
      remoteMtaIp: '127.0.0.1',
    });
    expect(typeof body.delivery?.processingTimeMillis).toBe('number');
    expect(body.delivery?.reportingMTA).toContain('amazonses.com');
    expect(body.mail.commonHeaders).toMatchObject({ subject: 'Feedback test' });
  });

  it('when the recipient is out of the office, then SES reports Delivery and the sender gets an auto-reply in the mailbox', async () => {
    await setTopic('Delivery', topicArn);
    const messageId = await send(['ooto@simulator.amazonses.com']);
    const { body } = await nextNotification('Delivery');
    expect(body.mail.messageId).toBe(messageId);
    expect(body.delivery?.recipients).toEqual(['ooto@simulator.amazonses.com']);
    const replies = (await mailbox(emulator, '?email=ooto@simulator.amazonses.com')).filter((m) =>
      m.Destination.ToAddresses.includes(SENDER),
    );
    expect(replies.map((m) => m.Subject)).toEqual(['Out of Office: Feedback test']);
  });

  it('when the recipient is on the suppression list, then the Bounce is Permanent/OnAccountSuppressionList', async () => {
    await setTopic('Bounce', topicArn);
    await send(['suppressionlist@simulator.amazonses.com']);
    const { body } = await nextNotification('Bounce');
    expect(body.bounce).toMatchObject({
      bounceType: 'Permanent',
      bounceSubType: 'OnAccountSuppressionList',
      reportingMTA: 'dns; amazonses.com',
    });
    expect(body.bounce?.bouncedRecipients[0]?.diagnosticCode).toMatch(/^Amazon SES has suppressed sending/);
    expect(body.bounce).not.toHaveProperty('remoteMtaIp');
  });

  it('when forwarding is on and no topics are set, then the bounce and the complaint go to the sender by email and nothing is published', async () => {
    const messageId = await send(['bounce@simulator.amazonses.com', 'complaint@simulator.amazonses.com']);
    const forwarded = (await mailbox(emulator, '?email=MAILER-DAEMON@amazonses.com')).filter((m) =>
      m.Destination.ToAddresses.includes(SENDER),
    );
    expect(forwarded.map((m) => m.Subject)).toEqual(['Delivery Status Notification (Failure)']);
    expect(forwarded[0]?.Body?.text_part).toContain('bounce@simulator.amazonses.com');
    expect(forwarded[0]?.Body?.text_part).toContain(messageId);
    const complaints = (await mailbox(emulator, '?email=complaints@email-abuse.amazonses.com')).filter((m) =>
      m.Destination.ToAddresses.includes(SENDER),
    );
    expect(complaints.map((m) => m.Subject)).toEqual(['Complaint: Feedback test']);
    expect(complaints[0]?.Body?.text_part).toContain('complaint@simulator.amazonses.com');
    expect(await control.snsNotificationsAbout(messageId)).toEqual([]);
  });

  it('when Bounce and Complaint topics are set, then SES v2 may disable forwarding, no feedback email is sent, and clearing a topic turns forwarding back on', async () => {
    await setTopic('Bounce', topicArn);
    await setTopic('Complaint', topicArn);
    await v2.send(
      new PutEmailIdentityFeedbackAttributesCommand({ EmailIdentity: DOMAIN, EmailForwardingEnabled: false }),
    );
    expect(
      (await v2.send(new GetEmailIdentityCommand({ EmailIdentity: DOMAIN }))).FeedbackForwardingStatus,
    ).toBe(false);
    const messageId = await send(['bounce@simulator.amazonses.com', 'complaint@simulator.amazonses.com']);
    const bounce = await nextNotification('Bounce');
    const complaint = await nextNotification('Complaint');
    expect([bounce.body.mail.messageId, complaint.body.mail.messageId]).toEqual([messageId, messageId]);
    const feedbackMail = (await mailbox(emulator)).filter((m) => m.Destination.ToAddresses.includes(SENDER));
    expect(feedbackMail).toEqual([]);

    await setTopic('Complaint');
    expect(
      (await v2.send(new GetEmailIdentityCommand({ EmailIdentity: DOMAIN }))).FeedbackForwardingStatus,
    ).toBe(true);
  });

  it('when the Bounce topic was deleted, then SES drops it from the identity and forwards the bounce by email instead', async () => {
    await setTopic('Bounce', topicArn);
    await setTopic('Complaint', topicArn);
    await v2.send(
      new PutEmailIdentityFeedbackAttributesCommand({ EmailIdentity: DOMAIN, EmailForwardingEnabled: false }),
    );
    await sns.send(new DeleteTopicCommand({ TopicArn: topicArn }));
    await send(['bounce@simulator.amazonses.com']);
    const identity = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: DOMAIN }));
    expect(identity.FeedbackForwardingStatus).toBe(true);
    const messageId = await send(['bounce@simulator.amazonses.com']);
    const forwarded = (await mailbox(emulator, '?email=MAILER-DAEMON@amazonses.com')).filter((m) =>
      m.Body?.text_part?.includes(messageId),
    );
    expect(forwarded).toHaveLength(1);
  });

  it('when an address identity has its own settings, then they apply to its mail instead of its domain’s; SES v1 SendEmail gives feedback too', async () => {
    const own = `own@${DOMAIN}`;
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: own }));
    await control.verifyEmailAddress(own).catch(() => undefined);
    await setTopic('Delivery', topicArn);
    // The address is an identity without a Delivery topic: its mail reports nothing on the domain's topic.
    const fromOwn = await send(['success@simulator.amazonses.com'], own);
    const v1Sent = await v1.send(
      new SendEmailV1Command({
        Source: SENDER,
        Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
        Message: { Subject: { Data: 'v1' }, Body: { Text: { Data: 'via v1' } } },
      }),
    );
    const { body } = await nextNotification('Delivery');
    expect(body.mail.messageId).toBe(v1Sent.MessageId);
    expect(await control.snsNotificationsAbout(fromOwn)).toEqual([]);
  });
});
