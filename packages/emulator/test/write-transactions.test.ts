import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  DeleteHostedZoneCommand,
  UpdateHostedZoneCommentCommand,
} from '@aws-sdk/client-route-53';
import {
  DeleteIdentityCommand,
  DeleteIdentityPolicyCommand,
  PutIdentityPolicyCommand,
  SendEmailCommand as SendEmailV1Command,
  SendRawEmailCommand,
  SetIdentityDkimEnabledCommand,
  SetIdentityFeedbackForwardingEnabledCommand,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityMailFromDomainCommand,
  SetIdentityNotificationTopicCommand,
  VerifyDomainDkimCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  CreateEmailTemplateCommand,
  DeleteConfigurationSetCommand,
  DeleteEmailIdentityCommand,
  DeleteEmailIdentityPolicyCommand,
  DeleteEmailTemplateCommand,
  DeleteSuppressedDestinationCommand,
  PutAccountDetailsCommand,
  PutAccountSendingAttributesCommand,
  PutAccountSuppressionAttributesCommand,
  PutConfigurationSetSuppressionOptionsCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
  PutEmailIdentityFeedbackAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  PutSuppressedDestinationCommand,
  SendBulkEmailCommand,
  SendEmailCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateEmailIdentityPolicyCommand,
  UpdateEmailTemplateCommand,
} from '@aws-sdk/client-sesv2';
import {
  CreateTopicCommand,
  DeleteTopicCommand,
  ListSubscriptionsByTopicCommand,
  PublishCommand,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, sesClient, sesV1Client, startTestEmulator, verificationLink } from './helpers.js';
import { route53Client } from './route53-helpers.js';
import { confirmVia, Subscriber, snsClient } from './sns-helpers.js';

/**
 * Durability audit: every statement that writes is watched, and a step (one API call or control-plane
 * request) may run at most one write outside a transaction. A single autocommitted statement is atomic;
 * two are not, and a crash between them would leave half a change behind.
 */
const outside: string[] = [];
/** All writes seen, to prove the watch is live. */
const seen = { writes: 0 };
const originalPrepare = Database.prototype.prepare;

function watchWrites(): void {
  Database.prototype.prepare = function prepare(this: Database.Database, sql: string) {
    const statement = originalPrepare.call(this, sql);
    if (/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)) {
      const run = statement.run.bind(statement) as (...args: unknown[]) => Database.RunResult;
      (statement as unknown as { run: typeof run }).run = (...args: unknown[]) => {
        seen.writes += 1;
        if (!this.inTransaction) outside.push(sql.trim().replace(/\s+/g, ' ').slice(0, 80));
        return run(...args);
      };
    }
    return statement;
  } as typeof originalPrepare;
}

describe('every write path is one transaction (statements run outside a transaction are counted)', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    watchWrites();
    emulator = await startTestEmulator({ verificationMode: 'realistic' });
  });
  afterAll(async () => {
    await emulator.close();
    Database.prototype.prepare = originalPrepare;
  });

  async function step(name: string, work: () => Promise<unknown>): Promise<void> {
    outside.length = 0;
    await work();
    expect(
      outside.length,
      `${name} wrote ${outside.length} statements outside a transaction: ${outside.join(' | ')}`,
    ).toBeLessThanOrEqual(1);
  }

  it('when every SES v2, Route 53 and control-plane write runs, then none does more than one write outside a transaction', async () => {
    const ses = sesClient(emulator);
    const r53 = route53Client(emulator.url);
    const arn = 'arn:aws:ses:us-east-1:000000000000:identity/tx.example';
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${emulator.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => {
        if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status}`);
      });

    await step('CreateConfigurationSet', () =>
      ses.send(
        new CreateConfigurationSetCommand({ ConfigurationSetName: 'tx', Tags: [{ Key: 'a', Value: 'b' }] }),
      ),
    );
    await step('CreateEmailIdentity (domain, tags, set)', () =>
      ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'tx.example',
          ConfigurationSetName: 'tx',
          Tags: [
            { Key: 'k1', Value: 'v' },
            { Key: 'k2', Value: 'v' },
          ],
        }),
      ),
    );
    await step('CreateEmailIdentity (address: token + verification email)', () =>
      ses.send(
        new CreateEmailIdentityCommand({ EmailIdentity: 'tx@example.org', Tags: [{ Key: 'k', Value: 'v' }] }),
      ),
    );
    await step('PutEmailIdentityDkimAttributes', () =>
      ses.send(
        new PutEmailIdentityDkimAttributesCommand({ EmailIdentity: 'tx.example', SigningEnabled: false }),
      ),
    );
    await step('PutEmailIdentityDkimSigningAttributes', () =>
      ses.send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'tx.example',
          SigningAttributesOrigin: 'AWS_SES',
          SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
        }),
      ),
    );
    await step('PutEmailIdentityMailFromAttributes', () =>
      ses.send(
        new PutEmailIdentityMailFromAttributesCommand({
          EmailIdentity: 'tx.example',
          MailFromDomain: 'mail.tx.example',
        }),
      ),
    );
    await step('PutEmailIdentityFeedbackAttributes', () =>
      ses.send(
        new PutEmailIdentityFeedbackAttributesCommand({
          EmailIdentity: 'tx.example',
          // Disabling needs Bounce and Complaint topics (NotificationSettingsModel); enabling writes too.
          EmailForwardingEnabled: true,
        }),
      ),
    );
    await step('PutEmailIdentityConfigurationSetAttributes', () =>
      ses.send(new PutEmailIdentityConfigurationSetAttributesCommand({ EmailIdentity: 'tx.example' })),
    );
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'ses:SendEmail', Resource: arn }],
    });
    await step('CreateEmailIdentityPolicy', () =>
      ses.send(
        new CreateEmailIdentityPolicyCommand({
          EmailIdentity: 'tx.example',
          PolicyName: 'p',
          Policy: policy,
        }),
      ),
    );
    await step('UpdateEmailIdentityPolicy', () =>
      ses.send(
        new UpdateEmailIdentityPolicyCommand({
          EmailIdentity: 'tx.example',
          PolicyName: 'p',
          Policy: policy,
        }),
      ),
    );
    await step('TagResource', () =>
      ses.send(
        new TagResourceCommand({
          ResourceArn: arn,
          Tags: [
            { Key: 'x', Value: '1' },
            { Key: 'y', Value: '2' },
          ],
        }),
      ),
    );
    await step('UntagResource', () =>
      ses.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['x', 'y'] })),
    );
    await step('verify-email link', async () => fetch(await verificationLink(emulator, 'tx@example.org')));
    await step('account: production access (control plane)', () =>
      control('POST', '/_emulator/account', { productionAccess: true }),
    );
    await step('SendEmail', () =>
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'tx@example.org',
          Destination: { ToAddresses: ['a@example.net', 'b@example.net'] },
          Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } },
        }),
      ),
    );
    const zone = await r53.send(
      new CreateHostedZoneCommand({ Name: 'tx.example', CallerReference: 'tx-zone' }),
    );
    const zoneId = zone.HostedZone?.Id?.replace('/hostedzone/', '') as string;
    const record = (Action: 'UPSERT' | 'DELETE') => ({
      Action,
      ResourceRecordSet: {
        Name: 'a.tx.example',
        Type: 'TXT' as const,
        TTL: 60,
        ResourceRecords: [{ Value: '"x"' }],
      },
    });
    await step('ChangeResourceRecordSets', () =>
      r53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: [record('UPSERT')] },
        }),
      ),
    );
    await step('clock advance (verification engine transitions)', () => advanceClock(emulator, 80 * 3600));
    await step('ChangeResourceRecordSets (delete)', () =>
      r53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: [record('DELETE')] },
        }),
      ),
    );
    await step('UpdateHostedZoneComment', () =>
      r53.send(new UpdateHostedZoneCommentCommand({ Id: zoneId, Comment: 'tx' })),
    );
    await step('ChangeTagsForResource (add and remove)', () =>
      r53.send(
        new ChangeTagsForResourceCommand({
          ResourceType: 'hostedzone',
          ResourceId: zoneId,
          AddTags: [
            { Key: 'a', Value: '1' },
            { Key: 'b', Value: '2' },
          ],
          RemoveTagKeys: ['c'],
        }),
      ),
    );
    await step('DeleteHostedZone (and its tags)', () =>
      r53.send(new DeleteHostedZoneCommand({ Id: zoneId })),
    );
    await step('DeleteEmailIdentityPolicy', () =>
      ses.send(new DeleteEmailIdentityPolicyCommand({ EmailIdentity: 'tx.example', PolicyName: 'p' })),
    );
    await step('DeleteEmailIdentity (identity, policies, tags, tokens)', () =>
      ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'tx.example' })),
    );
    await step('PutConfigurationSetSuppressionOptions', () =>
      ses.send(
        new PutConfigurationSetSuppressionOptionsCommand({
          ConfigurationSetName: 'tx',
          SuppressedReasons: ['COMPLAINT'],
        }),
      ),
    );
    await step('DeleteConfigurationSet', () =>
      ses.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'tx' })),
    );
    await step('PutAccountDetails', () =>
      ses.send(
        new PutAccountDetailsCommand({
          MailType: 'TRANSACTIONAL',
          WebsiteURL: 'https://tx.example',
          ProductionAccessEnabled: true,
        }),
      ),
    );
    await step('PutAccountSendingAttributes', () =>
      ses.send(new PutAccountSendingAttributesCommand({ SendingEnabled: true })),
    );
    await step('PutAccountSuppressionAttributes', () =>
      ses.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: ['BOUNCE'] })),
    );
    await step('PutSuppressedDestination', () =>
      ses.send(new PutSuppressedDestinationCommand({ EmailAddress: 'gone@example.net', Reason: 'BOUNCE' })),
    );
    await step('DeleteSuppressedDestination', () =>
      ses.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'gone@example.net' })),
    );
    await step('CreateEmailTemplate', () =>
      ses.send(
        new CreateEmailTemplateCommand({
          TemplateName: 'tx',
          TemplateContent: { Subject: 'Hi {{name}}', Text: 'Hello {{name}}' },
        }),
      ),
    );
    await step('UpdateEmailTemplate', () =>
      ses.send(
        new UpdateEmailTemplateCommand({
          TemplateName: 'tx',
          TemplateContent: { Subject: 'Hello {{name}}', Text: 'Hi {{name}}' },
        }),
      ),
    );
    await step('SendBulkEmail', () =>
      ses.send(
        new SendBulkEmailCommand({
          FromEmailAddress: 'tx@example.org',
          DefaultContent: { Template: { TemplateName: 'tx', TemplateData: '{"name":"x"}' } },
          BulkEmailEntries: [
            { Destination: { ToAddresses: ['c@example.net'] } },
            { Destination: { ToAddresses: ['d@example.net', 'bounce@simulator.amazonses.com'] } },
          ],
        }),
      ),
    );
    await step('DeleteEmailTemplate', () => ses.send(new DeleteEmailTemplateCommand({ TemplateName: 'tx' })));
    await step('seed', () => control('POST', '/_emulator/seed', { identities: 10, hostedZones: true }));
    await step('mailbox clear', () => control('DELETE', '/_aws/ses'));
    await step('reset', () => control('POST', '/_emulator/reset'));
    expect(seen.writes).toBeGreaterThan(50); // the watch saw the workload's writes
  }, 60_000);

  it('when every SES v1 write runs, then none does more than one write outside a transaction', async () => {
    const v1 = sesV1Client(emulator);
    const before = seen.writes;
    await step('VerifyEmailIdentity (token + verification email)', () =>
      v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'v1tx@example.org' })),
    );
    await step('VerifyEmailIdentity again (new link)', () =>
      v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'v1tx@example.org' })),
    );
    await step('verify-email link', async () => fetch(await verificationLink(emulator, 'v1tx@example.org')));
    await step('VerifyDomainIdentity', () =>
      v1.send(new VerifyDomainIdentityCommand({ Domain: 'v1tx.example' })),
    );
    await step('VerifyDomainDkim', () => v1.send(new VerifyDomainDkimCommand({ Domain: 'v1tx.example' })));
    await step('SetIdentityDkimEnabled', () =>
      v1.send(new SetIdentityDkimEnabledCommand({ Identity: 'v1tx.example', DkimEnabled: false })),
    );
    await step('SetIdentityMailFromDomain', () =>
      v1.send(
        new SetIdentityMailFromDomainCommand({ Identity: 'v1tx.example', MailFromDomain: 'm.v1tx.example' }),
      ),
    );
    await step('SetIdentityFeedbackForwardingEnabled', () =>
      v1.send(
        new SetIdentityFeedbackForwardingEnabledCommand({
          Identity: 'v1tx@example.org',
          ForwardingEnabled: true,
        }),
      ),
    );
    await step('SetIdentityHeadersInNotificationsEnabled', () =>
      v1.send(
        new SetIdentityHeadersInNotificationsEnabledCommand({
          Identity: 'v1tx@example.org',
          NotificationType: 'Bounce',
          Enabled: true,
        }),
      ),
    );
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    await step('PutIdentityPolicy (create, then replace)', async () => {
      await v1.send(
        new PutIdentityPolicyCommand({ Identity: 'v1tx.example', PolicyName: 'p', Policy: policy }),
      );
      await v1.send(
        new PutIdentityPolicyCommand({ Identity: 'v1tx.example', PolicyName: 'p', Policy: policy }),
      );
    });
    await step('DeleteIdentityPolicy', () =>
      v1.send(new DeleteIdentityPolicyCommand({ Identity: 'v1tx.example', PolicyName: 'p' })),
    );
    // The account leaves the sandbox first: the sends below mail unverified recipients.
    await step('account: production access for the v1 sends (control plane)', async () => {
      const res = await fetch(`${emulator.url}/_emulator/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ productionAccess: true }),
      });
      expect(res.status).toBe(200);
    });
    await step('SendEmail (v1)', () =>
      v1.send(
        new SendEmailV1Command({
          Source: 'v1tx@example.org',
          Destination: { ToAddresses: ['a@example.net', 'b@example.net'] },
          Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } },
        }),
      ),
    );
    await step('SendRawEmail', () =>
      v1.send(
        new SendRawEmailCommand({
          RawMessage: {
            Data: new TextEncoder().encode('From: v1tx@example.org\r\nTo: a@example.net\r\n\r\nb'),
          },
        }),
      ),
    );
    await step('DeleteIdentity', () => v1.send(new DeleteIdentityCommand({ Identity: 'v1tx.example' })));
    expect(seen.writes - before).toBeGreaterThan(12);
  }, 60_000);

  it('when every SNS write and SES feedback on a topic run, then none does more than one write outside a transaction', async () => {
    const sns = snsClient(emulator);
    const v1 = sesV1Client(emulator);
    const subscriber = await Subscriber.start();
    const before = seen.writes;
    try {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'tx-feedback' }));
      await step('CreateTopic', () => sns.send(new CreateTopicCommand({ Name: 'tx-other' })));
      await step('Subscribe (http)', () =>
        sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `${subscriber.url}/tx` })),
      );
      await step('SubscribeURL (confirm)', () => confirmVia(subscriber, '/tx'));
      await step('Subscribe (email: confirmation email)', () =>
        sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'tx@example.org' })),
      );
      await step('Publish', () => sns.send(new PublishCommand({ TopicArn, Message: 'm' })));
      const ses = sesClient(emulator);
      // Realistic mode: the sender verifies through its link (a topic needs a verified identity).
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'fb@fb-tx.example' }));
      await fetch(await verificationLink(emulator, 'fb@fb-tx.example'));
      await step('SetIdentityNotificationTopic (+ subscription-succeeded publish)', () =>
        v1.send(
          new SetIdentityNotificationTopicCommand({
            Identity: 'fb@fb-tx.example',
            NotificationType: 'Bounce',
            SnsTopic: TopicArn,
          }),
        ),
      );
      await step('SendEmail with feedback (notification, forwarded bounce, auto-reply)', () =>
        ses.send(
          new SendEmailCommand({
            FromEmailAddress: 'fb@fb-tx.example',
            Destination: { ToAddresses: ['bounce@simulator.amazonses.com', 'ooto@simulator.amazonses.com'] },
            Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } },
          }),
        ),
      );
      const subs = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
      const confirmed = subs.Subscriptions?.find((s) => s.Protocol === 'http')?.SubscriptionArn as string;
      await step('Unsubscribe', () => sns.send(new UnsubscribeCommand({ SubscriptionArn: confirmed })));
      await step('DeleteTopic (topic and subscriptions)', () =>
        sns.send(new DeleteTopicCommand({ TopicArn })),
      );
      await step('SendEmail to a deleted topic (drops the topic)', () =>
        ses.send(
          new SendEmailCommand({
            FromEmailAddress: 'fb@fb-tx.example',
            Destination: { ToAddresses: ['bounce@simulator.amazonses.com'] },
            Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } },
          }),
        ),
      );
      await step('clear SNS messages', () =>
        fetch(`${emulator.url}/_emulator/sns`, { method: 'DELETE' }).then(() => undefined),
      );
      expect(seen.writes - before).toBeGreaterThan(10);
    } finally {
      await subscriber.close();
    }
  }, 60_000);
});
