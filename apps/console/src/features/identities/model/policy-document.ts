import { type IdentityDetail, policyDocumentSchema, policyNameSchema } from '@ses-console/contract';
import type { PolicyChange } from '../api/use-policy-mutations';

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

/** A starting point that only needs an account id: allow it to send from this identity. */
export function policyTemplate(detail: IdentityDetail): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowSend',
          Effect: 'Allow',
          Principal: { AWS: ['123456789012'] },
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Resource: detail.arn,
        },
      ],
    },
    null,
    2,
  );
}

/** The document indented for reading; left as it is when it is not JSON. */
export function prettyPolicy(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}
