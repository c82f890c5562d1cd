import type { z } from 'zod';
import type { RouteId } from './access.js';
import {
  ALL_ACCOUNTS_CONCURRENCY,
  listAllAccountsIdentitiesQuerySchema,
  listAllAccountsIdentitiesResponseSchema,
} from './accounts.js';
import {
  ALL_REGIONS_CONCURRENCY,
  listAllRegionsIdentitiesQuerySchema,
  listAllRegionsIdentitiesResponseSchema,
} from './all-regions.js';
import { AUDIT_CSV_MAX_ROWS, auditPageSchema, auditQuerySchema } from './audit.js';
import { sessionResponseSchema } from './auth.js';
import { dnsDiagnosticsResponseSchema } from './dns-diagnostics.js';
import {
  advanceClockRequestSchema,
  clockResponseSchema,
  mailboxQuerySchema,
  mailboxResponseSchema,
  setEmulatorAccountRequestSchema,
  verifyEmailRequestSchema,
  verifyEmailResponseSchema,
} from './emulator.js';
import {
  GLOBAL_IDENTITY_CONCURRENCY,
  identityAcrossRegionsResponseSchema,
  replicateIdentityRequestSchema,
  replicateIdentityResponseSchema,
} from './global-identities.js';
import {
  createIdentityRequestSchema,
  createIdentityResponseSchema,
  createPolicyRequestSchema,
  deleteIdentitiesRequestSchema,
  deleteIdentitiesResponseSchema,
  hostedZoneLookupQuerySchema,
  hostedZoneLookupResponseSchema,
  identityDetailSchema,
  listIdentitiesQuerySchema,
  listIdentitiesResponseSchema,
  publishRequestSchema,
  publishResultSchema,
  recreateIdentityRequestSchema,
  recreateIdentityResponseSchema,
  replaceTagsRequestSchema,
  route53ChangeIdSchema,
  route53ChangeSchema,
  updateConfigurationSetRequestSchema,
  updateDkimRequestSchema,
  updateFeedbackRequestSchema,
  updateMailFromRequestSchema,
  updatePolicyRequestSchema,
} from './identities.js';
import { listConfigurationSetsResponseSchema, metaResponseSchema } from './meta.js';
import {
  createSnsTopicRequestSchema,
  listSnsTopicsResponseSchema,
  notificationSettingsSchema,
  SNS_TOPIC_LIST_MAX,
  snsMessagesQuerySchema,
  snsMessagesResponseSchema,
  snsTopicSchema,
  updateNotificationsRequestSchema,
} from './notifications.js';
import { accountSchema, sendTestEmailRequestSchema, sendTestEmailResponseSchema } from './sending.js';
import { identityNameSchema, policyNameSchema, regionSchema, snsTopicNameSchema } from './validation.js';

/** The success answer of a route: what it holds (none: no body, or not JSON). */
export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
}

/**
 * What a route takes and answers, keyed by the ids of the route table (`routeTable` in access.ts, which
 * holds method, path and access rule). The BFF parses every request with these schemas before its
 * handler runs and `/api/openapi.json` is generated from them, so a route's input rules are written
 * once.
 */
export interface RouteSchemas {
  tag: string;
  summary: string;
  /** Path parameters, in the order they are checked. */
  params?: Readonly<Record<string, z.ZodType>>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A request without a body is read as `{}` (every member of `body` has a default or is optional). */
  bodyMayBeOmitted?: boolean;
  /** The one success status and its answer; the error envelope is documented for every route. */
  responses: Readonly<Record<number, RouteResponse>>;
}

const regionParams = { region: regionSchema };
const identityParams = { region: regionSchema, identity: identityNameSchema };
const policyParams = { ...identityParams, policyName: policyNameSchema };
const updatedIdentity = { description: 'The identity after the change', schema: identityDetailSchema };

export const routeSchemas = {
  getMeta: {
    tag: 'Meta',
    summary: 'Backend, regions offered and the default region',
    responses: { 200: { description: 'Console shell data', schema: metaResponseSchema } },
  },
  getOpenApi: {
    tag: 'Meta',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'OpenAPI document' } },
  },
  getSession: {
    tag: 'Session',
    summary: 'The signed-in user, their roles and the CSRF token for state-changing requests',
    responses: { 200: { description: 'The session', schema: sessionResponseSchema } },
  },
  listIdentities: {
    tag: 'Identities',
    summary: 'List every identity of a region (all pages), optionally filtered by SES',
    params: regionParams,
    query: listIdentitiesQuerySchema,
    responses: { 200: { description: 'The identities', schema: listIdentitiesResponseSchema } },
  },
  createIdentity: {
    tag: 'Identities',
    summary: 'Create an identity (with MAIL FROM, DKIM signing and Route 53 publishing as asked)',
    params: regionParams,
    body: createIdentityRequestSchema,
    responses: {
      201: {
        description: 'Created; `steps` says how each later step went',
        schema: createIdentityResponseSchema,
      },
    },
  },
  deleteIdentities: {
    tag: 'Identities',
    summary: 'Delete several identities; one result per identity',
    params: regionParams,
    body: deleteIdentitiesRequestSchema,
    responses: { 200: { description: 'Per-identity outcomes', schema: deleteIdentitiesResponseSchema } },
  },
  getIdentity: {
    tag: 'Identities',
    summary: 'Identity detail with the DNS records SES asks for and their Route 53 state',
    params: identityParams,
    responses: { 200: { description: 'The identity', schema: identityDetailSchema } },
  },
  listAllRegionsIdentities: {
    tag: 'Identities',
    summary: `List the identities of every configured region (${ALL_REGIONS_CONCURRENCY} regions at a time); a failed region is reported, the others still load`,
    query: listAllRegionsIdentitiesQuerySchema,
    responses: {
      200: {
        description: 'The identities, each with its region, and how loading each region went',
        schema: listAllRegionsIdentitiesResponseSchema,
      },
    },
  },
  listAllAccountsIdentities: {
    tag: 'Identities',
    summary: `List the identities of every configured account (ACCOUNTS) in one Region or every Region (${ALL_ACCOUNTS_CONCURRENCY} account × Region lists at a time); a failed account or Region is reported, the others still load`,
    query: listAllAccountsIdentitiesQuerySchema,
    responses: {
      200: {
        description: 'The identities, each with its account and Region, and how loading each went',
        schema: listAllAccountsIdentitiesResponseSchema,
      },
    },
  },
  getDnsDiagnostics: {
    tag: 'Identities',
    summary:
      'What public DNS answers now for each record SES asks for (and the recommended DMARC record), through the configured resolvers (DNS_SERVERS)',
    params: identityParams,
    responses: {
      200: {
        description: 'One check per record: found, missing, wrong_value or resolver_error',
        schema: dnsDiagnosticsResponseSchema,
      },
    },
  },
  deleteIdentity: {
    tag: 'Identities',
    summary: 'Delete one identity',
    params: identityParams,
    responses: { 204: { description: 'Deleted' } },
  },
  recreateIdentity: {
    tag: 'Identities',
    summary:
      'Delete and create the identity again with the same settings (SES v2 has no way to restart a failed verification)',
    params: identityParams,
    body: recreateIdentityRequestSchema,
    bodyMayBeOmitted: true,
    responses: {
      200: {
        description: 'Re-created; `steps` says how each step went, `previousPolicies` what was restored',
        schema: recreateIdentityResponseSchema,
      },
    },
  },
  replicateIdentity: {
    tag: 'Global identities',
    summary:
      'Replicate a verified Easy DKIM identity to other regions (Deterministic Easy DKIM): one CreateEmailIdentity per region, a few regions at a time; one result per region',
    params: identityParams,
    body: replicateIdentityRequestSchema,
    responses: {
      200: { description: 'Per-region outcomes', schema: replicateIdentityResponseSchema },
    },
  },
  getIdentityAcrossRegions: {
    tag: 'Global identities',
    summary: `The identity of this name in every configured region (${GLOBAL_IDENTITY_CONCURRENCY} regions at a time): parents, replicas and the regions that lack it; a failed region is reported, the others still answer`,
    params: { identity: identityNameSchema },
    responses: {
      200: {
        description: 'The identities of this name, each with its region, and how each region went',
        schema: identityAcrossRegionsResponseSchema,
      },
    },
  },
  updateDkim: {
    tag: 'Identity settings',
    summary: 'DKIM signing on/off and signing attributes (Easy DKIM key length or BYODKIM)',
    params: identityParams,
    body: updateDkimRequestSchema,
    responses: { 200: updatedIdentity },
  },
  updateMailFrom: {
    tag: 'Identity settings',
    summary: 'Set or clear (domain: null) the custom MAIL FROM domain',
    params: identityParams,
    body: updateMailFromRequestSchema,
    responses: { 200: updatedIdentity },
  },
  updateFeedback: {
    tag: 'Identity settings',
    summary: 'Email feedback forwarding on/off',
    params: identityParams,
    body: updateFeedbackRequestSchema,
    responses: { 200: updatedIdentity },
  },
  updateConfigurationSet: {
    tag: 'Identity settings',
    summary: 'Set or remove (null) the default configuration set',
    params: identityParams,
    body: updateConfigurationSetRequestSchema,
    responses: { 200: updatedIdentity },
  },
  getNotifications: {
    tag: 'Identity settings',
    summary:
      'Feedback notifications (SNS topic and original headers per type: Bounce, Complaint, Delivery) and email feedback forwarding (SES v1 GetIdentityNotificationAttributes)',
    params: identityParams,
    responses: { 200: { description: 'The settings', schema: notificationSettingsSchema } },
  },
  updateNotifications: {
    tag: 'Identity settings',
    summary:
      'Change feedback notification topics, original headers and/or email feedback forwarding (forwarding can be off only while Bounce and Complaint have topics; checked before any SES call)',
    params: identityParams,
    body: updateNotificationsRequestSchema,
    responses: {
      200: { description: 'The settings after the change', schema: notificationSettingsSchema },
    },
  },
  replaceTags: {
    tag: 'Identity settings',
    summary: "Replace the identity's tags with this set",
    params: identityParams,
    body: replaceTagsRequestSchema,
    responses: { 200: updatedIdentity },
  },
  createPolicy: {
    tag: 'Identity settings',
    summary: 'Create an authorization policy',
    params: identityParams,
    body: createPolicyRequestSchema,
    responses: { 201: updatedIdentity },
  },
  updatePolicy: {
    tag: 'Identity settings',
    summary: 'Replace an authorization policy document',
    params: policyParams,
    body: updatePolicyRequestSchema,
    responses: { 200: updatedIdentity },
  },
  deletePolicy: {
    tag: 'Identity settings',
    summary: 'Delete an authorization policy',
    params: policyParams,
    responses: { 200: updatedIdentity },
  },
  publishDns: {
    tag: 'Identities',
    summary:
      'Publish the DNS records SES asks for to the public Route 53 hosted zone (changing existing records only once confirmed)',
    params: identityParams,
    body: publishRequestSchema,
    bodyMayBeOmitted: true,
    responses: {
      200: { description: 'What was published, or why nothing was', schema: publishResultSchema },
    },
  },
  lookupHostedZone: {
    tag: 'Identities',
    summary: 'The public Route 53 hosted zone that covers a domain (longest suffix), for the create page',
    query: hostedZoneLookupQuerySchema,
    responses: {
      200: { description: 'The zone, or none', schema: hostedZoneLookupResponseSchema },
    },
  },
  getRoute53Change: {
    tag: 'Identities',
    summary: 'A Route 53 change (GetChange): PENDING until Route 53 has it everywhere, then INSYNC',
    params: { changeId: route53ChangeIdSchema },
    responses: { 200: { description: 'The change and its status', schema: route53ChangeSchema } },
  },
  listConfigurationSets: {
    tag: 'Sending',
    summary: 'Every configuration set name of a region (all pages)',
    params: regionParams,
    responses: { 200: { description: 'Names', schema: listConfigurationSetsResponseSchema } },
  },
  listSnsTopics: {
    tag: 'Sending',
    summary: `The Region's SNS topics (ListTopics, all pages up to ${SNS_TOPIC_LIST_MAX})`,
    params: regionParams,
    responses: { 200: { description: 'Topics, by ARN', schema: listSnsTopicsResponseSchema } },
  },
  sendTestEmail: {
    tag: 'Sending',
    summary: 'Send a test email to a mailbox simulator scenario or a custom recipient',
    params: regionParams,
    body: sendTestEmailRequestSchema,
    responses: { 200: { description: 'Accepted by SES', schema: sendTestEmailResponseSchema } },
  },
  getAccount: {
    tag: 'Sending',
    summary: "The SES account in a region: sandbox or production access, and the sending quota's use",
    params: regionParams,
    responses: { 200: { description: 'The account', schema: accountSchema } },
  },
  getAudit: {
    tag: 'Audit',
    summary:
      'Audit log of state-changing requests, newest first, filtered and paginated (by count and by size)',
    query: auditQuerySchema,
    responses: { 200: { description: 'One page of entries', schema: auditPageSchema } },
  },
  getAuditCsv: {
    tag: 'Audit',
    summary: `The audit log as CSV (same filters; newest first, at most ${AUDIT_CSV_MAX_ROWS} rows)`,
    query: auditQuerySchema,
    responses: { 200: { description: 'text/csv, one row per entry' } },
  },
  getMailbox: {
    tag: 'Emulator',
    summary: 'Messages the emulator captured (sent mail and verification emails)',
    query: mailboxQuerySchema,
    responses: { 200: { description: 'Messages', schema: mailboxResponseSchema } },
  },
  verifyEmail: {
    tag: 'Emulator',
    summary: 'Follow the link of a verification email (verifies the address)',
    body: verifyEmailRequestSchema,
    responses: { 200: { description: 'Verified', schema: verifyEmailResponseSchema } },
  },
  getClock: {
    tag: 'Emulator',
    summary: "The emulator's clock",
    responses: { 200: { description: 'Now', schema: clockResponseSchema } },
  },
  advanceClock: {
    tag: 'Emulator',
    summary: "Advance the emulator's clock (the verification engine runs at once)",
    body: advanceClockRequestSchema,
    responses: { 200: { description: 'Now, after the advance', schema: clockResponseSchema } },
  },
  createSnsTopic: {
    tag: 'Emulator',
    summary: 'Create an SNS topic on the emulator (CreateTopic; the same name answers the same topic)',
    params: regionParams,
    body: createSnsTopicRequestSchema,
    responses: { 201: { description: 'The topic', schema: snsTopicSchema } },
  },
  deleteSnsTopic: {
    tag: 'Emulator',
    summary: 'Delete an SNS topic of the emulator (DeleteTopic) with its subscriptions',
    params: { region: regionSchema, topicName: snsTopicNameSchema },
    responses: { 204: { description: 'Deleted' } },
  },
  getSnsMessages: {
    tag: 'Emulator',
    summary:
      'Messages the emulated SNS topics received, oldest first (one topic, or the feedback about one SES message)',
    query: snsMessagesQuerySchema,
    responses: { 200: { description: 'Messages', schema: snsMessagesResponseSchema } },
  },
  setEmulatorAccount: {
    tag: 'Emulator',
    summary: "Grant or take back the emulated account's production access in a region (AWS's review)",
    body: setEmulatorAccountRequestSchema,
    responses: { 200: { description: 'The account, after the change', schema: accountSchema } },
  },
} as const satisfies Record<RouteId, RouteSchemas>;
