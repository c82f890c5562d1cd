import {
  CreateEmailIdentityPolicyCommand,
  DeleteEmailIdentityPolicyCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
  PutEmailIdentityFeedbackAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateEmailIdentityPolicyCommand,
} from '@aws-sdk/client-sesv2';
import type { BehaviorOnMxFailure, DkimSettings, Tag } from '@ses-console/contract';
import { AppError } from '../errors/app-error.js';
import { callAws } from '../errors/aws-error-map.js';
import { domainOfIdentity, isSubdomainOf } from './dns-records.js';
import { getEmailIdentity } from './identity-detail-service.js';
import { identityArn, type ServiceContext } from './service-context.js';

/** The SES input for a DKIM signing choice (Easy DKIM key length, or BYODKIM selector + key). */
export function signingAttributesOf(settings: DkimSettings) {
  return settings.origin === 'AWS_SES'
    ? { NextSigningKeyLength: settings.keyLength }
    : { DomainSigningSelector: settings.selector, DomainSigningPrivateKey: settings.privateKey };
}

/** A MAIL FROM domain must be a subdomain of the identity's domain (SES rule); checked before any call. */
export function assertMailFromDomain(identity: string, mailFrom: string, field: string): void {
  const domain = domainOfIdentity(identity);
  if (!isSubdomainOf(mailFrom, domain)) {
    const message = `The MAIL FROM domain must be a subdomain of ${domain}, such as mail.${domain}`;
    throw AppError.badRequest(`${field}: ${message}`, [{ field, message }]);
  }
}

export async function updateDkim(
  ctx: ServiceContext,
  region: string,
  identity: string,
  change: { signingEnabled?: boolean; signing?: DkimSettings },
): Promise<void> {
  if (change.signingEnabled === undefined && change.signing === undefined) {
    const message = 'Provide signingEnabled, signing or both';
    throw AppError.badRequest(message, [{ field: 'signingEnabled', message }]);
  }
  const ses = ctx.clients.ses(region);
  if (change.signing) {
    if (identity.includes('@')) {
      const message = 'DKIM signing attributes can be set on domain identities only';
      throw AppError.badRequest(`signing: ${message}`, [{ field: 'signing', message }]);
    }
    const signing = change.signing;
    await callAws(() =>
      ses.send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: identity,
          SigningAttributesOrigin: signing.origin,
          SigningAttributes: signingAttributesOf(signing),
        }),
      ),
    );
  }
  if (change.signingEnabled !== undefined) {
    const SigningEnabled = change.signingEnabled;
    await callAws(() =>
      ses.send(new PutEmailIdentityDkimAttributesCommand({ EmailIdentity: identity, SigningEnabled })),
    );
  }
}

export async function updateMailFrom(
  ctx: ServiceContext,
  region: string,
  identity: string,
  change: { domain: string | null; behaviorOnMxFailure: BehaviorOnMxFailure },
): Promise<void> {
  if (change.domain !== null) assertMailFromDomain(identity, change.domain, 'domain');
  await callAws(() =>
    ctx.clients.ses(region).send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: identity,
        ...(change.domain !== null
          ? { MailFromDomain: change.domain, BehaviorOnMxFailure: change.behaviorOnMxFailure }
          : {}),
      }),
    ),
  );
}

export async function updateFeedbackForwarding(
  ctx: ServiceContext,
  region: string,
  identity: string,
  enabled: boolean,
): Promise<void> {
  await callAws(() =>
    ctx.clients.ses(region).send(
      new PutEmailIdentityFeedbackAttributesCommand({
        EmailIdentity: identity,
        EmailForwardingEnabled: enabled,
      }),
    ),
  );
}

export async function updateDefaultConfigurationSet(
  ctx: ServiceContext,
  region: string,
  identity: string,
  name: string | null,
): Promise<void> {
  await callAws(() =>
    ctx.clients.ses(region).send(
      new PutEmailIdentityConfigurationSetAttributesCommand({
        EmailIdentity: identity,
        ...(name !== null ? { ConfigurationSetName: name } : {}),
      }),
    ),
  );
}

export async function createPolicy(
  ctx: ServiceContext,
  region: string,
  identity: string,
  name: string,
  document: string,
): Promise<void> {
  await callAws(() =>
    ctx.clients
      .ses(region)
      .send(
        new CreateEmailIdentityPolicyCommand({ EmailIdentity: identity, PolicyName: name, Policy: document }),
      ),
  );
}

export async function updatePolicy(
  ctx: ServiceContext,
  region: string,
  identity: string,
  name: string,
  document: string,
): Promise<void> {
  await callAws(() =>
    ctx.clients
      .ses(region)
      .send(
        new UpdateEmailIdentityPolicyCommand({ EmailIdentity: identity, PolicyName: name, Policy: document }),
      ),
  );
}

export async function deletePolicy(
  ctx: ServiceContext,
  region: string,
  identity: string,
  name: string,
): Promise<void> {
  await callAws(() =>
    ctx.clients
      .ses(region)
      .send(new DeleteEmailIdentityPolicyCommand({ EmailIdentity: identity, PolicyName: name })),
  );
}

/** What to tag and untag so the identity ends with exactly `desired` (unchanged tags are not rewritten). */
export function tagDifference(
  current: readonly Tag[],
  desired: readonly Tag[],
): { toTag: Tag[]; toUntag: string[] } {
  const currentByKey = new Map(current.map((t) => [t.key, t.value]));
  const desiredKeys = new Set(desired.map((t) => t.key));
  return {
    toTag: desired.filter((t) => currentByKey.get(t.key) !== t.value),
    toUntag: current.filter((t) => !desiredKeys.has(t.key)).map((t) => t.key),
  };
}

/** Replaces the identity's tags: TagResource for new/changed tags, UntagResource for removed keys. */
export async function replaceTags(
  ctx: ServiceContext,
  region: string,
  identity: string,
  desired: readonly Tag[],
): Promise<void> {
  const current = await getEmailIdentity(ctx, region, identity);
  const { toTag, toUntag } = tagDifference(
    (current.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    desired,
  );
  const ResourceArn = identityArn(region, await ctx.accountId(region), identity);
  const ses = ctx.clients.ses(region);
  if (toTag.length > 0) {
    await callAws(() =>
      ses.send(
        new TagResourceCommand({ ResourceArn, Tags: toTag.map((t) => ({ Key: t.key, Value: t.value })) }),
      ),
    );
  }
  if (toUntag.length > 0) {
    await callAws(() => ses.send(new UntagResourceCommand({ ResourceArn, TagKeys: toUntag })));
  }
}
