import { CreateTopicCommand, DeleteTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { type ListSnsTopicsResponse, SNS_TOPIC_LIST_MAX, type SnsTopic } from '@ses-console/contract';
import { callAws } from '../errors/aws-error-map.js';
import type { ServiceContext } from './service-context.js';

/** A topic's name: the last part of its ARN (`arn:aws:sns:<region>:<account>:<name>`). */
const topicOf = (arn: string): SnsTopic => ({ arn, name: arn.slice(arn.lastIndexOf(':') + 1) });

/**
 * The Region's SNS topics, by name: ListTopics page by page (100 a page) up to SNS_TOPIC_LIST_MAX,
 * the feedback topic choices of the Notifications tab and the emulator's topics page.
 */
export async function listSnsTopics(ctx: ServiceContext, region: string): Promise<ListSnsTopicsResponse> {
  const sns = ctx.clients.sns(region);
  const topics: SnsTopic[] = [];
  let NextToken: string | undefined;
  do {
    const page = await callAws(() => sns.send(new ListTopicsCommand(NextToken ? { NextToken } : {})));
    for (const topic of page.Topics ?? []) if (topic.TopicArn) topics.push(topicOf(topic.TopicArn));
    NextToken = page.NextToken || undefined;
  } while (NextToken && topics.length < SNS_TOPIC_LIST_MAX);
  topics.sort((a, b) => a.name.localeCompare(b.name) || a.arn.localeCompare(b.arn));
  return { topics: topics.slice(0, SNS_TOPIC_LIST_MAX), truncated: NextToken !== undefined };
}

/** CreateTopic (emulator mode's topics page): SNS answers the existing topic for a name it has. */
export async function createSnsTopic(ctx: ServiceContext, region: string, name: string): Promise<SnsTopic> {
  const out = await callAws(() => ctx.clients.sns(region).send(new CreateTopicCommand({ Name: name })));
  return topicOf(out.TopicArn ?? '');
}

/** DeleteTopic by name in the BFF's own account (SNS: idempotent, subscriptions go with it). */
export async function deleteSnsTopic(ctx: ServiceContext, region: string, name: string): Promise<void> {
  const TopicArn = `arn:aws:sns:${region}:${await ctx.accountId(region)}:${name}`;
  await callAws(() => ctx.clients.sns(region).send(new DeleteTopicCommand({ TopicArn })));
}
