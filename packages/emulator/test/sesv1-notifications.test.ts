import {
  GetIdentityNotificationAttributesCommand,
  type SESClient,
  SetIdentityFeedbackForwardingEnabledCommand,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityNotificationTopicCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { GetEmailIdentityCommand, PutEmailIdentityFeedbackAttributesCommand } from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, DeleteTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import {
  failure,
  postForm,
  servesSns,
  sesClient,
  sesV1Client,
  startTestEmulator,
  verificationLink,
} from './helpers.js';

/**
 * SES v1's notification operations (GetIdentityNotificationAttributes, SetIdentityNotificationTopic,
 * SetIdentityHeadersInNotificationsEnabled, SetIdentityFeedbackForwardingEnabled's rule) through
 * `@aws-sdk/client-ses`, over the shared notification-settings model. The cases that need real SNS
 * topics run once the SNS service is in the catalog (it lands from another branch).
 */
const withSns = servesSns();
if (!withSns)
  console.warn('sesv1-notifications: no SNS service in this tree yet; the topic cases run once it is.');

describe('SES v1 notification settings', () => {
  let emulator: RunningEmulator;
  let v1: SESClient;
  const verified = 'owner@notify.example';
  const pending = 'pending@notify.example';
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'realistic' });
    v1 = sesV1Client(emulator);
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: verified }));
    await fetch(await verificationLink(emulator, verified));
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: pending }));
  });
  afterAll(() => emulator.close());

  const attributes = async (...identities: string[]) =>
    (await v1.send(new GetIdentityNotificationAttributesCommand({ Identities: identities })))
      .NotificationAttributes ?? {};

  it('when nothing was set, then forwarding is on, headers are off, no topics; unknown identities are left out', async () => {
    expect(await attributes(verified, 'nobody@notify.example')).toEqual({
      [verified]: {
        ForwardingEnabled: true,
        HeadersInBounceNotificationsEnabled: false,
        HeadersInComplaintNotificationsEnabled: false,
        HeadersInDeliveryNotificationsEnabled: false,
      },
    });
  });

  it('when headers are enabled for a type without a topic, then SES accepts it and reports it (as real SES did)', async () => {
    await v1.send(
      new SetIdentityHeadersInNotificationsEnabledCommand({
        Identity: verified,
        NotificationType: 'Delivery',
        Enabled: true,
      }),
    );
    expect((await attributes(verified))[verified]?.HeadersInDeliveryNotificationsEnabled).toBe(true);
    await v1.send(
      new SetIdentityHeadersInNotificationsEnabledCommand({
        Identity: verified,
        NotificationType: 'Delivery',
        Enabled: false,
      }),
    );
    expect((await attributes(verified))[verified]?.HeadersInDeliveryNotificationsEnabled).toBe(false);
  });

  it('when headers are set for an unknown identity or an unknown type, then MessageRejected / InvalidParameterValue with SES’s messages', async () => {
    expect(
      await failure(
        v1.send(
          new SetIdentityHeadersInNotificationsEnabledCommand({
            Identity: 'unknown@example.com',
            NotificationType: 'Bounce',
            Enabled: true,
          }),
        ),
      ),
    ).toEqual({
      name: 'MessageRejected',
      status: 400,
      message: 'Identity unknown@example.com is not verified or does not exist.',
    });
    expect(
      await failure(
        v1.send(
          new SetIdentityHeadersInNotificationsEnabledCommand({
            Identity: verified,
            NotificationType: 'InvalidType' as never,
            Enabled: true,
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: 'Invalid notification type: InvalidType. Valid values are: Bounce, Complaint, Delivery.',
    });
  });

  it('when a topic is set on an unverified identity or is no topic ARN, then InvalidParameterValue', async () => {
    const unverified = await failure(
      v1.send(
        new SetIdentityNotificationTopicCommand({
          Identity: pending,
          NotificationType: 'Bounce',
          SnsTopic: 'arn:aws:sns:us-east-1:000000000000:feedback',
        }),
      ),
    );
    expect(unverified).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: `Identity ${pending} is invalid. Must be a verified email address or domain.`,
    });
    const notAnArn = await failure(
      v1.send(
        new SetIdentityNotificationTopicCommand({
          Identity: verified,
          NotificationType: 'Bounce',
          SnsTopic: 'nope',
        }),
      ),
    );
    expect(notAnArn.name).toBe('InvalidParameterValue');
    expect(notAnArn.message).toMatch(/^SNS topic nope is invalid/);
  });

  it('when forwarding is disabled without Bounce and Complaint topics, then InvalidParameterValue, and forwarding stays on in v1 and v2', async () => {
    const refused = await failure(
      v1.send(
        new SetIdentityFeedbackForwardingEnabledCommand({ Identity: verified, ForwardingEnabled: false }),
      ),
    );
    expect(refused.name).toBe('InvalidParameterValue');
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('Bounce and Complaint');
    expect((await attributes(verified))[verified]?.ForwardingEnabled).toBe(true);
    const v2 = await sesClient(emulator).send(new GetEmailIdentityCommand({ EmailIdentity: verified }));
    expect(v2.FeedbackForwardingStatus).toBe(true);
  });

  it('when a required parameter is missing, then ValidationError naming it', async () => {
    const res = await postForm(
      emulator,
      `Action=SetIdentityHeadersInNotificationsEnabled&Version=2010-12-01&Identity=${encodeURIComponent(verified)}&NotificationType=Bounce`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      "<Code>ValidationError</Code><Message>1 validation error detected: Value at 'enabled'",
    );
    const noType = await postForm(
      emulator,
      `Action=SetIdentityNotificationTopic&Version=2010-12-01&Identity=${encodeURIComponent(verified)}`,
    );
    expect(await noType.text()).toContain(
      "at 'notificationType' failed to satisfy constraint: Member must not be null",
    );
  });

  describe.runIf(withSns)('with SNS topics', () => {
    const snsIn = (region: string) =>
      new SNSClient({
        region,
        endpoint: emulator.url,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
      });
    const sns = () => snsIn('us-east-1');
    const createTopic = async (name: string, region = 'us-east-1') =>
      (await snsIn(region).send(new CreateTopicCommand({ Name: name }))).TopicArn as string;

    it('when Bounce and Complaint topics are set, then v1 reports them and forwarding can be disabled (v2 sees it off)', async () => {
      const topicArn = await createTopic('ses-feedback');
      for (const type of ['Bounce', 'Complaint'] as const) {
        await v1.send(
          new SetIdentityNotificationTopicCommand({
            Identity: verified,
            NotificationType: type,
            SnsTopic: topicArn,
          }),
        );
      }
      await v1.send(
        new SetIdentityFeedbackForwardingEnabledCommand({ Identity: verified, ForwardingEnabled: false }),
      );
      expect((await attributes(verified))[verified]).toMatchObject({
        BounceTopic: topicArn,
        ComplaintTopic: topicArn,
        ForwardingEnabled: false,
      });
      const v2 = await sesClient(emulator).send(new GetEmailIdentityCommand({ EmailIdentity: verified }));
      expect(v2.FeedbackForwardingStatus).toBe(false);
      await sesClient(emulator).send(
        new PutEmailIdentityFeedbackAttributesCommand({
          EmailIdentity: verified,
          EmailForwardingEnabled: true,
        }),
      );
      expect((await attributes(verified))[verified]?.ForwardingEnabled).toBe(true);
    });

    it('when the topic is in another Region or does not exist, then InvalidParameterValue naming the topic', async () => {
      const elsewhere = await createTopic('far-away', 'eu-west-1');
      const region = await failure(
        v1.send(
          new SetIdentityNotificationTopicCommand({
            Identity: verified,
            NotificationType: 'Delivery',
            SnsTopic: elsewhere,
          }),
        ),
      );
      expect(region.name).toBe('InvalidParameterValue');
      expect(region.message).toMatch(new RegExp(`^SNS topic ${elsewhere} is invalid`));
      const gone = await createTopic('short-lived');
      await sns().send(new DeleteTopicCommand({ TopicArn: gone }));
      const missing = await failure(
        v1.send(
          new SetIdentityNotificationTopicCommand({
            Identity: verified,
            NotificationType: 'Delivery',
            SnsTopic: gone,
          }),
        ),
      );
      expect(missing.name).toBe('InvalidParameterValue');
      expect(missing.message).toContain('does not exist');
    });
  });
});
