import type {
  GetAccountResponse,
  GetConfigurationSetResponse,
  GetEmailTemplateResponse,
  GetSuppressedDestinationResponse,
  ListConfigurationSetsResponse,
  ListEmailIdentitiesResponse,
  ListEmailTemplatesResponse,
  ListSuppressedDestinationsResponse,
  PutEmailIdentityDkimSigningAttributesResponse,
  SendBulkEmailResponse,
  SendEmailResponse,
  TestRenderEmailTemplateResponse,
} from '@aws-sdk/client-sesv2';
import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import { jsonResponse, jsonTextResponse, parseJsonBody } from '../../protocol/rest-json.js';
import type { RouteParams } from '../../protocol/router.js';
import type { AccountRecord, Scope } from '../../store/ses-records.js';
import type { SendQuota } from '../ses/model/account.js';
import { CONFIGURATION_SET_OPTIONS } from '../ses/model/configuration-sets.js';
import { validationError } from '../ses/model/errors.js';
import type { SesModel } from '../ses/model/index.js';
import type { BulkInput, SendInput, TemplateInput } from '../ses/model/sending.js';
import {
  createIdentityOutput,
  dkimAttributes,
  epochSeconds,
  getIdentityOutput,
  identityInfo,
  type Wire,
} from './wire.js';
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
    template: templateInput(optObject(content, 'Template')),
  };
}

function templateInput(template: JsonObject | undefined): TemplateInput | undefined {
  if (!template) return undefined;
  const inline = optObject(template, 'TemplateContent');
  return {
    name: optString(template, 'TemplateName'),
    arn: optString(template, 'TemplateArn'),
    content: inline && templateContent(inline),
    data: optString(template, 'TemplateData'),
  };
}

function templateContent(content: JsonObject | undefined) {
  return (
    content && {
      subject: optString(content, 'Subject'),
      text: optString(content, 'Text'),
      html: optString(content, 'Html'),
    }
  );
}

function destinationInput(destination: JsonObject | undefined) {
  return (
    destination && {
      ToAddresses: optStringList(destination, 'ToAddresses'),
      CcAddresses: optStringList(destination, 'CcAddresses'),
      BccAddresses: optStringList(destination, 'BccAddresses'),
    }
  );
}

function bulkInput(body: JsonObject): BulkInput {
  const defaults = optObject(body, 'DefaultContent');
  return {
    fromEmailAddress: optString(body, 'FromEmailAddress'),
    replyToAddresses: optStringList(body, 'ReplyToAddresses'),
    configurationSetName: optString(body, 'ConfigurationSetName'),
    defaultTemplate: templateInput(defaults && optObject(defaults, 'Template')),
    entries: optObjectList(body, 'BulkEmailEntries')?.map((entry) => {
      const replacement = optObject(entry, 'ReplacementEmailContent');
      const template = replacement && optObject(replacement, 'ReplacementTemplate');
      return {
        destination: destinationInput(optObject(entry, 'Destination')),
        replacementData: template && optString(template, 'ReplacementTemplateData'),
      };
    }),
  };
}

/** A timestamp query parameter (the SDK sends ISO-8601; epoch seconds also parse). */
function queryTime(req: IncomingRequest, name: string, field: string): number | undefined {
  const raw = req.query.get(name);
  if (raw === null) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
  if (!Number.isFinite(ms)) throw validationError(field, 'Member must be a timestamp', raw);
  return ms;
}

function accountOutput(account: AccountRecord, quota: SendQuota): Wire<GetAccountResponse> {
  return {
    DedicatedIpAutoWarmupEnabled: false,
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: account.productionAccessEnabled,
    SendingEnabled: account.sendingEnabled,
    SendQuota: {
      Max24HourSend: quota.max24HourSend,
      MaxSendRate: quota.maxSendRate,
      SentLast24Hours: quota.sentLast24Hours,
    },
    SuppressionAttributes: { SuppressedReasons: account.suppressedReasons },
    ...(account.details ? { Details: account.details } : {}),
  };
}

const EMPTY = {};

/** Wire ↔ model for every SES v2 operation the emulator serves. */
export function createHandlers(model: SesModel): Record<string, Handler> {
  const { identities, policies, configurationSets, tagging, sending, account, suppression, templates } =
    model;
  // GetEmailIdentity's JSON by account, Region and the name as asked: the answer is a function of the
  // store alone (unless a real resolver gave the SOA), so it is kept until the next write to the store
  // (`StoreReadCache`). A hit skips four SQLite reads and the serialisation; kept as its UTF-8 bytes,
  // it is not encoded again for every answer either.
  const identityAnswers = model.ctx.store.readCache<Buffer>();
  // A ListEmailIdentities page by account, Region and what was asked (filter, page size, token): a
  // function of the store alone, kept the same way until the next write (a create, a delete, a status
  // a verification pass moved, a reset or seed all move the store's generation). At most 64 pages: a
  // page of 1,000 is about 135 kB, so the cache stays under ~9 MB whatever is asked.
  const listAnswers = model.ctx.store.readCache<Buffer>(64);
  const listPage = (
    req: IncomingRequest,
    input: { filter?: Record<string, unknown>; pageSize?: number; nextToken?: string },
  ) => {
    const scope = scopeOf(req);
    // NUL cannot be in an account id or a Region (as for GetEmailIdentity's key); the rest is JSON.
    const key = `${scope.accountId}\u0000${scope.region}\u0000${JSON.stringify([input.filter, input.pageSize, input.nextToken])}`;
    return listAnswers.read(key, () => {
      const page = identities.list(scope, input);
      const out: Wire<ListEmailIdentitiesResponse> = {
        EmailIdentities: page.items.map(identityInfo),
        NextToken: page.nextToken,
      };
      return { value: Buffer.from(JSON.stringify(out), 'utf8'), cacheable: true };
    });
  };
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
    GetEmailIdentity: (req, p) => {
      const scope = scopeOf(req);
      const name = param(p, 'EmailIdentity');
      // No account id or Region holds NUL (headers and environment variables cannot carry it), so the
      // key is unambiguous whatever the name holds.
      const bytes = identityAnswers.read(`${scope.accountId}\u0000${scope.region}\u0000${name}`, () => {
        const view = identities.view(scope, name);
        const text = JSON.stringify(getIdentityOutput(view));
        return { value: Buffer.from(text, 'utf8'), cacheable: view.fromStoreOnly };
      });
      return jsonTextResponse(req, bytes);
    },
    ListEmailIdentities: (req) => {
      const body = parseJsonBody(req);
      const input = {
        filter: optObject(body, 'Filter'),
        pageSize: optNumber(body, 'PageSize'),
        nextToken: optString(body, 'NextToken'),
      };
      return jsonTextResponse(req, listPage(req, input));
    },
    ListEmailIdentitiesGet: (req) => {
      const input = { pageSize: queryPageSize(req), nextToken: req.query.get('NextToken') ?? undefined };
      return jsonTextResponse(req, listPage(req, input));
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
      model.notifications.setForwarding(
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
      const scope = scopeOf(req);
      return jsonResponse(req, accountOutput(account.get(scope), sending.sendQuota(scope)));
    },
    PutAccountDetails: (req) => {
      const body = parseJsonBody(req);
      account.putDetails(scopeOf(req), {
        mailType: optString(body, 'MailType'),
        websiteUrl: optString(body, 'WebsiteURL'),
        contactLanguage: optString(body, 'ContactLanguage'),
        useCaseDescription: optString(body, 'UseCaseDescription'),
        additionalContactEmailAddresses: optStringList(body, 'AdditionalContactEmailAddresses'),
        productionAccessEnabled: optBoolean(body, 'ProductionAccessEnabled'),
      });
      return jsonResponse(req, EMPTY);
    },
    PutAccountSendingAttributes: (req) => {
      const body = parseJsonBody(req);
      account.putSendingEnabled(scopeOf(req), optBoolean(body, 'SendingEnabled') ?? false);
      return jsonResponse(req, EMPTY);
    },
    PutAccountSuppressionAttributes: (req) => {
      const body = parseJsonBody(req);
      account.putSuppressedReasons(scopeOf(req), optStringList(body, 'SuppressedReasons'));
      return jsonResponse(req, EMPTY);
    },
    PutSuppressedDestination: (req) => {
      const body = parseJsonBody(req);
      suppression.put(scopeOf(req), optString(body, 'EmailAddress'), optString(body, 'Reason'));
      return jsonResponse(req, EMPTY);
    },
    GetSuppressedDestination: (req, p) => {
      const entry = suppression.get(scopeOf(req), param(p, 'EmailAddress'));
      const out: Wire<GetSuppressedDestinationResponse> = {
        SuppressedDestination: {
          EmailAddress: entry.emailAddress,
          Reason: entry.reason,
          LastUpdateTime: epochSeconds(entry.lastUpdateTime) as number,
          ...(entry.messageId || entry.feedbackId
            ? { Attributes: { MessageId: entry.messageId, FeedbackId: entry.feedbackId } }
            : {}),
        },
      };
      return jsonResponse(req, out);
    },
    ListSuppressedDestinations: (req) => {
      const page = suppression.list(scopeOf(req), {
        reasons: req.query.getAll('Reason'),
        startMs: queryTime(req, 'StartDate', 'startDate'),
        endMs: queryTime(req, 'EndDate', 'endDate'),
        pageSize: queryPageSize(req),
        nextToken: req.query.get('NextToken') ?? undefined,
      });
      const out: Wire<ListSuppressedDestinationsResponse> = {
        SuppressedDestinationSummaries: page.items.map((entry) => ({
          EmailAddress: entry.emailAddress,
          Reason: entry.reason,
          LastUpdateTime: epochSeconds(entry.lastUpdateTime) as number,
        })),
        NextToken: page.nextToken,
      };
      return jsonResponse(req, out);
    },
    DeleteSuppressedDestination: (req, p) => {
      suppression.delete(scopeOf(req), param(p, 'EmailAddress'));
      return jsonResponse(req, EMPTY);
    },
    PutConfigurationSetSuppressionOptions: (req, p) => {
      const body = parseJsonBody(req);
      configurationSets.putSuppressionOptions(
        scopeOf(req),
        param(p, 'ConfigurationSetName'),
        optStringList(body, 'SuppressedReasons'),
      );
      return jsonResponse(req, EMPTY);
    },
    CreateEmailTemplate: (req) => {
      const body = parseJsonBody(req);
      templates.create(
        scopeOf(req),
        optString(body, 'TemplateName'),
        templateContent(optObject(body, 'TemplateContent')),
      );
      return jsonResponse(req, EMPTY);
    },
    GetEmailTemplate: (req, p) => {
      const template = templates.get(scopeOf(req), param(p, 'TemplateName'));
      const out: Wire<GetEmailTemplateResponse> = {
        TemplateName: template.name,
        TemplateContent: { Subject: template.subject, Text: template.text, Html: template.html },
      };
      return jsonResponse(req, out);
    },
    ListEmailTemplates: (req) => {
      const page = templates.list(scopeOf(req), {
        pageSize: queryPageSize(req),
        nextToken: req.query.get('NextToken') ?? undefined,
      });
      const out: Wire<ListEmailTemplatesResponse> = {
        TemplatesMetadata: page.items.map((t) => ({
          TemplateName: t.name,
          CreatedTimestamp: epochSeconds(t.createdAt),
        })),
        NextToken: page.nextToken,
      };
      return jsonResponse(req, out);
    },
    UpdateEmailTemplate: (req, p) => {
      const body = parseJsonBody(req);
      templates.update(
        scopeOf(req),
        param(p, 'TemplateName'),
        templateContent(optObject(body, 'TemplateContent')),
      );
      return jsonResponse(req, EMPTY);
    },
    DeleteEmailTemplate: (req, p) => {
      templates.delete(scopeOf(req), param(p, 'TemplateName'));
      return jsonResponse(req, EMPTY);
    },
    TestRenderEmailTemplate: (req, p) => {
      const body = parseJsonBody(req);
      const out: Wire<TestRenderEmailTemplateResponse> = {
        RenderedTemplate: templates.testRender(
          scopeOf(req),
          param(p, 'TemplateName'),
          optString(body, 'TemplateData'),
        ),
      };
      return jsonResponse(req, out);
    },
    SendBulkEmail: (req) => {
      const results = sending.sendBulk(scopeOf(req), bulkInput(parseJsonBody(req)));
      const out: Wire<SendBulkEmailResponse> = {
        BulkEmailEntryResults: results.map((r) => ({
          Status: r.status,
          Error: r.error,
          MessageId: r.messageId,
        })),
      };
      return jsonResponse(req, out);
    },
  };
}
