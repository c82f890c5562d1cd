import { z } from 'zod';
import {
  behaviorOnMxFailureSchema,
  dkimKeyLengthSchema,
  dkimOriginSchema,
  identityTypeSchema,
  mailFromStatusSchema,
  verificationStatusSchema,
} from './enums.js';
import {
  configurationSetNameSchema,
  dkimPrivateKeySchema,
  dkimSelectorSchema,
  domainSchema,
  emailAddressSchema,
  identityNameSchema,
  policyDocumentSchema,
  policyNameSchema,
  regionSchema,
  tagListSchema,
  tagSchema,
} from './validation.js';

// ---------- list ----------

/** One row of the identities table. */
export const identitySummarySchema = z.object({
  name: z.string(),
  type: identityTypeSchema,
  status: verificationStatusSchema,
  sendingEnabled: z.boolean(),
  /**
   * Only when asked for (`include=dkim-origin`): `AWS_SES`, `EXTERNAL` or `AWS_SES_<REGION>` (a
   * replica). ListEmailIdentities does not return it, so it costs a GetEmailIdentity per domain.
   */
  dkimOrigin: z.string().optional(),
});
export type IdentitySummary = z.infer<typeof identitySummarySchema>;

/** Query of `GET /api/regions/{region}/identities`: optional filters passed through to SES. */
export const listIdentitiesQuerySchema = z.object({
  name: z.string().max(320).optional(),
  type: identityTypeSchema.optional(),
  status: verificationStatusSchema.optional(),
  /** `dkim-origin`: each domain's DKIM origin too (one GetEmailIdentity per domain, a few at a time). */
  include: z.enum(['dkim-origin']).optional(),
});
export type ListIdentitiesQuery = z.infer<typeof listIdentitiesQuerySchema>;

export const listIdentitiesResponseSchema = z.object({
  region: z.string(),
  identities: z.array(identitySummarySchema),
});
export type ListIdentitiesResponse = z.infer<typeof listIdentitiesResponseSchema>;

// ---------- detail ----------

export const dnsRecordSchema = z.object({
  purpose: z.enum(['DKIM', 'MAIL_FROM_MX', 'MAIL_FROM_SPF']),
  type: z.enum(['CNAME', 'TXT', 'MX']),
  /** Fully qualified, no trailing dot. */
  name: z.string(),
  /** As entered in Route 53 (TXT values quoted, MX `10 host`). */
  value: z.string(),
  /** Whether the hosted zone holds exactly this record (false when there is no hosted zone). */
  publishedInRoute53: z.boolean(),
  /** BYODKIM: SES never knows the public key, so the record cannot be published for you. */
  publishable: z.boolean(),
});
export type DnsRecord = z.infer<typeof dnsRecordSchema>;

export const hostedZoneRefSchema = z.object({ id: z.string(), name: z.string() });
export type HostedZoneRef = z.infer<typeof hostedZoneRefSchema>;

export const identityDetailSchema = z.object({
  name: z.string(),
  type: identityTypeSchema,
  region: z.string(),
  arn: z.string(),
  status: verificationStatusSchema,
  verifiedForSending: z.boolean(),
  verificationInfo: z
    .object({
      lastCheckedAt: z.string().optional(),
      lastSuccessAt: z.string().optional(),
      errorType: z.string().optional(),
    })
    .optional(),
  dkim: z.object({
    signingEnabled: z.boolean(),
    status: verificationStatusSchema,
    /** `AWS_SES` (Easy DKIM), `EXTERNAL` (BYODKIM) or a DEED origin. */
    origin: dkimOriginSchema.optional(),
    /** A Deterministic Easy DKIM replica: the Region of its parent (read from `origin`). */
    parentRegion: z.string().optional(),
    tokens: z.array(z.string()),
    signingHostedZone: z.string().optional(),
    currentKeyLength: dkimKeyLengthSchema.optional(),
    nextKeyLength: dkimKeyLengthSchema.optional(),
    lastKeyGeneratedAt: z.string().optional(),
  }),
  mailFrom: z.object({
    domain: z.string().optional(),
    status: mailFromStatusSchema.optional(),
    behaviorOnMxFailure: behaviorOnMxFailureSchema,
  }),
  feedbackForwardingEnabled: z.boolean(),
  configurationSetName: z.string().optional(),
  policies: z.record(z.string(), z.string()),
  tags: z.array(tagSchema),
  /** DNS records SES asks for (domains; for email identities, empty). */
  dnsRecords: z.array(dnsRecordSchema),
  /** The public hosted zone Route 53 would publish into (longest suffix), when there is one. */
  hostedZone: hostedZoneRefSchema.optional(),
  /**
   * The Authentication tab rule of the SES console: always for a domain; for an email address only when
   * its domain is a verified domain identity in the same region (named here).
   */
  authentication: z.object({ available: z.boolean(), parentDomain: z.string().optional() }),
});
export type IdentityDetail = z.infer<typeof identityDetailSchema>;

// ---------- create ----------

export const dkimSettingsSchema = z.discriminatedUnion('origin', [
  z.object({ origin: z.literal('AWS_SES'), keyLength: dkimKeyLengthSchema.default('RSA_2048_BIT') }),
  z.object({ origin: z.literal('EXTERNAL'), selector: dkimSelectorSchema, privateKey: dkimPrivateKeySchema }),
]);
export type DkimSettings = z.infer<typeof dkimSettingsSchema>;

/**
 * The DKIM choices of the create page: those of an edit, plus Deterministic Easy DKIM (a replica of
 * the identity of the same name in `parentRegion`, sent to SES as `AWS_SES_<PARENT_REGION>`). Only a
 * create can ask for it: SES refuses a replica origin in PutEmailIdentityDkimSigningAttributes.
 */
export const createDkimSettingsSchema = z.discriminatedUnion('origin', [
  ...dkimSettingsSchema.options,
  z.object({ origin: z.literal('DEED'), parentRegion: regionSchema }),
]);
export type CreateDkimSettings = z.infer<typeof createDkimSettingsSchema>;

export const mailFromSettingsSchema = z.object({
  /** The full MAIL FROM domain, a subdomain of the identity's domain (e.g. `mail.example.com`). */
  domain: domainSchema,
  behaviorOnMxFailure: behaviorOnMxFailureSchema.default('USE_DEFAULT_VALUE'),
});
export type MailFromSettings = z.infer<typeof mailFromSettingsSchema>;

export const createIdentityRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('DOMAIN'),
    name: domainSchema,
    configurationSetName: configurationSetNameSchema.optional(),
    dkim: createDkimSettingsSchema.optional(),
    dkimSigningEnabled: z.boolean().default(true),
    mailFrom: mailFromSettingsSchema.optional(),
    publishToRoute53: z.boolean().default(false),
    tags: tagListSchema.default([]),
  }),
  z.object({
    type: z.literal('EMAIL_ADDRESS'),
    name: emailAddressSchema,
    configurationSetName: configurationSetNameSchema.optional(),
    tags: tagListSchema.default([]),
  }),
]);
export type CreateIdentityRequest = z.input<typeof createIdentityRequestSchema>;

/** One step of a multi-call action, so a later failure is reported clearly. */
export const actionStepSchema = z.object({
  step: z.string(),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  message: z.string().optional(),
});
export type ActionStep = z.infer<typeof actionStepSchema>;

// ---------- publish to Route 53 ----------

/**
 * One record set publishing writes, next to what the zone holds now:
 * - `create`: nothing of this name and type yet;
 * - `add`: SES's value joins the set, every existing value stays;
 * - `merge`: an existing value is rewritten to carry SES's part (an SPF record gains
 *   `include:amazonses.com`; a name may have only one SPF record);
 * - `replace`: existing values go (an MX on a MAIL FROM name: SES needs it to be the only one; a CNAME).
 * `merge` and `replace` change what is there, so they are written only once confirmed.
 */
export const publishChangeSchema = z.object({
  action: z.enum(['create', 'add', 'merge', 'replace']),
  /** `DMARC`: the recommended DMARC record, written only when asked (`dmarc: true`) and none exists. */
  purpose: z.enum(['DKIM', 'MAIL_FROM_MX', 'MAIL_FROM_SPF', 'DMARC']),
  type: z.enum(['CNAME', 'TXT', 'MX']),
  /** Fully qualified, no trailing dot. */
  name: z.string(),
  /** The set's values now (empty for `create`). */
  existing: z.array(z.string()),
  /** The set's values after publishing. */
  values: z.array(z.string()),
  /** Existing values that would no longer be there (replaced, or rewritten by a merge). */
  removed: z.array(z.string()),
  /** What the change means for what the name does today, in words. */
  note: z.string().optional(),
});
export type PublishChange = z.infer<typeof publishChangeSchema>;

export const publishPlanSchema = z.object({
  changes: z.array(publishChangeSchema),
  /** True when a change would alter or remove an existing value: the caller must confirm `planId`. */
  needsConfirmation: z.boolean(),
  /** Fingerprint of exactly these changes against exactly these existing values. */
  planId: z.string(),
});
export type PublishPlan = z.infer<typeof publishPlanSchema>;

/** A Route 53 change's propagation: `PENDING` until every Route 53 name server has it, then `INSYNC`. */
export const changeStatusSchema = z.enum(['PENDING', 'INSYNC']);

/**
 * The recommended DMARC TXT record at `_dmarc.<domain>` as publishing found or left it:
 * - `missing`: there is none; publishing writes it when asked (`dmarc: true`);
 * - `written`: this publish wrote it (`v=DMARC1; p=none;`: monitoring only);
 * - `existing`: the name already has a record (`existing` says which); publishing never replaces a
 *   DMARC policy, so it was left as it is.
 */
export const dmarcPublishSchema = z.object({
  name: z.string(),
  recommended: z.string(),
  state: z.enum(['missing', 'written', 'existing']),
  /** What `_dmarc.<domain>` holds now (TXT values, or a CNAME target), before this publish. */
  existing: z.array(z.string()),
});
export type DmarcPublish = z.infer<typeof dmarcPublishSchema>;

export const publishResultSchema = z.object({
  /**
   * `published`: the plan was written (or every record was already in place); `needs_confirmation`:
   * existing records would change, nothing was written, `plan` says what would; `no_hosted_zone`: no
   * public zone covers the domain.
   */
  outcome: z.enum(['published', 'needs_confirmation', 'no_hosted_zone', 'nothing_to_publish']),
  hostedZone: hostedZoneRefSchema.optional(),
  /**
   * The Route 53 change that wrote the records (follow it with `GET /api/route53/changes/:changeId`);
   * absent when nothing was written, or when the answer to the write was lost and a repeat found every
   * record already in place.
   */
  changeId: z.string().optional(),
  changeStatus: changeStatusSchema.optional(),
  /** The recommended DMARC record of the domain (`published` and `needs_confirmation` answers). */
  dmarc: dmarcPublishSchema.optional(),
  records: z.array(dnsRecordSchema),
  /** What was written (`published`) or would be (`needs_confirmation`). */
  plan: publishPlanSchema.optional(),
});
export type PublishResult = z.infer<typeof publishResultSchema>;

export const publishRequestSchema = z.object({
  /** Which container's records; omitted = all publishable records. */
  scope: z.enum(['all', 'dkim', 'mail-from']).default('all'),
  /**
   * The `planId` of a `needs_confirmation` answer: write that plan. When the zone changed since, the
   * answer is `needs_confirmation` again with the new plan, and nothing is written.
   */
  confirm: z.string().max(128).optional(),
  /**
   * Also write the recommended DMARC record (`_dmarc.<domain>` TXT `"v=DMARC1; p=none;"`) when the
   * domain has none. An existing DMARC record is never replaced.
   */
  dmarc: z.boolean().default(false),
});

export const createIdentityResponseSchema = z.object({
  identity: identityDetailSchema.optional(),
  name: z.string(),
  steps: z.array(actionStepSchema),
  publish: publishResultSchema.optional(),
  /** True when every step succeeded. */
  complete: z.boolean(),
});
export type CreateIdentityResponse = z.infer<typeof createIdentityResponseSchema>;

// ---------- re-create ----------

/**
 * `POST …/identities/{identity}/recreate`: SES v2 cannot restart a verification that failed (no
 * operation does, for a domain or an address), so the identity is deleted and created again with the
 * same settings: tags, default configuration set, DKIM (Easy DKIM key length, or BYODKIM with the key
 * given here, since SES never returns it), signing on/off, custom MAIL FROM, feedback forwarding and
 * policies. A domain gets new DKIM tokens; an address gets a new verification email.
 */
export const recreateIdentityRequestSchema = z.object({
  /** Publish the new DNS records to Route 53; omitted: when a public hosted zone covers the domain. */
  publishToRoute53: z.boolean().optional(),
  /** BYODKIM only: the private key (SES keeps it but never returns it), for the same selector. */
  privateKey: dkimPrivateKeySchema.optional(),
});
export type RecreateIdentityRequest = z.infer<typeof recreateIdentityRequestSchema>;

export const recreateIdentityResponseSchema = createIdentityResponseSchema.extend({
  /** The policies the identity had (SES deletes them with it; each is created again as a step). */
  previousPolicies: z.record(z.string(), z.string()),
});
export type RecreateIdentityResponse = z.infer<typeof recreateIdentityResponseSchema>;

// ---------- Route 53 hosted zone lookup ----------

export const hostedZoneLookupQuerySchema = z.object({ domain: domainSchema });

/** Answer of `GET /api/hosted-zones/lookup?domain=`: the public zone publishing would write into. */
export const hostedZoneLookupResponseSchema = z.object({
  domain: z.string(),
  /** The public hosted zone whose name is the longest suffix of the domain; absent when none. */
  hostedZone: hostedZoneRefSchema.optional(),
});
export type HostedZoneLookupResponse = z.infer<typeof hostedZoneLookupResponseSchema>;

/** `GET /api/route53/changes/:changeId`: one Route 53 change id, as publishing answered it. */
export const route53ChangeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{1,32}$/, 'A Route 53 change id is 1 to 32 letters and digits (e.g. C2682N5HXP0BZ4)');

/** Answer of `GET /api/route53/changes/:changeId` (Route 53 GetChange). */
export const route53ChangeSchema = z.object({
  id: z.string(),
  status: changeStatusSchema,
  submittedAt: z.string().optional(),
});
export type Route53Change = z.infer<typeof route53ChangeSchema>;

// ---------- delete ----------

export const deleteIdentitiesRequestSchema = z.object({
  identities: z.array(identityNameSchema).min(1, 'Select at least one identity').max(10_000),
});
export type DeleteIdentitiesRequest = z.infer<typeof deleteIdentitiesRequestSchema>;

/**
 * `deleted`: this request deleted it (or an attempt of this request whose answer was lost did);
 * `not_found`: it did not exist; `failed`: it was not deleted (SES refused, or nothing was sent);
 * `unknown`: a delete was sent but its answer never came (timeout, lost answer, the request's time ran
 * out) — it may or may not have run; reload to see.
 */
export const deleteResultSchema = z.object({
  identity: z.string(),
  outcome: z.enum(['deleted', 'not_found', 'failed', 'unknown']),
  message: z.string().optional(),
});
export type DeleteResult = z.infer<typeof deleteResultSchema>;

export const deleteIdentitiesResponseSchema = z.object({
  results: z.array(deleteResultSchema),
  deleted: z.number().int(),
  failed: z.number().int(),
  /** Results whose outcome is `unknown`. */
  unknown: z.number().int(),
});
export type DeleteIdentitiesResponse = z.infer<typeof deleteIdentitiesResponseSchema>;

// ---------- edits (each answers the updated IdentityDetail) ----------

export const updateDkimRequestSchema = z.object({
  signingEnabled: z.boolean().optional(),
  signing: dkimSettingsSchema.optional(),
});
export type UpdateDkimRequest = z.input<typeof updateDkimRequestSchema>;

export const updateMailFromRequestSchema = z.object({
  /** `null` turns the custom MAIL FROM domain off. */
  domain: domainSchema.nullable(),
  behaviorOnMxFailure: behaviorOnMxFailureSchema.default('USE_DEFAULT_VALUE'),
});
export type UpdateMailFromRequest = z.input<typeof updateMailFromRequestSchema>;

export const updateFeedbackRequestSchema = z.object({ emailForwardingEnabled: z.boolean() });
export type UpdateFeedbackRequest = z.infer<typeof updateFeedbackRequestSchema>;

export const updateConfigurationSetRequestSchema = z.object({
  /** `null` removes the default configuration set. */
  configurationSetName: configurationSetNameSchema.nullable(),
});
export type UpdateConfigurationSetRequest = z.infer<typeof updateConfigurationSetRequestSchema>;

export const createPolicyRequestSchema = z.object({ name: policyNameSchema, document: policyDocumentSchema });
export type CreatePolicyRequest = z.infer<typeof createPolicyRequestSchema>;

export const updatePolicyRequestSchema = z.object({ document: policyDocumentSchema });
export type UpdatePolicyRequest = z.infer<typeof updatePolicyRequestSchema>;

/** Replaces the identity's tags with this set (the BFF tags and untags the difference). */
export const replaceTagsRequestSchema = z.object({ tags: tagListSchema });
export type ReplaceTagsRequest = z.infer<typeof replaceTagsRequestSchema>;

export { emailAddressSchema, identityNameSchema, policyNameSchema };
