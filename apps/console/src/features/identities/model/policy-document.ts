import { type IdentityDetail, policyDocumentSchema, policyNameSchema } from '@ses-console/contract';
import type { PolicyChange } from '../api/use-policy-mutations';
import { generatePolicy, initialGeneratorDraft } from './policy-generator';

/** What the policy editor edits: a new policy (name and document) or an existing one's document. */
export interface PolicyDraft {
  mode: 'create' | 'edit';
  name: string;
  document: string;
}

export const policyFields = ['name', 'document'] as const;
export type PolicyField = (typeof policyFields)[number];

/** The first message of a failed zod check, if it failed. */
const issueOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

/** The contract's rules: a policy name (new policies only) and a JSON document of at most 4 KB. */
export function validatePolicyDraft(draft: PolicyDraft): Partial<Record<PolicyField, string>> {
  return {
    name: draft.mode === 'create' ? issueOf(policyNameSchema.safeParse(draft.name)) : undefined,
    document: issueOf(policyDocumentSchema.safeParse(draft.document)),
  };
}

export function policyChangeOf({ mode, name, document }: PolicyDraft): PolicyChange {
  return mode === 'create' ? { kind: 'create', name, document } : { kind: 'update', name, document };
}

export const policyFieldForPath = (path: string): PolicyField | undefined =>
  policyFields.find((field) => field === path);

/** The generator's starting point: the identity's own account may send from it (no placeholder id). */
export function policyTemplate(detail: IdentityDetail): string {
  return generatePolicy(detail, initialGeneratorDraft(detail));
}

/** The document indented for reading; left as it is when it is not JSON. */
export function prettyPolicy(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}
