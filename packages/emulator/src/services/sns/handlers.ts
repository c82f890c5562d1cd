import type { IncomingRequest } from '../../protocol/http-types.js';
import {
  InvalidQueryParameter,
  QueryActions,
  type QueryStruct,
  queryBoolean,
  queryMap,
  queryResponse,
  queryString,
  queryStructList,
} from '../../protocol/query.js';
import { xmlList, xmlMap } from '../../protocol/xml.js';
import type { Scope } from '../../store/ses-records.js';
import type { PublishedMessageAttribute, SubscriptionRecord } from '../../store/sns-records.js';
import { missingParameter } from './errors.js';
import type { SnsModel } from './model/sns-model.js';

export const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

function scopeOf(req: IncomingRequest): Scope {
  return { accountId: req.ctx.accountId, region: req.ctx.region };
}

function required(input: QueryStruct, member: string): string {
  const value = queryString(input, member);
  if (value === undefined) throw missingParameter(member);
  return value;
}

/** A map of text values (`Attributes.entry.N.key/value`). */
function stringMap(input: QueryStruct, member: string): Record<string, string> {
  const map = queryMap(input, member) ?? new Map();
  const out: Record<string, string> = {};
  for (const [key, value] of map) {
    if (typeof value !== 'string') {
      throw new InvalidQueryParameter(`${member}: the value of ${key} must be a single value.`);
    }
    out[key] = value;
  }
  return out;
}

/** `MessageAttributes.entry.N.Name` / `….Value.DataType|StringValue|BinaryValue`. */
function messageAttributes(input: QueryStruct): Record<string, PublishedMessageAttribute> {
  const map = queryMap(input, 'MessageAttributes', { key: 'Name', value: 'Value' }) ?? new Map();
  const out: Record<string, PublishedMessageAttribute> = {};
  for (const [name, value] of map) {
    const struct = typeof value === 'object' && !Array.isArray(value) ? (value as QueryStruct) : undefined;
    if (!struct) throw new InvalidQueryParameter(`MessageAttributes: ${name} must have Value.DataType.`);
    const dataType = queryString(struct, 'DataType');
    if (dataType === undefined) {
      throw new InvalidQueryParameter(`MessageAttributes: ${name} must have Value.DataType.`);
    }
    const stringValue = queryString(struct, 'StringValue');
    const binaryValue = queryString(struct, 'BinaryValue');
    out[name] = {
      DataType: dataType,
      ...(stringValue !== undefined && { StringValue: stringValue }),
      ...(binaryValue !== undefined && { BinaryValue: binaryValue }),
    };
  }
  return out;
}

function subscriptionMember(s: SubscriptionRecord) {
  return {
    SubscriptionArn: s.confirmed ? s.arn : 'PendingConfirmation',
    Owner: s.accountId,
    Protocol: s.protocol,
    Endpoint: s.endpoint,
    TopicArn: s.topicArn,
  };
}

/** Wire ↔ model for every SNS operation the emulator serves. */
export function createSnsActions(model: SnsModel): QueryActions {
  const answer = (req: IncomingRequest, action: string, result?: Parameters<typeof queryResponse>[3]) =>
    queryResponse(req, SNS_NAMESPACE, action, result);
  return new QueryActions()
    .add('CreateTopic', (req, input) => {
      const tags = (queryStructList(input, 'Tags') ?? []).map((t) => ({
        Key: queryString(t, 'Key') ?? '',
        Value: queryString(t, 'Value') ?? '',
      }));
      const topic = model.createTopic(
        scopeOf(req),
        required(input, 'Name'),
        stringMap(input, 'Attributes'),
        tags,
      );
      return answer(req, 'CreateTopic', { TopicArn: topic.arn });
    })
    .add('ListTopics', (req, input) => {
      const page = model.listTopics(scopeOf(req), queryString(input, 'NextToken'));
      return answer(req, 'ListTopics', {
        Topics: xmlList(
          'member',
          page.topics.map((t) => ({ TopicArn: t.arn })),
        ),
        NextToken: page.nextToken,
      });
    })
    .add('GetTopicAttributes', (req, input) => {
      const attributes = model.topicAttributes(scopeOf(req), required(input, 'TopicArn'));
      return answer(req, 'GetTopicAttributes', { Attributes: xmlMap(Object.entries(attributes)) });
    })
    .add('DeleteTopic', (req, input) => {
      model.deleteTopic(scopeOf(req), required(input, 'TopicArn'));
      return answer(req, 'DeleteTopic', undefined);
    })
    .add('Subscribe', (req, input) => {
      const subscription = model.subscribe(scopeOf(req), {
        topicArn: required(input, 'TopicArn'),
        protocol: required(input, 'Protocol'),
        endpoint: queryString(input, 'Endpoint'),
        attributes: stringMap(input, 'Attributes'),
      });
      const returnArn = queryBoolean(input, 'ReturnSubscriptionArn') ?? false;
      return answer(req, 'Subscribe', {
        SubscriptionArn: subscription.confirmed || returnArn ? subscription.arn : 'pending confirmation',
      });
    })
    .add('ConfirmSubscription', (req, input) => {
      // Read for its shape only: the emulator does not authenticate Unsubscribe either way.
      queryBoolean(input, 'AuthenticateOnUnsubscribe');
      const arn = model.confirmSubscription(
        scopeOf(req),
        required(input, 'TopicArn'),
        required(input, 'Token'),
      );
      return answer(req, 'ConfirmSubscription', { SubscriptionArn: arn });
    })
    .add('ListSubscriptionsByTopic', (req, input) => {
      const page = model.listSubscriptionsByTopic(
        scopeOf(req),
        required(input, 'TopicArn'),
        queryString(input, 'NextToken'),
      );
      return answer(req, 'ListSubscriptionsByTopic', {
        Subscriptions: xmlList('member', page.subscriptions.map(subscriptionMember)),
        NextToken: page.nextToken,
      });
    })
    .add('Unsubscribe', (req, input) => {
      model.unsubscribe(scopeOf(req), required(input, 'SubscriptionArn'));
      return answer(req, 'Unsubscribe', undefined);
    })
    .add('Publish', (req, input) => {
      const message = model.publish(scopeOf(req), {
        topicArn: queryString(input, 'TopicArn'),
        targetArn: queryString(input, 'TargetArn'),
        phoneNumber: queryString(input, 'PhoneNumber'),
        message: required(input, 'Message'),
        subject: queryString(input, 'Subject'),
        messageStructure: queryString(input, 'MessageStructure'),
        messageAttributes: messageAttributes(input),
      });
      return answer(req, 'Publish', { MessageId: message.id });
    });
}
