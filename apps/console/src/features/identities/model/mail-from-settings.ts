import {
  type BehaviorOnMxFailure,
  domainSchema,
  type IdentityDetail,
  type UpdateMailFromRequest,
} from '@ses-console/contract';

/** What the custom MAIL FROM container's form edits. */
export interface MailFromDraft {
  enabled: boolean;
  subdomain: string;
  behavior: BehaviorOnMxFailure;
}

export const mailFromFields = ['subdomain'] as const;
export type MailFromField = (typeof mailFromFields)[number];

/** The part of the MAIL FROM domain before `.{identity}` (what the user edits). */
export function subdomainOf(mailFromDomain: string | undefined, identity: string): string {
  if (!mailFromDomain) return '';
  const suffix = `.${identity}`;
  return mailFromDomain.endsWith(suffix) ? mailFromDomain.slice(0, -suffix.length) : mailFromDomain;
}

export function mailFromDraftFrom(detail: IdentityDetail): MailFromDraft {
  return {
    enabled: !!detail.mailFrom.domain,
    subdomain: subdomainOf(detail.mailFrom.domain, detail.name),
    behavior: detail.mailFrom.behaviorOnMxFailure,
  };
}

export function mailFromRequest(identity: string, draft: MailFromDraft): UpdateMailFromRequest {
  return {
    domain: draft.enabled ? `${draft.subdomain.trim()}.${identity}` : null,
    behaviorOnMxFailure: draft.behavior,
  };
}

/** A subdomain is required once enabled, and with the identity it must be a valid domain. */
export function validateMailFrom(
  identity: string,
  draft: MailFromDraft,
): Partial<Record<MailFromField, string>> {
  if (!draft.enabled) return {};
  if (!draft.subdomain.trim()) return { subdomain: 'Enter a MAIL FROM subdomain, such as mail' };
  const parsed = domainSchema.safeParse(`${draft.subdomain.trim()}.${identity}`);
  return parsed.success ? {} : { subdomain: parsed.error.issues[0]?.message };
}

export const mailFromFieldForPath = (path: string): MailFromField | undefined =>
  path === 'domain' ? 'subdomain' : undefined;
