import {
  type BehaviorOnMxFailure,
  type CreateIdentityRequest,
  createIdentityRequestSchema,
  type DkimKeyLength,
} from '@ses-console/contract';

/** What the create page edits; turned into the contract's request by `toCreateRequest`. */
export interface CreateIdentityForm {
  type: 'DOMAIN' | 'EMAIL_ADDRESS';
  domain: string;
  email: string;
  useConfigurationSet: boolean;
  configurationSet: string | null;
  useMailFrom: boolean;
  mailFromSubdomain: string;
  behaviorOnMxFailure: BehaviorOnMxFailure;
  /** Easy DKIM, Deterministic Easy DKIM (a replica of the domain in `parentRegion`) or BYODKIM. */
  dkimOrigin: 'AWS_SES' | 'DEED' | 'EXTERNAL';
  keyLength: DkimKeyLength;
  parentRegion: string | null;
  selector: string;
  privateKey: string;
  dkimSigningEnabled: boolean;
  publishToRoute53: boolean;
  tags: { key: string; value: string }[];
}

export type CreateFormField =
  | 'domain'
  | 'email'
  | 'configurationSet'
  | 'mailFromSubdomain'
  | 'parentRegion'
  | 'selector'
  | 'privateKey'
  | 'tags'
  | 'form';

export type CreateFormErrors = Partial<Record<CreateFormField, string>>;

/** The fields that show their own errors, in the order the page shows them. */
export const createFormFields = [
  'domain',
  'email',
  'configurationSet',
  'mailFromSubdomain',
  'parentRegion',
  'privateKey',
  'selector',
  'tags',
] as const satisfies readonly CreateFormField[];

export const initialCreateForm: CreateIdentityForm = {
  type: 'DOMAIN',
  domain: '',
  email: '',
  useConfigurationSet: false,
  configurationSet: null,
  useMailFrom: false,
  mailFromSubdomain: '',
  behaviorOnMxFailure: 'USE_DEFAULT_VALUE',
  dkimOrigin: 'AWS_SES',
  keyLength: 'RSA_2048_BIT',
  parentRegion: null,
  selector: '',
  privateKey: '',
  dkimSigningEnabled: true,
  publishToRoute53: false,
  tags: [],
};

export function toCreateRequest(form: CreateIdentityForm): CreateIdentityRequest {
  const configurationSetName =
    form.useConfigurationSet && form.configurationSet ? form.configurationSet : undefined;
  const tags = form.tags.map((t) => ({ key: t.key.trim(), value: t.value }));
  if (form.type === 'EMAIL_ADDRESS') {
    return { type: 'EMAIL_ADDRESS', name: form.email.trim(), configurationSetName, tags };
  }
  const domain = form.domain.trim();
  return {
    type: 'DOMAIN',
    name: domain,
    configurationSetName,
    dkim:
      form.dkimOrigin === 'EXTERNAL'
        ? {
            origin: 'EXTERNAL',
            selector: form.selector.trim(),
            privateKey: form.privateKey.replace(/\s+/g, ''),
          }
        : form.dkimOrigin === 'DEED'
          ? { origin: 'DEED', parentRegion: form.parentRegion ?? '' }
          : { origin: 'AWS_SES', keyLength: form.keyLength },
    dkimSigningEnabled: form.dkimSigningEnabled,
    mailFrom: form.useMailFrom
      ? {
          domain: `${form.mailFromSubdomain.trim()}.${domain}`,
          behaviorOnMxFailure: form.behaviorOnMxFailure,
        }
      : undefined,
    publishToRoute53: form.publishToRoute53,
    tags,
  };
}

/** Maps a request path (from zod issues or the BFF's `fieldErrors`) onto the field that shows it. */
export function fieldForPath(path: string, type: CreateIdentityForm['type']): CreateFormField {
  if (path === 'name') return type === 'DOMAIN' ? 'domain' : 'email';
  if (path === 'configurationSetName') return 'configurationSet';
  if (path.startsWith('mailFrom')) return 'mailFromSubdomain';
  if (path === 'dkim.parentRegion') return 'parentRegion';
  if (path === 'dkim.selector') return 'selector';
  if (path === 'dkim.privateKey') return 'privateKey';
  if (path.startsWith('tags')) return 'tags';
  return 'form';
}

/**
 * Validates with the contract's own schemas (the same rules the BFF applies), plus the rules that only
 * exist on this page: a chosen configuration set and a non-empty MAIL FROM subdomain.
 */
export function validateCreateForm(form: CreateIdentityForm): CreateFormErrors {
  const errors: CreateFormErrors = {};
  if (form.useConfigurationSet && !form.configurationSet) {
    errors.configurationSet = 'Choose a configuration set, or clear "Assign a default configuration set"';
  }
  if (form.type === 'DOMAIN' && form.useMailFrom && !form.mailFromSubdomain.trim()) {
    errors.mailFromSubdomain = 'Enter a MAIL FROM subdomain, such as mail';
  }
  if (form.type === 'DOMAIN' && form.useMailFrom && form.mailFromSubdomain.includes('@')) {
    errors.mailFromSubdomain = 'The MAIL FROM subdomain may contain only letters, digits, hyphens and dots';
  }
  if (form.type === 'DOMAIN' && form.dkimOrigin === 'DEED' && !form.parentRegion) {
    errors.parentRegion =
      'Choose the parent Region: a Region where this domain is a verified Easy DKIM identity';
  }
  const result = createIdentityRequestSchema.safeParse(toCreateRequest(form));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldForPath(issue.path.map(String).join('.'), form.type);
      errors[field] ??= issue.message;
    }
  }
  return errors;
}
