import {
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  DeleteTopicCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  PublishCommand,
  paginateListTopics,
  type SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { boto3 } from './boto3.js';
import { failure, mailbox, startTestEmulator } from './helpers.js';
import { confirmVia, Subscriber, snsClient } from './sns-helpers.js';

interface CapturedSns {
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  MessageAttributes: Record<string, { DataType: string; StringValue?: string }>;
  Publisher: string;
  Timestamp: string;
}

async function captured(emulator: RunningEmulator, query = ''): Promise<CapturedSns[]> {
  const res = await fetch(`${emulator.url}/_emulator/sns${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: CapturedSns[] }).messages;
}

describe('SNS (query protocol, @aws-sdk/client-sns)', () => {
  let emulator: RunningEmulator;
  let sns: SNSClient;
  let subscriber: Subscriber;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    sns = snsClient(emulator);
    subscriber = await Subscriber.start();
  });
  afterAll(async () => {
    await subscriber.close();
    await emulator.close();
  });
  beforeEach(() => fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' }));

  describe('topics', () => {
    it('when a topic is created twice with the same name, then both calls return the one ARN of the caller’s Region and account', async () => {
      const first = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
      const second = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
      expect(first.TopicArn).toBe('arn:aws:sns:us-east-1:000000000000:alerts');
      expect(second.TopicArn).toBe(first.TopicArn);
      const listed = await sns.send(new ListTopicsCommand({}));
      expect(listed.Topics).toEqual([{ TopicArn: first.TopicArn }]);
      const elsewhere = await snsClient(emulator, 'eu-west-1').send(new ListTopicsCommand({}));
      expect(elsewhere.Topics).toEqual([]);
    });

    it('when the name is invalid, the attributes differ from the existing topic’s, or Name is missing, then 400 names the parameter', async () => {
      const bad = await failure(sns.send(new CreateTopicCommand({ Name: 'has space' })));
      expect(bad.status).toBe(400);
      expect(bad.name).toBe('InvalidParameterException');
      expect(bad.message).toMatch(/^Invalid parameter: Topic Name/);
      await sns.send(new CreateTopicCommand({ Name: 't', Attributes: { DisplayName: 'One' } }));
      const differs = await failure(
        sns.send(new CreateTopicCommand({ Name: 't', Attributes: { DisplayName: 'Two' } })),
      );
      expect(differs.message).toBe(
        'Invalid parameter: Attributes Reason: Topic already exists with different attributes',
      );
      const missing = await failure(sns.send(new CreateTopicCommand({} as never)));
      expect(missing.status).toBe(400);
      expect(missing.message).toContain("at 'name'");
    });

    it('when there are more topics than a page, then ListTopics pages with NextToken and the paginator sees every topic once', async () => {
      const names = Array.from({ length: 105 }, (_, i) => `topic-${String(i).padStart(3, '0')}`);
      for (const Name of names) await sns.send(new CreateTopicCommand({ Name }));
      const first = await sns.send(new ListTopicsCommand({}));
      expect(first.Topics).toHaveLength(100);
      expect(first.NextToken).toBeDefined();
      const arns: string[] = [];
      for await (const page of paginateListTopics({ client: sns }, {})) {
        arns.push(...(page.Topics ?? []).map((t) => t.TopicArn as string));
      }
      expect(arns).toEqual(names.map((n) => `arn:aws:sns:us-east-1:000000000000:${n}`));
      const forged = await failure(sns.send(new ListTopicsCommand({ NextToken: 'not-a-token' })));
      expect(forged.status).toBe(400);
      expect(forged.message).toBe('Invalid parameter: NextToken');
    });

    it('when a topic’s attributes are read, then SNS’s defaults, the given DisplayName and the subscription counts are there', async () => {
      const { TopicArn } = await sns.send(
        new CreateTopicCommand({ Name: 'attrs', Attributes: { DisplayName: 'Bounces' } }),
      );
      await sns.send(
        new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `${subscriber.url}/attrs` }),
      );
      const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
      expect(Attributes).toMatchObject({
        TopicArn,
        Owner: '000000000000',
        DisplayName: 'Bounces',
        SubscriptionsConfirmed: '0',
        SubscriptionsPending: '1',
        SubscriptionsDeleted: '0',
      });
      expect(JSON.parse(Attributes?.Policy as string).Id).toBe('__default_policy_ID');
      expect(JSON.parse(Attributes?.EffectiveDeliveryPolicy as string).http.defaultRequestPolicy).toEqual({
        headerContentType: 'text/plain; charset=UTF-8',
      });
    });

    it('when GetTopicAttributes names an unknown topic, a malformed ARN or another Region, then NotFound / InvalidParameter', async () => {
      const unknown = await failure(
        sns.send(new GetTopicAttributesCommand({ TopicArn: 'arn:aws:sns:us-east-1:000000000000:nope' })),
      );
      expect([unknown.status, unknown.name, unknown.message]).toEqual([
        404,
        'NotFoundException',
        'Topic does not exist',
      ]);
      const malformed = await failure(sns.send(new GetTopicAttributesCommand({ TopicArn: 'nope' })));
      expect([malformed.status, malformed.message]).toEqual([
        400,
        'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1',
      ]);
      const otherRegion = await failure(
        sns.send(new GetTopicAttributesCommand({ TopicArn: 'arn:aws:sns:eu-west-1:000000000000:x' })),
      );
      expect([otherRegion.status, otherRegion.message]).toEqual([400, 'Invalid parameter: TopicArn']);
    });

    it('when a topic is deleted (twice), then both calls succeed and the topic and its subscriptions are gone', async () => {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'gone' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'ops@example.com' }));
      await sns.send(new DeleteTopicCommand({ TopicArn }));
      await sns.send(new DeleteTopicCommand({ TopicArn }));
      const after = await failure(sns.send(new ListSubscriptionsByTopicCommand({ TopicArn })));
      expect(after.status).toBe(404);
      expect((await sns.send(new ListTopicsCommand({}))).Topics).toEqual([]);
    });
  });

  describe('subscriptions and delivery', () => {
    it('when a loopback http endpoint subscribes and visits its SubscribeURL, then it is confirmed and receives each Publish in SNS’s envelope', async () => {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'deliver' }));
      const sub = await sns.send(
        new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `${subscriber.url}/hook` }),
      );
      expect(sub.SubscriptionArn).toBe('pending confirmation');
      const confirmation = await confirmVia(subscriber, '/hook');
      expect(confirmation.headers['x-amz-sns-message-type']).toBe('SubscriptionConfirmation');
      expect(confirmation.headers['x-amz-sns-topic-arn']).toBe(TopicArn);
      expect(confirmation.headers['x-amz-sns-subscription-arn']).toBeUndefined();
      expect(confirmation.headers['user-agent']).toBe('Amazon Simple Notification Service Agent');
      expect(confirmation.headers['content-type']).toBe('text/plain; charset=UTF-8');
      expect(Object.keys(confirmation.envelope ?? {})).toEqual([
        'Type',
        'MessageId',
        'Token',
        'TopicArn',
        'Message',
        'SubscribeURL',
        'Timestamp',
        'SignatureVersion',
        'Signature',
        'SigningCertURL',
      ]);
      expect(confirmation.envelope?.Message).toBe(
        `You have chosen to subscribe to the topic ${TopicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
      );

      const listed = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
      const subscriptionArn = listed.Subscriptions?.[0]?.SubscriptionArn as string;
      expect(subscriptionArn).toMatch(new RegExp(`^${TopicArn}:[0-9a-f-]{36}$`));
      expect(listed.Subscriptions?.[0]).toMatchObject({
        Protocol: 'http',
        Endpoint: `${subscriber.url}/hook`,
        Owner: '000000000000',
        TopicArn,
      });

      const published = await sns.send(
        new PublishCommand({
          TopicArn,
          Message: 'hello <world> & all',
          Subject: 'Greetings',
          MessageAttributes: { team: { DataType: 'String', StringValue: 'mail' } },
        }),
      );
      const note = await subscriber.nextOfType('Notification', '/hook');
      expect(note.headers['x-amz-sns-message-id']).toBe(published.MessageId);
      expect(note.headers['x-amz-sns-subscription-arn']).toBe(subscriptionArn);
      expect(note.envelope).toMatchObject({
        Type: 'Notification',
        MessageId: published.MessageId,
        TopicArn,
        Subject: 'Greetings',
        Message: 'hello <world> & all',
        SignatureVersion: '1',
        MessageAttributes: { team: { Type: 'String', Value: 'mail' } },
      });
      expect(Object.keys(note.envelope ?? {}).slice(0, 9)).toEqual([
        'Type',
        'MessageId',
        'TopicArn',
        'Subject',
        'Message',
        'Timestamp',
        'SignatureVersion',
        'Signature',
        'SigningCertURL',
      ]);
      expect(note.envelope?.UnsubscribeURL).toContain(encodeURIComponent(subscriptionArn));
      expect(new Date(note.envelope?.Timestamp as string).toISOString()).toBe(note.envelope?.Timestamp);
    });

    it('when a subscriber confirms with ConfirmSubscription instead, then it is confirmed; a wrong token or topic is InvalidParameter', async () => {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'confirm-api' }));
      const other = await sns.send(new CreateTopicCommand({ Name: 'other' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `${subscriber.url}/api` }));
      const confirmation = await subscriber.nextOfType('SubscriptionConfirmation', '/api');
      const Token = confirmation.envelope?.Token as string;
      const wrongToken = await failure(
        sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token: 'ab'.repeat(64) })),
      );
      expect([wrongToken.status, wrongToken.message]).toEqual([400, 'Invalid token']);
      const wrongTopic = await failure(
        sns.send(new ConfirmSubscriptionCommand({ TopicArn: other.TopicArn, Token })),
      );
      expect(wrongTopic.message).toBe('Invalid parameter: Topic');
      const confirmed = await sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token }));
      expect(confirmed.SubscriptionArn).toMatch(new RegExp(`^${TopicArn}:`));
      const again = await sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token }));
      expect(again.SubscriptionArn).toBe(confirmed.SubscriptionArn);
      const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
      expect([Attributes?.SubscriptionsConfirmed, Attributes?.SubscriptionsPending]).toEqual(['1', '0']);
    });

    it('when an endpoint is not on loopback, does not match the protocol, or the protocol is unknown, then Subscribe is InvalidParameter', async () => {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'refuse' }));
      const remote = await failure(
        sns.send(new SubscribeCommand({ TopicArn, Protocol: 'https', Endpoint: 'https://example.com/hook' })),
      );
      expect(remote.status).toBe(400);
      expect(remote.message).toContain('the emulator delivers only to loopback endpoints');
      const mismatch = await failure(
        sns.send(new SubscribeCommand({ TopicArn, Protocol: 'https', Endpoint: `${subscriber.url}/x` })),
      );
      expect(mismatch.message).toBe('Invalid parameter: Endpoint must match the specified protocol');
      const unknown = await failure(
        sns.send(new SubscribeCommand({ TopicArn, Protocol: 'carrier-pigeon', Endpoint: 'x' })),
      );
      expect(unknown.message).toBe(
        'Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon',
      );
      const sqs = await failure(
        sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:0:q' })),
      );
      expect(sqs.message).toContain('Invalid parameter: Protocol');
      expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions).toEqual([]);
    });

    it('when a subscription is removed, then it is no longer listed and only the remaining subscriber gets the next message', async () => {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'unsub' }));
      for (const path of ['/leaves', '/stays']) {
        await sns.send(
          new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `${subscriber.url}${path}` }),
        );
        await confirmVia(subscriber, path);
      }
      const before = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
      const leaving = before.Subscriptions?.find((s) => s.Endpoint?.endsWith('/leaves'))
        ?.SubscriptionArn as string;
      await sns.send(new UnsubscribeCommand({ SubscriptionArn: leaving }));
      await sns.send(new UnsubscribeCommand({ SubscriptionArn: leaving }));
      const after = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
      expect(after.Subscriptions?.map((s) => s.Endpoint)).toEqual([`${subscriber.url}/stays`]);
      const malformed = await failure(sns.send(new UnsubscribeCommand({ SubscriptionArn: 'x:y' })));
      expect(malformed.message).toBe(
        'Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 2',
      );
      const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Message: 'after' }));
      const note = await subscriber.nextOfType('Notification', '/stays');
      expect(note.envelope?.MessageId).toBe(MessageId);
      expect(
        subscriber.received.filter((p) => p.path === '/leaves' && p.envelope?.Type === 'Notification'),
      ).toEqual([]);
    });

    it('when an email address subscribes, then the confirmation and, once confirmed, each message land in the mailbox', async () => {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'mail' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'ops@example.com' }));
      const [confirmation] = (await mailbox(emulator)).filter((m) =>
        m.Destination.ToAddresses.includes('ops@example.com'),
      );
      expect(confirmation?.Subject).toBe('AWS Notification - Subscription Confirmation');
      expect(confirmation?.Source).toBe('no-reply@sns.amazonaws.com');
      const link = /http:\/\/\S+confirm-subscription\S+/.exec(confirmation?.Body?.text_part ?? '')?.[0];
      expect((await fetch(link as string)).status).toBe(200);
      await sns.send(new PublishCommand({ TopicArn, Message: 'disk full', Subject: 'Alarm' }));
      const mails = (await mailbox(emulator)).filter((m) =>
        m.Destination.ToAddresses.includes('ops@example.com'),
      );
      expect(mails.map((m) => m.Subject)).toEqual(['AWS Notification - Subscription Confirmation', 'Alarm']);
      expect(mails[1]?.Body?.text_part).toMatch(/^disk full\n/);
    });
  });

  describe('publish', () => {
    it('when Publish breaks SNS’s rules, then 400/404 name the parameter and nothing is captured', async () => {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'rules' }));
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ TopicArn, Message: '' }, 400, 'Invalid parameter: Empty message'],
        [{ TopicArn, Message: 'x', Subject: 'two\nlines' }, 400, 'Invalid parameter: Subject'],
        [{ TopicArn, Message: 'x', Subject: 's'.repeat(100) }, 400, 'Invalid parameter: Subject'],
        [{ TopicArn, Message: 'x'.repeat(256 * 1024 + 1) }, 400, 'Invalid parameter: Message too long'],
        [
          { TopicArn, Message: '{"email":"x"}', MessageStructure: 'json' },
          400,
          'Invalid parameter: Message Structure - No default entry in JSON message body',
        ],
        [
          { TopicArn, Message: 'not json', MessageStructure: 'json' },
          400,
          'Invalid parameter: Message Structure - JSON message body failed to parse',
        ],
        [{ TopicArn: `${TopicArn}-missing`, Message: 'x' }, 404, 'Topic does not exist'],
        [
          { TopicArn: 'arn:aws:sns:eu-west-1:000000000000:rules', Message: 'x' },
          400,
          'Invalid parameter: TopicArn',
        ],
      ];
      for (const [input, status, message] of cases) {
        const error = await failure(sns.send(new PublishCommand(input as never)));
        expect([error.status, error.message]).toEqual([status, message]);
      }
      expect(await captured(emulator)).toEqual([]);
    });

    it('when messages are published on two topics, then /_emulator/sns lists them newest first and filters by topicArn', async () => {
      const a = (await sns.send(new CreateTopicCommand({ Name: 'a' }))).TopicArn as string;
      const b = (await sns.send(new CreateTopicCommand({ Name: 'b' }))).TopicArn as string;
      const first = await sns.send(new PublishCommand({ TopicArn: a, Message: 'one' }));
      const second = await sns.send(
        new PublishCommand({
          TopicArn: b,
          Message: '{"default":"two","email":"x"}',
          MessageStructure: 'json',
        }),
      );
      const third = await sns.send(
        new PublishCommand({
          TopicArn: a,
          Message: 'three',
          Subject: 'S',
          MessageAttributes: { n: { DataType: 'Number', StringValue: '3' } },
        }),
      );
      const all = await captured(emulator);
      expect(all.map((m) => m.MessageId)).toEqual([third.MessageId, second.MessageId, first.MessageId]);
      expect(all[1]?.Message).toBe('two');
      expect(all[0]).toMatchObject({
        TopicArn: a,
        Subject: 'S',
        Message: 'three',
        MessageAttributes: { n: { DataType: 'Number', StringValue: '3' } },
        Publisher: 'api',
      });
      expect(Number.isNaN(Date.parse(all[0]?.Timestamp as string))).toBe(false);
      const onA = await captured(emulator, `?topicArn=${encodeURIComponent(a)}`);
      expect(onA.map((m) => m.Message)).toEqual(['three', 'one']);
      const bad = await fetch(`${emulator.url}/_emulator/sns?topicArn=nope`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toContain(
        'topicArn must be an SNS topic ARN',
      );
    });

    it('when a form has an unknown Action or a broken member list, then the query protocol’s 400 names it', async () => {
      const post = (body: string) =>
        fetch(`${emulator.url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
      const unknown = await post('Action=CreatePlatformApplication&Version=2010-03-31');
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain(
        '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>InvalidAction</Code>',
      );
      const gap = await post(
        'Action=CreateTopic&Version=2010-03-31&Name=t&Attributes.entry.2.key=DisplayName&Attributes.entry.2.value=x',
      );
      expect(gap.status).toBe(400);
      expect(await gap.text()).toContain(
        '<Code>InvalidQueryParameter</Code><Message>Attributes.entry.2: list members are numbered from 1 without gaps, but Attributes.entry.1 is missing.</Message>',
      );
    });
  });

  describe('through boto3 (python3)', () => {
    it('when boto3’s sns client runs every operation, then it reads each answer and SNS’s error codes', async () => {
      const hook = `${subscriber.url}/boto3`;
      const run = boto3(
        emulator.url,
        `
sns = client('sns')
arn = sns.create_topic(Name='boto')['TopicArn']
topics = [t['TopicArn'] for t in sns.list_topics()['Topics']]
attrs = sns.get_topic_attributes(TopicArn=arn)['Attributes']
pending = sns.subscribe(TopicArn=arn, Protocol='http', Endpoint=${JSON.stringify(hook)})['SubscriptionArn']
print(json.dumps({'arn': arn, 'topics': topics, 'owner': attrs['Owner'], 'pending': pending}))
`,
      );
      const first = (await run) as { arn: string; topics: string[]; owner: string; pending: string };
      expect(first.topics).toEqual([first.arn]);
      expect(first.owner).toBe('000000000000');
      expect(first.pending).toBe('pending confirmation');
      const confirmation = await subscriber.nextOfType('SubscriptionConfirmation', '/boto3');
      const second = (await boto3(
        emulator.url,
        `
sns = client('sns')
arn = ${JSON.stringify(first.arn)}
sub = sns.confirm_subscription(TopicArn=arn, Token=${JSON.stringify(confirmation.envelope?.Token)})['SubscriptionArn']
subs = sns.list_subscriptions_by_topic(TopicArn=arn)['Subscriptions']
mid = sns.publish(TopicArn=arn, Message='from boto3', Subject='Hi')['MessageId']
errors = {
  'unknown': error_of(lambda: sns.get_topic_attributes(TopicArn=arn + 'x')),
  'empty': error_of(lambda: sns.publish(TopicArn=arn, Message='')),
  'token': error_of(lambda: sns.confirm_subscription(TopicArn=arn, Token='00')),
}
sns.unsubscribe(SubscriptionArn=sub)
after = sns.list_subscriptions_by_topic(TopicArn=arn)['Subscriptions']
sns.delete_topic(TopicArn=arn)
print(json.dumps({'sub': sub, 'subs': [s['SubscriptionArn'] for s in subs], 'mid': mid, 'errors': errors,
  'after': after, 'left': sns.list_topics()['Topics']}))
`,
      )) as {
        sub: string;
        subs: string[];
        mid: string;
        errors: Record<string, { code: string; message: string; status: number }>;
        after: unknown[];
        left: unknown[];
      };
      expect(second.subs).toEqual([second.sub]);
      const note = await subscriber.nextOfType('Notification', '/boto3');
      expect(note.envelope?.MessageId).toBe(second.mid);
      expect(second.errors).toEqual({
        unknown: { code: 'NotFound', message: 'Topic does not exist', status: 404 },
        empty: { code: 'InvalidParameter', message: 'Invalid parameter: Empty message', status: 400 },
        token: { code: 'InvalidParameter', message: 'Invalid token', status: 400 },
      });
      expect(second.after).toEqual([]);
      expect(second.left).toEqual([]);
    }, 60_000);
  });
});
