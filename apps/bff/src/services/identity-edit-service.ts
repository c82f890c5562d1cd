import {
  CreateEmailIdentityPolicyCommand,
  DeleteEmailIdentityPolicyCommand,
  type DkimAttributes,
  PutEmailIdentityConfigurationSetAttributesCommand,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
  PutEmailIdentityFeedbackAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  type SESv2Client,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateEmailIdentityPolicyCommand,
} from '@aws-sdk/client-sesv2';
import type { BehaviorOnMxFailure, DkimSettings, IdentityDetail, Tag } from '@ses-console/contract';
import { AppError } from '../errors/app-error.js';
import { callAws } from '../errors/aws-error-map.js';
import { type ChangeStep, isStepFailure, partialChangeError, runSteps } from './change-steps.js';
import { domainOfIdentity, isSubdomainOf } from './dns-records.js';
import { getEmailIdentity, getIdentityDetail } from './identity-detail-service.js';
import { oneAtATime } from './one-at-a-time.js';
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

/** What a DKIM signing choice is called in a partial-change report. */
function describeSigning(settings: DkimSettings): string {
  return settings.origin === 'AWS_SES'
    ? `DKIM signing key: Easy DKIM, ${settings.keyLength}`
    : `DKIM signing key: BYODKIM with selector ${settings.selector}`;
}

/** Whether the identity's DKIM settings are as a signing choice asks (read back after a failure). */
function signingHolds(dkim: DkimAttributes | undefined, settings: DkimSettings): boolean {
  if (dkim?.SigningAttributesOrigin !== settings.origin) return false;
  if (settings.origin === 'EXTERNAL') return true;
  return (
    dkim.NextSigningKeyLength === settings.keyLength || dkim.CurrentSigningKeyLength === settings.keyLength
  );
}

/**
 * The DKIM signing attributes, then signing on/off: two SES calls. If one fails, the settings are
 * read back and the error says which part was applied and which not.
 */
export async function updateDkim(
  ctx: ServiceContext,
  region: string,
  identity: string,
  change: { signingEnabled?: boolean; signing?: DkimSettings },
): Promise<IdentityDetail> {
  if (change.signingEnabled === undefined && change.signing === undefined) {
    const message = 'Provide signingEnabled, signing or both';
    throw AppError.badRequest(message, [{ field: 'signingEnabled', message }]);
  }
  if (change.signing && identity.includes('@')) {
    const message = 'DKIM signing attributes can be set on domain identities only';
    throw AppError.badRequest(`signing: ${message}`, [{ field: 'signing', message }]);
  }
  const ses = ctx.clients.ses(region);
  const steps: Array<ChangeStep & { holds(dkim: DkimAttributes | undefined): boolean }> = [];
  const signing = change.signing;
  if (signing) {
    steps.push({
      description: describeSigning(signing),
      run: () =>
        ses.send(
          new PutEmailIdentityDkimSigningAttributesCommand({
            EmailIdentity: identity,
            SigningAttributesOrigin: signing.origin,
            SigningAttributes: signingAttributesOf(signing),
          }),
        ),
      holds: (dkim) => signingHolds(dkim, signing),
    });
  }
  const SigningEnabled = change.signingEnabled;
  if (SigningEnabled !== undefined) {
    steps.push({
      description: `DKIM signatures ${SigningEnabled ? 'enabled' : 'disabled'}`,
      run: () =>
        ses.send(new PutEmailIdentityDkimAttributesCommand({ EmailIdentity: identity, SigningEnabled })),
      holds: (dkim) => dkim?.SigningEnabled === SigningEnabled,
    });
  }
  try {
    await runSteps(steps);
  } catch (failure) {
    if (!isStepFailure(failure)) throw failure;
    const dkim = await getEmailIdentity(ctx, region, identity).then(
      (read) => ({ read: read.DkimAttributes }),
      () => undefined,
    );
    throw partialChangeError(
      failure,
      dkim && {
        applied: steps.filter((s) => s.holds(dkim.read)).map((s) => s.description),
        notApplied: steps.filter((s) => !s.holds(dkim.read)).map((s) => s.description),
      },
    );
  }
  return getIdentityDetail(ctx, region, identity);
}

/**
 * One SES call that changes the identity, then the identity as it is after it: what every edit of the
 * detail page answers, so the console renders the result at once.
 */
async function changeThenDetail(
  ctx: ServiceContext,
  region: string,
  identity: string,
  change: (ses: SESv2Client) => Promise<unknown>,
): Promise<IdentityDetail> {
  await callAws(() => change(ctx.clients.ses(region)));
  return getIdentityDetail(ctx, region, identity);
}

export function updateMailFrom(
  ctx: ServiceContext,
  region: string,
  identity: string,
  change: { domain: string | null; behaviorOnMxFailure: BehaviorOnMxFailure },
): Promise<IdentityDetail> {
  if (change.domain !== null) assertMailFromDomain(identity, change.domain, 'domain');
  return changeThenDetail(ctx, region, identity, (ses) =>
    ses.send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: identity,
        ...(change.domain !== null
          ? { MailFromDomain: change.domain, BehaviorOnMxFailure: change.behaviorOnMxFailure }
          : {}),
      }),
    ),
  );
}

export function updateFeedbackForwarding(
  ctx: ServiceContext,
  region: string,
  identity: string,
  enabled: boolean,
): Promise<IdentityDetail> {
  return changeThenDetail(ctx, region, identity, (ses) =>
    ses.send(
      new PutEmailIdentityFeedbackAttributesCommand({
        EmailIdentity: identity,
        EmailForwardingEnabled: enabled,
      }),
    ),
  );
}

export function updateDefaultConfigurationSet(
  ctx: ServiceContext,
  region: string,
  identity: string,
  name: string | null,
): Promise<IdentityDetail> {
  return changeThenDetail(ctx, region, identity, (ses) =>
    ses.send(
      new PutEmailIdentityConfigurationSetAttributesCommand({
        EmailIdentity: identity,
        ...(name !== null ? { ConfigurationSetName: name } : {}),
      }),
    ),
  );
}

/** Creates an authorization policy (`create`) or replaces the document of an existing one (`update`). */
export function putPolicy(
  ctx: ServiceContext,
  region: string,
  identity: string,
  mode: 'create' | 'update',
  policy: { name: string; document: string },
): Promise<IdentityDetail> {
  const input = { EmailIdentity: identity, PolicyName: policy.name, Policy: policy.document };
  return changeThenDetail(ctx, region, identity, (ses) =>
    mode === 'create'
      ? ses.send(new CreateEmailIdentityPolicyCommand(input))
      : ses.send(new UpdateEmailIdentityPolicyCommand(input)),
  );
}

export function deletePolicy(
  ctx: ServiceContext,
  region: string,
  identity: string,
  name: string,
): Promise<IdentityDetail> {
  return changeThenDetail(ctx, region, identity, (ses) =>
    ses.send(new DeleteEmailIdentityPolicyCommand({ EmailIdentity: identity, PolicyName: name })),
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

const tagsOf = (identity: { Tags?: { Key?: string; Value?: string }[] }): Tag[] =>
  (identity.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));

const sameTags = (a: readonly Tag[], b: readonly Tag[]) => {
  const diff = tagDifference(a, b);
  return diff.toTag.length === 0 && diff.toUntag.length === 0;
};

const listTags = (tags: readonly Tag[]) => tags.map((t) => `${t.key}=${t.value}`).join(', ');

/** What of `planned` holds in `current`, in a partial-change report's sentences. */
function progressOf(planned: { toTag: Tag[]; toUntag: string[] }, current: readonly Tag[]) {
  const now = new Map(current.map((t) => [t.key, t.value]));
  const removed = planned.toUntag.filter((key) => !now.has(key));
  const notRemoved = planned.toUntag.filter((key) => now.has(key));
  const added = planned.toTag.filter((t) => now.get(t.key) === t.value);
  const notAdded = planned.toTag.filter((t) => now.get(t.key) !== t.value);
  const applied: string[] = [];
  const notApplied: string[] = [];
  if (removed.length > 0) applied.push(`Removed tags: ${removed.join(', ')}`);
  if (added.length > 0) applied.push(`Added or changed tags: ${listTags(added)}`);
  if (notRemoved.length > 0) notApplied.push(`Tags not removed: ${notRemoved.join(', ')}`);
  if (notAdded.length > 0) notApplied.push(`Tags not added or changed: ${listTags(notAdded)}`);
  return { applied, notApplied };
}

/** Tag replaces of one identity from this process run one at a time (they read, then write). */
const oneTagReplaceAtATime = oneAtATime();

/**
 * Replaces the identity's tags with `desired` and answers the identity as it then is: UntagResource
 * for removed keys first, then TagResource for new and changed ones, so the identity never holds
 * more than the 50 tags SES allows on the way (30 tags replaced by 30 others pass through 0, not 60).
 *
 * SES has no conditional write for tags, so two replaces at the same time would merge. Replaces
 * through this BFF process are therefore serialized per identity (the later one wins, as a replace
 * should), and the result is read back: if another writer (another BFF instance, the CLI) changed
 * the tags in between, a 409 says what they now are, instead of a success for merged tags. A failure
 * part-way answers what was applied, read back from SES.
 */
export async function replaceTags(
  ctx: ServiceContext,
  region: string,
  identity: string,
  desired: readonly Tag[],
): Promise<IdentityDetail> {
  return oneTagReplaceAtATime(`${region}/${identity}`, async () => {
    const readIdentity = () => getEmailIdentity(ctx, region, identity);
    const planned = tagDifference(tagsOf(await readIdentity()), desired);
    const { toTag, toUntag } = planned;
    if (toTag.length === 0 && toUntag.length === 0) return getIdentityDetail(ctx, region, identity);
    const ResourceArn = identityArn(region, await ctx.accountId(region), identity);
    const ses = ctx.clients.ses(region);
    const steps: ChangeStep[] = [];
    if (toUntag.length > 0) {
      steps.push({
        description: `Removed tags: ${toUntag.join(', ')}`,
        run: () => ses.send(new UntagResourceCommand({ ResourceArn, TagKeys: toUntag })),
      });
    }
    if (toTag.length > 0) {
      steps.push({
        description: `Added or changed tags: ${listTags(toTag)}`,
        run: () =>
          ses.send(
            new TagResourceCommand({ ResourceArn, Tags: toTag.map((t) => ({ Key: t.key, Value: t.value })) }),
          ),
      });
    }
    try {
      await runSteps(steps);
    } catch (failure) {
      if (!isStepFailure(failure)) throw failure;
      const current = await readIdentity().then(tagsOf, () => undefined);
      throw partialChangeError(failure, current ? progressOf(planned, current) : undefined);
    }
    const detail = await getIdentityDetail(ctx, region, identity);
    if (!sameTags(detail.tags, desired)) {
      const conflict = new AppError(
        409,
        'ConcurrentModification',
        `The tags of ${identity} were changed by someone else while this change was applied; they are now: ${detail.tags.length > 0 ? listTags(detail.tags) : 'none'}. Review them and save again.`,
      );
      conflict.partial = progressOf(planned, detail.tags);
      throw conflict;
    }
    return detail;
  });
}
