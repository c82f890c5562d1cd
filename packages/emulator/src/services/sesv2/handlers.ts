import type {
  GetAccountResponse,
  GetConfigurationSetResponse,
  ListConfigurationSetsResponse,
  ListEmailIdentitiesResponse,
  PutEmailIdentityDkimSigningAttributesResponse,
  SendEmailResponse,
} from '@aws-sdk/client-sesv2';
import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import { jsonResponse, parseJsonBody } from '../../protocol/rest-json.js';
import type { RouteParams } from '../../protocol/router.js';
import type { Scope } from '../../store/ses-records.js';
import { CONFIGURATION_SET_OPTIONS } from '../ses/model/configuration-sets.js';
import { validationError } from '../ses/model/errors.js';
import type { SesModel } from '../ses/model/index.js';
import type { SendInput } from '../ses/model/sending.js';
import { createIdentityOutput, dkimAttributes, getIdentityOutput, identityInfo, type Wire } from './wire.js';
import {
  type JsonObject,
  optBoolean,
  optNumber,
  optObject,
  optObjectList,
  optString,
  optStringList,
} from './wire-input.js';

export type Handler = (req: IncomingRequest, params: RouteParams) => OutgoingResponse;

function scopeOf(req: IncomingRequest): Scope {
  return { accountId: req.ctx.accountId, region: req.ctx.region };
}

function param(params: RouteParams, name: string): string {
  return params[name] ?? '';
}

/** `PageSize` from a query string (older clients' GET list routes). */
function queryPageSize(req: IncomingRequest): number | undefined {
  const raw = req.query.get('PageSize');
  if (raw === null) return undefined;
  if (!/^-?\d+$/.test(raw)) throw validationError('pageSize', 'Member must be an integer', raw);
  return Number(raw);
}

function dkimSigningAttributes(body: JsonObject, member: string) {
  const attrs = optObject(body, member);
  if (!attrs) return undefined;
  return {
    DomainSigningSelector: optString(attrs, 'DomainSigningSelector'),
    DomainSigningPrivateKey: optString(attrs, 'DomainSigningPrivateKey'),
    NextSigningKeyLength: optString(attrs, 'NextSigningKeyLength'),
    DomainSigningAttributesOrigin: optString(attrs, 'DomainSigningAttributesOrigin'),
  };
}

function contentData(container: JsonObject | undefined, member: string): string | undefined {
  const content = container && optObject(container, member);
  return content ? optString(content, 'Data') : undefined;
}

function sendInput(body: JsonObject): SendInput {
  const content = optObject(body, 'Content') ?? {};
  const simple = optObject(content, 'Simple');
  const raw = optObject(content, 'Raw');
  const destination = optObject(body, 'Destination');
  let rawData: Buffer | undefined;
  if (raw) {
    const data = optString(raw, 'Data');
    if (data === undefined) throw validationError('content.raw.data', 'Member must not be null');
    rawData = Buffer.from(data, 'base64');
  }
  const bodyPart = simple ? optObject(simple, 'Body') : undefined;
  return {
    fromEmailAddress: optString(body, 'FromEmailAddress'),
    destination: destination && {
      ToAddresses: optStringList(destination, 'ToAddresses'),
      CcAddresses: optStringList(destination, 'CcAddresses'),
      BccAddresses: optStringList(destination, 'BccAddresses'),
    },
    replyToAddresses: optStringList(body, 'ReplyToAddresses'),
    configurationSetName: optString(body, 'ConfigurationSetName'),
    simple: simple && {
      subject: contentData(simple, 'Subject'),
      text: contentData(bodyPart, 'Text'),
      html: contentData(bodyPart, 'Html'),
    },
    raw: rawData,
    template: optObject(content, 'Template') ? true : undefined,
  };
}

const EMPTY = {};

/** Wire ↔ model for every SES v2 operation the emulator serves. */
export function createHandlers(model: SesModel): Record<string, Handler> {
  const { identities, policies, configurationSets, tagging, sending } = model;
  return {
    CreateEmailIdentity: (req) => {
      const body = parseJsonBody(req);
      const identity = identities.create(scopeOf(req), {
        emailIdentity: optString(body, 'EmailIdentity'),
        tags: optObjectList(body, 'Tags'),
        dkimSigningAttributes: dkimSigningAttributes(body, 'DkimSigningAttributes'),
        configurationSetName: optString(body, 'ConfigurationSetName'),
      });
      return jsonResponse(req, createIdentityOutput(identity));
    },
    GetEmailIdentity: (req, p) =>
      jsonResponse(req, getIdentityOutput(identities.view(scopeOf(req), param(p, 'EmailIdentity')))),
    ListEmailIdentities: (req) => {
      const body = parseJsonBody(req);
      const page = identities.list(scopeOf(req), {
        filter: optObject(body, 'Filter'),
        pageSize: optNumber(body, 'PageSize'),
        nextToken: optString(body, 'NextToken'),
      });
      const out: Wire<ListEmailIdentitiesResponse> = {
        EmailIdentities: page.items.map(identityInfo),
        NextToken: page.nextToken,
      };
      return jsonResponse(req, out);
    },
    ListEmailIdentitiesGet: (req) => {
      const page = identities.list(scopeOf(req), {
        pageSize: queryPageSize(req),
        nextToken: req.query.get('NextToken') ?? undefined,
      });
      const out: Wire<ListEmailIdentitiesResponse> = {
        EmailIdentities: page.items.map(identityInfo),
        NextToken: page.nextToken,
      };
      return jsonResponse(req, out);
    },
    DeleteEmailIdentity: (req, p) => {
      identities.delete(scopeOf(req), param(p, 'EmailIdentity'));
      return jsonResponse(req, EMPTY);
    },
    PutEmailIdentityDkimAttributes: (req, p) => {
      const body = parseJsonBody(req);
      identities.putDkimSigningEnabled(
        scopeOf(req),
        param(p, 'EmailIdentity'),
        optBoolean(body, 'SigningEnabled') ?? false,
      );
      return jsonResponse(req, EMPTY);
    },
    PutEmailIdentityDkimSigningAttributes: (req, p) => {
      const body = parseJsonBody(req);
      const dkim = identities.putDkimSigning(
        scopeOf(req),
        param(p, 'EmailIdentity'),
        optString(body, 'SigningAttributesOrigin'),
        dkimSigningAttributes(body, 'SigningAttributes'),
      );
      const attrs = dkimAttributes(dkim, req.ctx.region);
      const out: Wire<PutEmailIdentityDkimSigningAttributesResponse> = {
        DkimStatus: attrs.Status,
        DkimTokens: attrs.Tokens,
        SigningHostedZone: attrs.SigningHostedZone,
      };
      return jsonResponse(req, out);
    },
    PutEmailIdentityMailFromAttributes: (req, p) => {
      const body = parseJsonBody(req);
      identities.putMailFrom(
        scopeOf(req),
        param(p, 'EmailIdentity'),
        optString(body, 'MailFromDomain'),
        optString(body, 'BehaviorOnMxFailure'),
      );
      return jsonResponse(req, EMPTY);
    },
    PutEmailIdentityFeedbackAttributes: (req, p) => {
      const body = parseJsonBody(req);
      identities.putFeedbackForwarding(
        scopeOf(req),
        param(p, 'EmailIdentity'),
        optBoolean(body, 'EmailForwardingEnabled') ?? false,
      );
      return jsonResponse(req, EMPTY);
    },
    PutEmailIdentityConfigurationSetAttributes: (req, p) => {
      const body = parseJsonBody(req);
      identities.putConfigurationSet(
        scopeOf(req),
        param(p, 'EmailIdentity'),
        optString(body, 'ConfigurationSetName'),
      );
      return jsonResponse(req, EMPTY);
    },
    CreateEmailIdentityPolicy: (req, p) => {
      const body = parseJsonBody(req);
      policies.create(
        scopeOf(req),
        param(p, 'EmailIdentity'),
        param(p, 'PolicyName'),
        optString(body, 'Policy'),
      );
      return jsonResponse(req, EMPTY);
    },
    GetEmailIdentityPolicies: (req, p) =>
      jsonResponse(req, { Policies: policies.all(scopeOf(req), param(p, 'EmailIdentity')) }),
    UpdateEmailIdentityPolicy: (req, p) => {
      const body = parseJsonBody(req);
      policies.update(
        scopeOf(req),
        param(p, 'EmailIdentity'),
        param(p, 'PolicyName'),
        optString(body, 'Policy'),
      );
      return jsonResponse(req, EMPTY);
    },
    DeleteEmailIdentityPolicy: (req, p) => {
      policies.delete(scopeOf(req), param(p, 'EmailIdentity'), param(p, 'PolicyName'));
      return jsonResponse(req, EMPTY);
    },
    TagResource: (req) => {
      const body = parseJsonBody(req);
      tagging.tag(scopeOf(req), optString(body, 'ResourceArn'), optObjectList(body, 'Tags'));
      return jsonResponse(req, EMPTY);
    },
    UntagResource: (req) => {
      tagging.untag(scopeOf(req), req.query.get('ResourceArn') ?? undefined, req.query.getAll('TagKeys'));
      return jsonResponse(req, EMPTY);
    },
    ListTagsForResource: (req) =>
      jsonResponse(req, { Tags: tagging.list(scopeOf(req), req.query.get('ResourceArn') ?? undefined) }),
    CreateConfigurationSet: (req) => {
      const body = parseJsonBody(req);
      const options: Record<string, unknown> = {};
      for (const member of CONFIGURATION_SET_OPTIONS) {
        const value = optObject(body, member);
        if (value) options[member] = value;
      }
      configurationSets.create(
        scopeOf(req),
        optString(body, 'ConfigurationSetName'),
        options,
        optObjectList(body, 'Tags'),
      );
      return jsonResponse(req, EMPTY);
    },
    GetConfigurationSet: (req, p) => {
      const { set, tags } = configurationSets.get(scopeOf(req), param(p, 'ConfigurationSetName'));
      const out = {
        ConfigurationSetName: set.name,
        ...set.options,
        Tags: tags,
      } as Wire<GetConfigurationSetResponse>;
      return jsonResponse(req, out);
    },
    ListConfigurationSets: (req) => {
      const body = parseJsonBody(req);
      const page = configurationSets.list(scopeOf(req), {
        filter: optObject(body, 'Filter'),
        pageSize: optNumber(body, 'PageSize'),
        nextToken: optString(body, 'NextToken'),
      });
      const out: Wire<ListConfigurationSetsResponse> = {
        ConfigurationSets: page.names,
        NextToken: page.nextToken,
      };
      return jsonResponse(req, out);
    },
    ListConfigurationSetsGet: (req) => {
      const page = configurationSets.list(scopeOf(req), {
        pageSize: queryPageSize(req),
        nextToken: req.query.get('NextToken') ?? undefined,
      });
      const out: Wire<ListConfigurationSetsResponse> = {
        ConfigurationSets: page.names,
        NextToken: page.nextToken,
      };
      return jsonResponse(req, out);
    },
    DeleteConfigurationSet: (req, p) => {
      configurationSets.delete(scopeOf(req), param(p, 'ConfigurationSetName'));
      return jsonResponse(req, EMPTY);
    },
    SendEmail: (req) => {
      const message = sending.send(scopeOf(req), sendInput(parseJsonBody(req)));
      const out: Wire<SendEmailResponse> = { MessageId: message.id };
      return jsonResponse(req, out);
    },
    GetAccount: (req) => {
      const out: Wire<GetAccountResponse> = {
        DedicatedIpAutoWarmupEnabled: false,
        EnforcementStatus: 'HEALTHY',
        ProductionAccessEnabled: false,
        SendingEnabled: true,
        SendQuota: {
          Max24HourSend: 200,
          MaxSendRate: 1,
          SentLast24Hours: sending.sentLast24Hours(scopeOf(req)),
        },
        SuppressionAttributes: { SuppressedReasons: [] },
      };
      return jsonResponse(req, out);
    },
  };
}
