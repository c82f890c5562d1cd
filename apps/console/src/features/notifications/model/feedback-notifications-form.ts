import {
  type FeedbackType,
  FORWARDING_RULE,
  feedbackTypeLabels,
  feedbackTypes,
  type NotificationSettings,
  type SnsTopic,
  snsTopicArnProblem,
  typesMissingForNoForwarding,
  type UpdateNotificationsRequest,
} from '@ses-console/contract';

/** The Select's choice that opens the ARN field (a topic of another account). */
export const OTHER_TOPIC = 'other-account-topic';
/** The Select's "No SNS topic". */
export const NO_TOPIC = 'no-topic';

/** One feedback type in the edit form. */
export interface FeedbackTypeDraft {
  /** NO_TOPIC, OTHER_TOPIC or the ARN of one of the Region's topics. */
  choice: string;
  /** The ARN typed for OTHER_TOPIC. */
  otherArn: string;
  includeHeaders: boolean;
}

export type FeedbackDraft = Record<FeedbackType, FeedbackTypeDraft>;

export type FeedbackField = `${FeedbackType}.topicArn`;
export const feedbackFields: readonly FeedbackField[] = feedbackTypes.map((t) => `${t}.topicArn` as const);

/**
 * What the form opens with: a topic of the Region is chosen in the Select, any other ARN (another
 * account's topic, or one the list does not have) is in the ARN field.
 */
export function feedbackDraftFrom(
  settings: NotificationSettings,
  topics: readonly SnsTopic[],
): FeedbackDraft {
  const draftOf = (type: FeedbackType): FeedbackTypeDraft => {
    const { topicArn, includeHeaders } = settings[type];
    if (!topicArn) return { choice: NO_TOPIC, otherArn: '', includeHeaders };
    if (topics.some((t) => t.arn === topicArn)) return { choice: topicArn, otherArn: '', includeHeaders };
    return { choice: OTHER_TOPIC, otherArn: topicArn, includeHeaders };
  };
  return { bounce: draftOf('bounce'), complaint: draftOf('complaint'), delivery: draftOf('delivery') };
}

/** The topic a type's draft names (null: No SNS topic). */
export function topicOfDraft(draft: FeedbackTypeDraft): string | null {
  if (draft.choice === NO_TOPIC) return null;
  return draft.choice === OTHER_TOPIC ? draft.otherArn.trim() : draft.choice;
}

/**
 * The ARN rule for a typed topic, and SES's forwarding rule: while forwarding is off, Bounce and
 * Complaint keep their topics (the same checks the BFF makes, so the form says it before the call).
 */
export function validateFeedbackDraft(
  settings: NotificationSettings,
  draft: FeedbackDraft,
): Partial<Record<FeedbackField, string>> {
  const errors: Partial<Record<FeedbackField, string>> = {};
  for (const type of feedbackTypes) {
    if (draft[type].choice === OTHER_TOPIC) {
      const problem = snsTopicArnProblem(draft[type].otherArn.trim());
      if (problem) errors[`${type}.topicArn`] = problem;
    }
  }
  if (!settings.forwardingEnabled) {
    const next = {
      bounce: { topicArn: topicOfDraft(draft.bounce) },
      complaint: { topicArn: topicOfDraft(draft.complaint) },
    };
    for (const type of typesMissingForNoForwarding(next)) {
      errors[`${type}.topicArn`] ??=
        `${feedbackTypeLabels[type]} notifications need an SNS topic while email feedback forwarding is disabled; enable forwarding first`;
    }
  }
  return errors;
}

/** Only the types that changed (null: nothing did, Save just closes). */
export function feedbackRequest(
  settings: NotificationSettings,
  draft: FeedbackDraft,
): UpdateNotificationsRequest | null {
  const request: UpdateNotificationsRequest = {};
  for (const type of feedbackTypes) {
    const topicArn = topicOfDraft(draft[type]);
    const { includeHeaders } = draft[type];
    if (topicArn !== settings[type].topicArn || includeHeaders !== settings[type].includeHeaders) {
      request[type] = { topicArn, includeHeaders };
    }
  }
  return Object.keys(request).length > 0 ? request : null;
}

/** A BFF field error's path (`bounce.topicArn`, or a whole type) → the form's field. */
export function feedbackFieldForPath(path: string): FeedbackField | undefined {
  const type = feedbackTypes.find((t) => path === t || path.startsWith(`${t}.`));
  return type ? `${type}.topicArn` : undefined;
}

/** Why forwarding cannot be switched off yet (undefined: it can). */
export function forwardingProblem(settings: NotificationSettings, enabled: boolean): string | undefined {
  if (enabled) return undefined;
  const missing = typesMissingForNoForwarding(settings);
  if (missing.length === 0) return undefined;
  const names = missing.map((type) => feedbackTypeLabels[type]).join(' and ');
  return `${FORWARDING_RULE}. Set a topic for ${names} under Feedback notifications first.`;
}
