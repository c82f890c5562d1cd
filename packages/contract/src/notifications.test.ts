import { describe, expect, it } from 'vitest';
import { typesMissingForNoForwarding, updateNotificationsRequestSchema } from './notifications.js';
import { parseSnsTopicArn, snsTopicArnProblem, snsTopicNameSchema } from './validation.js';

describe('SNS topic rules', () => {
  it.each([
    'arn:aws:sns:us-east-1:123456789012:ses-bounces',
    'arn:aws:sns:eu-west-1:000000000000:A_b-9',
    'arn:aws-us-gov:sns:us-gov-west-1:123456789012:feedback',
  ])('when the ARN is %s, then it is a topic ARN', (arn) => expect(snsTopicArnProblem(arn)).toBeUndefined());

  it.each([
    ['arn:aws:sns:us-east-1:12345:t', 'Region, 12-digit account'],
    ['arn:aws:sqs:us-east-1:123456789012:q', 'such as arn:aws:sns'],
    ['my-topic', 'such as arn:aws:sns'],
    ['arn:aws:sns:us-east-1:123456789012:bad name', 'topic name'],
    ['arn:aws:sns:us-east-1:123456789012:orders.fifo', 'not to FIFO topics'],
    ['', 'Enter the ARN'],
  ])('when the ARN is "%s", then the problem says %s', (arn, words) =>
    expect(snsTopicArnProblem(arn)).toContain(words),
  );

  it('when a topic ARN is parsed, then its Region, account and name come out', () => {
    expect(parseSnsTopicArn('arn:aws:sns:eu-west-1:123456789012:bounces')).toEqual({
      region: 'eu-west-1',
      accountId: '123456789012',
      name: 'bounces',
    });
    expect(parseSnsTopicArn('nope')).toBeUndefined();
  });

  it('when a topic name has a space or 257 characters, then the rule is named', () => {
    expect(snsTopicNameSchema.safeParse('a b').error?.issues[0]?.message).toContain('letters, digits');
    expect(snsTopicNameSchema.safeParse('a'.repeat(257)).error?.issues[0]?.message).toContain('256');
    expect(snsTopicNameSchema.safeParse('ses-feedback_1').success).toBe(true);
  });
});

describe('notification settings request', () => {
  it('when a type names a malformed topic ARN, then the issue is on that type topicArn', () => {
    const parsed = updateNotificationsRequestSchema.safeParse({
      bounce: { topicArn: 'not-an-arn', includeHeaders: false },
    });
    expect(parsed.error?.issues[0]?.path).toEqual(['bounce', 'topicArn']);
  });

  it('when forwarding would be off, then the types still missing a topic are named', () => {
    const none = { topicArn: null };
    const one = { topicArn: 'arn:aws:sns:us-east-1:123456789012:t' };
    expect(typesMissingForNoForwarding({ bounce: none, complaint: none })).toEqual(['bounce', 'complaint']);
    expect(typesMissingForNoForwarding({ bounce: one, complaint: none })).toEqual(['complaint']);
    expect(typesMissingForNoForwarding({ bounce: one, complaint: one })).toEqual([]);
  });
});
