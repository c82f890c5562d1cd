import type { EmulatorCore } from '../../core.js';
import { inTransaction } from '../../store/db.js';
import type { MailboxMessage } from '../../store/ses-records.js';
import { SnsRepo } from '../../store/sns-repo.js';
import type { TopicDirectory } from '../ses/model/notification-settings.js';
import { emulatorSnsUrls, SnsDeliveryAgent } from './delivery.js';
import { topicOfArn } from './model/arns.js';
import { SnsModel } from './model/sns-model.js';

/** SNS's state and rules over the shared database, and the topic directory SES publishes feedback through. */
export interface SnsState {
  model: SnsModel;
  delivery: SnsDeliveryAgent;
  /** What SES sees of SNS: whether a topic exists, and publishing as SES. */
  topics: TopicDirectory;
}

/** `email`: where email / email-json subscriptions' messages go (the SES mailbox). */
export function createSnsState(
  core: EmulatorCore,
  deps: { email: (message: MailboxMessage) => void },
): SnsState {
  const store = new SnsRepo(core.db);
  const now = () => core.clock.nowMs();
  const delivery = new SnsDeliveryAgent({
    urls: emulatorSnsUrls(() => core.config.publicUrl),
    now,
    email: deps.email,
    logger: core.logger,
  });
  const model = new SnsModel({
    store,
    transaction: (work) => inTransaction(core.db, work),
    now,
    deliver: delivery,
  });
  const topics: TopicDirectory = {
    lookup: (arn) => {
      const parsed = topicOfArn(arn);
      return parsed && { ...parsed, exists: model.topicByArn(arn) !== undefined };
    },
    publish: (arn, message) => {
      const topic = model.topicByArn(arn);
      if (!topic) return undefined;
      return model.publishOnTopic(topic, {
        message: message.message,
        subject: message.subject,
        messageAttributes: {},
        publisher: 'ses',
      }).id;
    },
  };
  return { model, delivery, topics };
}
