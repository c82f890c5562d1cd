import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import {
  type QueryStruct,
  queryResponse,
  queryString,
  queryStringList,
  queryStruct,
  queryStructList,
} from '../../protocol/query.js';
import { type XmlElement, xmlList, xmlMap } from '../../protocol/xml.js';
import type { Scope } from '../../store/ses-records.js';
import { NotFoundException } from '../ses/model/errors.js';
import type { IdentityView } from '../ses/model/identities.js';
import type { SesModel } from '../ses/model/index.js';
import { identityNameOf, parseNotificationType } from '../ses/model/notification-settings.js';
import type { SendInput } from '../ses/model/sending.js';
import { InvalidParameterValue, SES_V1_NAMESPACE } from './errors.js';
import {
  optionalEnum,
  optionalInteger,
  requiredBoolean,
  requiredString,
  requiredStringList,
  requiredStruct,
} from './input.js';
import {
  dkimAttributes,
  double,
  mailFromAttributes,
  notificationAttributes,
  V1_BEHAVIORS,
  V1_IDENTITY_TYPES,
  V2_BEHAVIOR,
  V2_IDENTITY_TYPE,
  verificationAttributes,
} from './wire.js';

export type QueryOperation = (req: IncomingRequest, input: QueryStruct) => OutgoingResponse;

function scopeOf(req: IncomingRequest): Scope {
  return { accountId: req.ctx.accountId, region: req.ctx.region };
}

/** Get*Attributes take at most 100 identities [model]. */
const MAX_IDENTITIES = 100;
/** GetIdentityPolicies takes at most 20 names [model]. */
const MAX_POLICY_NAMES = 20;
/**
 * ListIdentities without MaxItems: one page of up to 1000 (the most MaxItems allows) [inf: SES documents
 * no default; scripts that never page see every identity of a usual account].
 */
const DEFAULT_LIST_PAGE = 1000;

/** `Tags.member.N.Name` / `.Value` of SendEmail / SendRawEmail, checked with SES's messages [obs: LocalStack snapshots]. */
function checkMessageTags(input: QueryStruct): void {
  for (const tag of queryStructList(input, 'Tags') ?? []) {
    const name = queryString(tag, 'Name');
    const value = queryString(tag, 'Value');
    if (!name) throw new InvalidParameterValue('The tag name must be specified.');
    if (value === undefined) throw new InvalidParameterValue('The tag value must be specified.');
    if (name.length > 255) throw new InvalidParameterValue('Tag name cannot exceed 255 characters.');
    if (!/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new InvalidParameterValue(
        `Invalid tag name ${name}: only alphanumeric ASCII characters, '_',  '-' are allowed.`,
      );
    }
    if (value.length > 255) throw new InvalidParameterValue('Tag value cannot exceed 255 characters.');
    if (!/^[A-Za-z0-9_.@-]*$/.test(value)) {
      throw new InvalidParameterValue(
        `Invalid tag value ${value}: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed.`,
      );
    }
  }
}

function contentData(parent: QueryStruct | undefined, member: string, path: string): string | undefined {
  const content = parent && queryStruct(parent, member);
  return content ? requiredString(content, 'Data', `${path}.Data`) : undefined;
}

function sendEmailInput(input: QueryStruct): SendInput {
  const source = requiredString(input, 'Source');
  const destination = requiredStruct(input, 'Destination');
  const message = requiredStruct(input, 'Message');
  const subject = requiredStruct(message, 'Subject', 'Message.Subject');
  const body = requiredStruct(message, 'Body', 'Message.Body');
  checkMessageTags(input);
  return {
    fromEmailAddress: source,
    destination: {
      ToAddresses: queryStringList(destination, 'ToAddresses') ?? [],
      CcAddresses: queryStringList(destination, 'CcAddresses') ?? [],
      BccAddresses: queryStringList(destination, 'BccAddresses') ?? [],
    },
    replyToAddresses: queryStringList(input, 'ReplyToAddresses'),
    configurationSetName: queryString(input, 'ConfigurationSetName'),
    simple: {
      subject: requiredString(subject, 'Data', 'Message.Subject.Data'),
      text: contentData(body, 'Text', 'Message.Body.Text'),
      html: contentData(body, 'Html', 'Message.Body.Html'),
    },
  };
}

function sendRawEmailInput(input: QueryStruct): SendInput {
  const raw = requiredStruct(input, 'RawMessage');
  const data = requiredString(raw, 'Data', 'RawMessage.Data');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(data)) {
    throw new InvalidParameterValue('RawMessage.Data must be the message, base64-encoded.');
  }
  const destinations = queryStringList(input, 'Destinations');
  checkMessageTags(input);
  return {
    fromEmailAddress: queryString(input, 'Source'),
    // Destinations are the envelope recipients; without them SES reads To and Cc from the message.
    destination: destinations && { ToAddresses: destinations, CcAddresses: [], BccAddresses: [] },
    configurationSetName: queryString(input, 'ConfigurationSetName'),
    raw: Buffer.from(data, 'base64'),
  };
}

/** Wire ↔ model for every SES v1 operation the emulator serves, over the state SES v2 serves too. */
export function createSesV1Handlers(model: SesModel): Record<string, QueryOperation> {
  const { identities, policies, sending, verifyRequests, notifications } = model;
  const answer = (req: IncomingRequest, action: string, result: XmlElement | undefined) =>
    queryResponse(req, SES_V1_NAMESPACE, action, result);

  /** The `Identity` parameter (Set…, Put…, Delete…) as a name: ARNs of this account and Region resolved. */
  const identityOf = (req: IncomingRequest, input: QueryStruct) => {
    const raw = requiredString(input, 'Identity');
    // Another Region's or account's ARN stays as given, and so names no identity here.
    return identityNameOf(scopeOf(req), raw) ?? raw;
  };

  /** The `Identities.member.N` that exist, each with the attributes `pick` reads; unknown ones are left out [inf]. */
  const attributeMap = (
    req: IncomingRequest,
    input: QueryStruct,
    pick: (view: IdentityView) => XmlElement,
  ) => {
    const scope = scopeOf(req);
    const entries: Array<[string, XmlElement]> = [];
    for (const given of requiredStringList(input, 'Identities', MAX_IDENTITIES)) {
      const name = identityNameOf(scope, given);
      const view = name === undefined ? undefined : identities.find(scope, name);
      if (view) entries.push([given, pick(view)]);
    }
    return xmlMap(entries);
  };

  return {
    VerifyEmailIdentity: (req, input) => {
      verifyRequests.verifyEmail(scopeOf(req), requiredString(input, 'EmailAddress'));
      return answer(req, 'VerifyEmailIdentity', {});
    },
    // Deprecated spelling of VerifyEmailIdentity; its output has no shape, so no Result element [model].
    VerifyEmailAddress: (req, input) => {
      verifyRequests.verifyEmail(scopeOf(req), requiredString(input, 'EmailAddress'));
      return answer(req, 'VerifyEmailAddress', undefined);
    },
    VerifyDomainIdentity: (req, input) => {
      const token = verifyRequests.verifyDomain(scopeOf(req), requiredString(input, 'Domain'));
      return answer(req, 'VerifyDomainIdentity', { VerificationToken: token });
    },
    VerifyDomainDkim: (req, input) => {
      const tokens = verifyRequests.verifyDomainDkim(scopeOf(req), requiredString(input, 'Domain'));
      return answer(req, 'VerifyDomainDkim', { DkimTokens: xmlList('member', tokens) });
    },
    ListIdentities: (req, input) => {
      const type = optionalEnum(input, 'IdentityType', V1_IDENTITY_TYPES);
      const maxItems = optionalInteger(input, 'MaxItems', { min: 1, max: 1000 });
      const page = identities.list(scopeOf(req), {
        filter: type ? { IDENTITY_TYPE: V2_IDENTITY_TYPE[type] } : undefined,
        pageSize: maxItems ?? DEFAULT_LIST_PAGE,
        nextToken: queryString(input, 'NextToken'),
      });
      return answer(req, 'ListIdentities', {
        Identities: xmlList(
          'member',
          page.items.map((identity) => identity.name),
        ),
        NextToken: page.nextToken,
      });
    },
    GetIdentityVerificationAttributes: (req, input) =>
      answer(req, 'GetIdentityVerificationAttributes', {
        VerificationAttributes: attributeMap(req, input, verificationAttributes),
      }),
    GetIdentityDkimAttributes: (req, input) =>
      answer(req, 'GetIdentityDkimAttributes', { DkimAttributes: attributeMap(req, input, dkimAttributes) }),
    GetIdentityMailFromDomainAttributes: (req, input) =>
      answer(req, 'GetIdentityMailFromDomainAttributes', {
        MailFromDomainAttributes: attributeMap(req, input, mailFromAttributes),
      }),
    SetIdentityDkimEnabled: (req, input) => {
      const identity = identityOf(req, input);
      identities.putDkimSigningEnabled(scopeOf(req), identity, requiredBoolean(input, 'DkimEnabled'));
      return answer(req, 'SetIdentityDkimEnabled', {});
    },
    SetIdentityMailFromDomain: (req, input) => {
      const identity = identityOf(req, input);
      const behavior = optionalEnum(input, 'BehaviorOnMXFailure', V1_BEHAVIORS);
      identities.putMailFrom(
        scopeOf(req),
        identity,
        queryString(input, 'MailFromDomain'),
        behavior && V2_BEHAVIOR[behavior as keyof typeof V2_BEHAVIOR],
      );
      return answer(req, 'SetIdentityMailFromDomain', {});
    },
    SetIdentityFeedbackForwardingEnabled: (req, input) => {
      const identity = identityOf(req, input);
      notifications.setForwarding(scopeOf(req), identity, requiredBoolean(input, 'ForwardingEnabled'));
      return answer(req, 'SetIdentityFeedbackForwardingEnabled', {});
    },
    GetIdentityNotificationAttributes: (req, input) => {
      const given = requiredStringList(input, 'Identities', MAX_IDENTITIES);
      const found = notifications.attributesOf(scopeOf(req), given);
      return answer(req, 'GetIdentityNotificationAttributes', {
        NotificationAttributes: xmlMap(
          [...found].map(([name, attributes]) => [name, notificationAttributes(attributes)]),
        ),
      });
    },
    SetIdentityNotificationTopic: (req, input) => {
      const identity = requiredString(input, 'Identity');
      const type = parseNotificationType(requiredString(input, 'NotificationType'));
      notifications.setTopic(scopeOf(req), identity, type, queryString(input, 'SnsTopic'));
      return answer(req, 'SetIdentityNotificationTopic', {});
    },
    SetIdentityHeadersInNotificationsEnabled: (req, input) => {
      const identity = requiredString(input, 'Identity');
      const type = parseNotificationType(requiredString(input, 'NotificationType'));
      notifications.setHeadersEnabled(scopeOf(req), identity, type, requiredBoolean(input, 'Enabled'));
      return answer(req, 'SetIdentityHeadersInNotificationsEnabled', {});
    },
    DeleteIdentity: (req, input) => {
      try {
        identities.delete(scopeOf(req), identityOf(req, input));
      } catch (error) {
        // SES v1 deletes an identity that is not there without complaint [inf; floci, moto].
        if (!(error instanceof NotFoundException)) throw error;
      }
      return answer(req, 'DeleteIdentity', {});
    },
    PutIdentityPolicy: (req, input) => {
      const identity = identityOf(req, input);
      policies.put(
        scopeOf(req),
        identity,
        requiredString(input, 'PolicyName'),
        requiredString(input, 'Policy'),
      );
      return answer(req, 'PutIdentityPolicy', {});
    },
    GetIdentityPolicies: (req, input) => {
      const identity = identityOf(req, input);
      const names = requiredStringList(input, 'PolicyNames', MAX_POLICY_NAMES);
      const all = policies.all(scopeOf(req), identity);
      return answer(req, 'GetIdentityPolicies', {
        Policies: xmlMap(names.filter((name) => name in all).map((name) => [name, all[name] as string])),
      });
    },
    ListIdentityPolicies: (req, input) => {
      const all = policies.all(scopeOf(req), identityOf(req, input));
      return answer(req, 'ListIdentityPolicies', { PolicyNames: xmlList('member', Object.keys(all)) });
    },
    DeleteIdentityPolicy: (req, input) => {
      const identity = identityOf(req, input);
      policies.remove(scopeOf(req), identity, requiredString(input, 'PolicyName'));
      return answer(req, 'DeleteIdentityPolicy', {});
    },
    GetSendQuota: (req) =>
      // The sandbox quota SES v2's GetAccount reports too [model example].
      answer(req, 'GetSendQuota', {
        Max24HourSend: double(200),
        MaxSendRate: double(1),
        SentLast24Hours: double(sending.sentLast24Hours(scopeOf(req))),
      }),
    GetSendStatistics: (req) =>
      answer(req, 'GetSendStatistics', {
        SendDataPoints: xmlList(
          'member',
          sending.statistics(scopeOf(req)).map((point) => ({
            Timestamp: new Date(point.timestamp),
            DeliveryAttempts: point.deliveryAttempts,
            Bounces: point.bounces,
            Complaints: point.complaints,
            Rejects: point.rejects,
          })),
        ),
      }),
    SendEmail: (req, input) => {
      const message = sending.send(scopeOf(req), sendEmailInput(input));
      return answer(req, 'SendEmail', { MessageId: message.id });
    },
    SendRawEmail: (req, input) => {
      const message = sending.send(scopeOf(req), sendRawEmailInput(input));
      return answer(req, 'SendRawEmail', { MessageId: message.id });
    },
  };
}
