import {
  type DkimKeyLength,
  dkimPrivateKeySchema,
  dkimSelectorSchema,
  type IdentityDetail,
  type UpdateDkimRequest,
} from '@ses-console/contract';

/** What the DKIM container's form edits. */
export interface DkimDraft {
  origin: 'AWS_SES' | 'EXTERNAL';
  keyLength: DkimKeyLength;
  selector: string;
  privateKey: string;
  signingEnabled: boolean;
}

/** The DKIM form's fields, in the order they are shown. */
export const dkimFields = ['privateKey', 'selector'] as const;
export type DkimField = (typeof dkimFields)[number];

export function dkimDraftFrom(detail: IdentityDetail): DkimDraft {
  return {
    origin: detail.dkim.origin === 'EXTERNAL' ? 'EXTERNAL' : 'AWS_SES',
    keyLength: detail.dkim.nextKeyLength ?? detail.dkim.currentKeyLength ?? 'RSA_2048_BIT',
    selector: '',
    privateKey: '',
    signingEnabled: detail.dkim.signingEnabled,
  };
}

/** Already on BYODKIM and both fields left empty: the current key stays. */
function keepsExistingKey(detail: IdentityDetail, draft: DkimDraft): boolean {
  return detail.dkim.origin === 'EXTERNAL' && !draft.selector.trim() && !draft.privateKey.trim();
}

/**
 * Only sends what changed: the signing method (and key) and/or the signatures switch; null when
 * nothing did (Save then just closes the form).
 */
export function dkimRequest(detail: IdentityDetail, draft: DkimDraft): UpdateDkimRequest | null {
  const body: UpdateDkimRequest = {};
  if (draft.signingEnabled !== detail.dkim.signingEnabled) body.signingEnabled = draft.signingEnabled;
  if (detail.type === 'DOMAIN') {
    const initial = dkimDraftFrom(detail);
    if (draft.origin === 'EXTERNAL' && !keepsExistingKey(detail, draft)) {
      body.signing = {
        origin: 'EXTERNAL',
        selector: draft.selector.trim(),
        privateKey: draft.privateKey.replace(/\s+/g, ''),
      };
    } else if (initial.origin !== 'AWS_SES' || draft.keyLength !== initial.keyLength) {
      body.signing = { origin: 'AWS_SES', keyLength: draft.keyLength };
    }
  }
  return body.signing === undefined && body.signingEnabled === undefined ? null : body;
}

/** The contract's own rules for a BYODKIM selector and key. */
export function validateDkim(detail: IdentityDetail, draft: DkimDraft): Partial<Record<DkimField, string>> {
  if (draft.origin !== 'EXTERNAL' || keepsExistingKey(detail, draft)) return {};
  const selector = dkimSelectorSchema.safeParse(draft.selector.trim());
  const key = dkimPrivateKeySchema.safeParse(draft.privateKey.replace(/\s+/g, ''));
  return {
    selector: selector.success ? undefined : selector.error.issues[0]?.message,
    privateKey: key.success ? undefined : key.error.issues[0]?.message,
  };
}

/** Which field shows a BFF field error of this request. */
export function dkimFieldForPath(path: string): DkimField | undefined {
  if (path === 'signing.selector') return 'selector';
  if (path === 'signing.privateKey') return 'privateKey';
  return undefined;
}
