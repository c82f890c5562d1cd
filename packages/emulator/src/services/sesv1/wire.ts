import type {
  BehaviorOnMXFailure,
  CustomMailFromStatus,
  IdentityDkimAttributes,
  IdentityMailFromDomainAttributes,
  IdentityNotificationAttributes,
  IdentityVerificationAttributes,
  VerificationStatus,
} from '@aws-sdk/client-ses';
import type { VerificationStatus as V2Status } from '@aws-sdk/client-sesv2';
import { type XmlElement, xmlList } from '../../protocol/xml.js';
import type { IdentityView } from '../ses/model/identities.js';
import type { NotificationAttributes } from '../ses/model/notification-settings.js';

/**
 * The shared SES state as SES v1 names it (SES-V1-SNS-STS.md §2.5): statuses `Pending`, `Success`,
 * `Failed`, `TemporaryFailure`, `NotStarted`; identity types `EmailAddress` / `Domain`; MX-failure
 * behaviours `UseDefaultValue` / `RejectMessage`. Output shapes are typed from `@aws-sdk/client-ses`.
 */

const STATUS: Record<V2Status, VerificationStatus> = {
  PENDING: 'Pending',
  SUCCESS: 'Success',
  FAILED: 'Failed',
  TEMPORARY_FAILURE: 'TemporaryFailure',
  NOT_STARTED: 'NotStarted',
};

export function v1Status(status: V2Status): VerificationStatus {
  return STATUS[status];
}

export const V1_IDENTITY_TYPES = ['EmailAddress', 'Domain'] as const;
export const V2_IDENTITY_TYPE = { EmailAddress: 'EMAIL_ADDRESS', Domain: 'DOMAIN' } as const;

export const V1_BEHAVIORS: readonly BehaviorOnMXFailure[] = ['UseDefaultValue', 'RejectMessage'];
export const V2_BEHAVIOR = { UseDefaultValue: 'USE_DEFAULT_VALUE', RejectMessage: 'REJECT_MESSAGE' } as const;
const V1_BEHAVIOR = { USE_DEFAULT_VALUE: 'UseDefaultValue', REJECT_MESSAGE: 'RejectMessage' } as const;

/** A shape's members as XML element values (the SDK types say which members exist). */
type XmlOf<T> = { [K in keyof T]?: XmlElement[string] };

export function verificationAttributes(view: IdentityView): XmlOf<IdentityVerificationAttributes> {
  const { identity } = view;
  return {
    VerificationStatus: v1Status(identity.verification.status),
    // Only domains have a token, and only once VerifyDomainIdentity handed one out [obs: LocalStack].
    VerificationToken: identity.type === 'DOMAIN' ? identity.verificationToken : undefined,
  };
}

/**
 * DKIM as v1 reports it: an address reports its domain's (the view already holds it); without DKIM
 * (an address on a domain that is no identity, a domain from VerifyDomainIdentity) it is disabled and
 * NotStarted, without tokens [model example]. BYODKIM domains list no tokens (there are none to
 * publish as CNAMEs).
 */
export function dkimAttributes(view: IdentityView): XmlOf<IdentityDkimAttributes> {
  const dkim = view.dkim;
  if (!dkim) return { DkimEnabled: false, DkimVerificationStatus: 'NotStarted' };
  return {
    DkimEnabled: dkim.signingEnabled,
    DkimVerificationStatus: v1Status(dkim.track.status),
    DkimTokens: dkim.origin === 'AWS_SES' ? xmlList('member', dkim.tokens) : undefined,
  };
}

/** MAIL FROM as v1 reports it; without a custom domain only the behaviour [inf: elements omitted when unset]. */
export function mailFromAttributes(view: IdentityView): XmlOf<IdentityMailFromDomainAttributes> {
  const { mailFrom } = view.identity;
  return {
    MailFromDomain: mailFrom.domain,
    MailFromDomainStatus: mailFrom.track
      ? (v1Status(mailFrom.track.status) as CustomMailFromStatus)
      : undefined,
    BehaviorOnMXFailure: V1_BEHAVIOR[mailFrom.behaviorOnMxFailure ?? 'USE_DEFAULT_VALUE'],
  };
}

/** Doubles as SES writes them: `200.0`, `1.0` [doc: GetSendQuota sample]. */
export function double(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * Notification settings as v1 reports them; a type without a topic has no `…Topic` element (the model
 * calls the topics required, but SES has none to name) [inf].
 */
export function notificationAttributes(
  attributes: NotificationAttributes,
): XmlOf<IdentityNotificationAttributes> {
  const { topics, headersEnabled } = attributes;
  return {
    BounceTopic: topics.Bounce,
    ComplaintTopic: topics.Complaint,
    DeliveryTopic: topics.Delivery,
    ForwardingEnabled: attributes.forwardingEnabled,
    HeadersInBounceNotificationsEnabled: headersEnabled.Bounce,
    HeadersInComplaintNotificationsEnabled: headersEnabled.Complaint,
    HeadersInDeliveryNotificationsEnabled: headersEnabled.Delivery,
  };
}
