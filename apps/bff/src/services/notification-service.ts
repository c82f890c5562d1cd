import {
  GetIdentityNotificationAttributesCommand,
  type IdentityNotificationAttributes,
  SetIdentityFeedbackForwardingEnabledCommand,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityNotificationTopicCommand,
} from '@aws-sdk/client-ses';
import {
  FORWARDING_RULE,
  feedbackTypeLabels,
  feedbackTypes,
  type NotificationSettings,
  parseSnsTopicArn,
  typesMissingForNoForwarding,
  type UpdateNotificationsRequest,
} from '@ses-console/contract';
import { AppError } from '../errors/app-error.js';
import { callAws } from '../errors/aws-error-map.js';
import { type ChangeStep, isStepFailure, partialChangeError, runSteps } from './change-steps.js';
import type { ServiceContext } from './service-context.js';

/**
 * An identity's feedback notifications: SES v1 only (v2 has no per-identity SNS topics), through the
 * v1 client of the identity's Region. Forwarding is the same setting v2 calls FeedbackForwardingStatus.
 */

function settingsOf(attributes: IdentityNotificationAttributes): NotificationSettings {
  return {
    bounce: {
      topicArn: attributes.BounceTopic || null,
      includeHeaders: attributes.HeadersInBounceNotificationsEnabled ?? false,
    },
    complaint: {
      topicArn: attributes.ComplaintTopic || null,
      includeHeaders: attributes.HeadersInComplaintNotificationsEnabled ?? false,
    },
    delivery: {
      topicArn: attributes.DeliveryTopic || null,
      includeHeaders: attributes.HeadersInDeliveryNotificationsEnabled ?? false,
    },
    // SES's default: forwarding is on until it is switched off.
    forwardingEnabled: attributes.ForwardingEnabled ?? true,
  };
}

export async function getNotificationSettings(
  ctx: ServiceContext,
  region: string,
  identity: string,
): Promise<NotificationSettings> {
  const out = await callAws(() =>
    ctx.clients.sesV1(region).send(new GetIdentityNotificationAttributesCommand({ Identities: [identity] })),
  );
  const map = out.NotificationAttributes ?? {};
  // SES answers an identity it does not know by leaving it out of the map (no error); domains are
  // case-insensitive, so a key that differs only in case is the same identity.
  const attributes =
    map[identity] ?? Object.entries(map).find(([name]) => name.toLowerCase() === identity.toLowerCase())?.[1];
  if (!attributes) throw AppError.notFound(`Identity ${identity} does not exist in ${region}`);
  return settingsOf(attributes);
}

/** The settings as they are after `change` (what is left out stays as it is). */
function merged(current: NotificationSettings, change: UpdateNotificationsRequest): NotificationSettings {
  return {
    bounce: change.bounce ?? current.bounce,
    complaint: change.complaint ?? current.complaint,
    delivery: change.delivery ?? current.delivery,
    forwardingEnabled: change.forwardingEnabled ?? current.forwardingEnabled,
  };
}

/**
 * SES's rules, checked before any call so nothing is half done: forwarding can be off only while
 * Bounce and Complaint both have topics (the 400 names the field the request changed: forwarding, or
 * the topic it clears), and a topic must be in the identity's Region (SES publishes in its own Region;
 * a topic of another account is fine, SES checks its policy itself).
 */
function assertAllowed(
  region: string,
  current: NotificationSettings,
  change: UpdateNotificationsRequest,
  next: NotificationSettings,
): void {
  for (const type of feedbackTypes) {
    const arn = change[type]?.topicArn;
    const topicRegion = arn ? parseSnsTopicArn(arn)?.region : undefined;
    if (topicRegion && topicRegion !== region) {
      const message = `The topic must be in ${region}, the identity's Region; this one is in ${topicRegion}`;
      throw AppError.badRequest(`${type}.topicArn: ${message}`, [{ field: `${type}.topicArn`, message }]);
    }
  }
  if (next.forwardingEnabled) return;
  const missing = typesMissingForNoForwarding(next);
  if (missing.length === 0) return;
  const names = missing.map((type) => feedbackTypeLabels[type]).join(' and ');
  if (change.forwardingEnabled === false && current.forwardingEnabled) {
    const message = `${FORWARDING_RULE}; set a topic for ${names} first`;
    throw AppError.badRequest(`forwardingEnabled: ${message}`, [{ field: 'forwardingEnabled', message }]);
  }
  const fieldErrors = missing
    .filter((type) => change[type] !== undefined)
    .map((type) => ({
      field: `${type}.topicArn`,
      message: `${feedbackTypeLabels[type]} notifications need an SNS topic while email feedback forwarding is disabled; enable forwarding first`,
    }));
  throw AppError.badRequest(fieldErrors[0]?.message ?? FORWARDING_RULE, fieldErrors);
}

type Step = ChangeStep & { holds(settings: NotificationSettings): boolean };

/** The SES calls of a change, in an order SES accepts at every step (forwarding on first, off last). */
function stepsOf(
  ctx: ServiceContext,
  region: string,
  identity: string,
  current: NotificationSettings,
  next: NotificationSettings,
): Step[] {
  const ses = ctx.clients.sesV1(region);
  const forwarding = (enabled: boolean): Step => ({
    description: `Email feedback forwarding ${enabled ? 'enabled' : 'disabled'}`,
    run: () =>
      ses.send(
        new SetIdentityFeedbackForwardingEnabledCommand({ Identity: identity, ForwardingEnabled: enabled }),
      ),
    holds: (s) => s.forwardingEnabled === enabled,
  });
  const steps: Step[] = [];
  if (next.forwardingEnabled && !current.forwardingEnabled) steps.push(forwarding(true));
  for (const type of feedbackTypes) {
    const label = feedbackTypeLabels[type];
    const topicArn = next[type].topicArn;
    if (topicArn !== current[type].topicArn) {
      steps.push({
        description: topicArn
          ? `${label} notifications to ${topicArn}`
          : `${label} notifications: no SNS topic`,
        run: () =>
          ses.send(
            new SetIdentityNotificationTopicCommand({
              Identity: identity,
              NotificationType: label,
              ...(topicArn ? { SnsTopic: topicArn } : {}),
            }),
          ),
        holds: (s) => s[type].topicArn === topicArn,
      });
    }
    const includeHeaders = next[type].includeHeaders;
    if (includeHeaders !== current[type].includeHeaders) {
      steps.push({
        description: `${label} notifications ${includeHeaders ? 'include' : 'leave out'} the original headers`,
        run: () =>
          ses.send(
            new SetIdentityHeadersInNotificationsEnabledCommand({
              Identity: identity,
              NotificationType: label,
              Enabled: includeHeaders,
            }),
          ),
        holds: (s) => s[type].includeHeaders === includeHeaders,
      });
    }
  }
  if (!next.forwardingEnabled && current.forwardingEnabled) steps.push(forwarding(false));
  return steps;
}

/** SES's own refusal of forwarding, shown under the forwarding field as SES worded it. */
function onForwardingField(error: unknown): unknown {
  if (!(error instanceof AppError) || error.status !== 400 || error.fieldErrors?.length) return error;
  const refused = new AppError(error.status, error.code, error.message, [
    { field: 'forwardingEnabled', message: error.message },
  ]);
  if (error.partial) refused.partial = error.partial;
  return refused;
}

export async function updateNotificationSettings(
  ctx: ServiceContext,
  region: string,
  identity: string,
  change: UpdateNotificationsRequest,
): Promise<NotificationSettings> {
  if (feedbackTypes.every((type) => change[type] === undefined) && change.forwardingEnabled === undefined) {
    const message = 'Provide at least one of bounce, complaint, delivery or forwardingEnabled';
    throw AppError.badRequest(message, [{ field: 'bounce', message }]);
  }
  const current = await getNotificationSettings(ctx, region, identity);
  const next = merged(current, change);
  assertAllowed(region, current, change, next);
  const steps = stepsOf(ctx, region, identity, current, next);
  try {
    await runSteps(steps);
  } catch (failure) {
    if (!isStepFailure(failure)) throw failure;
    const read = await getNotificationSettings(ctx, region, identity).then(
      (settings) => ({ settings }),
      () => undefined,
    );
    const error = partialChangeError(
      failure,
      read && {
        applied: steps.filter((s) => s.holds(read.settings)).map((s) => s.description),
        notApplied: steps.filter((s) => !s.holds(read.settings)).map((s) => s.description),
      },
    );
    throw failure.failed.startsWith('Email feedback forwarding') ? onForwardingField(error) : error;
  }
  return steps.length === 0 ? current : getNotificationSettings(ctx, region, identity);
}
