import type { IdentityDetail } from '@ses-console/contract';

/**
 * The SES console's policy generator, as data: who (AWS accounts or IAM ARNs), which sending actions,
 * under which conditions → a sending-authorization policy document for this identity, which the user
 * may still edit before saving.
 */

/** The sending actions the SES console's generator offers. */
export const SENDING_ACTIONS = [
  'ses:SendEmail',
  'ses:SendRawEmail',
  'ses:SendTemplatedEmail',
  'ses:SendBulkTemplatedEmail',
] as const;
export type SendingAction = (typeof SENDING_ACTIONS)[number];

/** Condition keys for sending authorization (SES developer guide, "policy conditions"). */
export const CONDITION_KEYS = [
  { key: 'aws:SourceArn', description: 'The ARN of the resource that sends for the principal' },
  { key: 'aws:SourceAccount', description: 'The account that sends for the principal' },
  { key: 'ses:FromAddress', description: 'The From address of the message' },
  { key: 'ses:FromDisplayName', description: 'The display name in the From address' },
  { key: 'ses:Recipients', description: 'Every recipient address (To, CC, BCC)' },
  { key: 'ses:FeedbackAddress', description: 'The return-path (bounce) address' },
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number]['key'];

export const CONDITION_OPERATORS = ['StringEquals', 'StringLike', 'ArnEquals', 'ArnLike'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface PolicyCondition {
  key: ConditionKey;
  operator: ConditionOperator;
  value: string;
}

export interface PolicyGeneratorDraft {
  effect: 'Allow' | 'Deny';
  /** AWS account IDs or IAM ARNs, one per line (commas work too). */
  principals: string;
  actions: SendingAction[];
  conditions: PolicyCondition[];
}

/** What each field of the generator says is wrong; conditions by row. */
export interface PolicyGeneratorErrors {
  principals?: string;
  actions?: string;
  conditions?: Array<{ value?: string; operator?: string } | undefined>;
}

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:(root|(user|role)\/[\w+=,.@/-]+)$/;
const ARN = /^arn:aws(-[a-z]+)*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;

/** The account of an ARN (`arn:aws:ses:us-east-1:111122223333:identity/x` → `111122223333`). */
export function accountIdOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && ACCOUNT_ID.test(account) ? account : undefined;
}

/** The operator a condition key is usually compared with. */
export function defaultOperator(key: ConditionKey): ConditionOperator {
  if (key === 'aws:SourceArn') return 'ArnLike';
  if (key === 'aws:SourceAccount') return 'StringEquals';
  return 'StringLike';
}

/** Allow the identity's own account to send with SendEmail and SendRawEmail: a start, not a placeholder. */
export function initialGeneratorDraft(detail: IdentityDetail): PolicyGeneratorDraft {
  return {
    effect: 'Allow',
    principals: accountIdOfArn(detail.arn) ?? '',
    actions: ['ses:SendEmail', 'ses:SendRawEmail'],
    conditions: [],
  };
}

/** A new condition row, pre-filled where the identity tells the value (its account). */
export function newCondition(
  detail: IdentityDetail,
  key: ConditionKey = 'aws:SourceAccount',
): PolicyCondition {
  return {
    key,
    operator: defaultOperator(key),
    value: key === 'aws:SourceAccount' ? (accountIdOfArn(detail.arn) ?? '') : '',
  };
}

export function principalsOf(draft: PolicyGeneratorDraft): string[] {
  return draft.principals
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function conditionError(condition: PolicyCondition): { value?: string; operator?: string } | undefined {
  const value = condition.value.trim();
  if (!value) return { value: `Enter a value for ${condition.key}` };
  const arnOperator = condition.operator === 'ArnEquals' || condition.operator === 'ArnLike';
  if (condition.key === 'aws:SourceArn') {
    if (!arnOperator) return { operator: 'aws:SourceArn is compared with ArnEquals or ArnLike' };
    if (!ARN.test(value) && !value.includes('*')) {
      return { value: 'aws:SourceArn must be an ARN, such as arn:aws:sns:us-east-1:111122223333:topic' };
    }
  } else if (arnOperator) {
    return { operator: `${condition.key} is not an ARN: compare it with StringEquals or StringLike` };
  }
  if (condition.key === 'aws:SourceAccount' && !ACCOUNT_ID.test(value)) {
    return { value: 'aws:SourceAccount must be a 12-digit AWS account ID' };
  }
  if (
    (condition.key === 'ses:FromAddress' || condition.key === 'ses:FeedbackAddress') &&
    !value.includes('@') &&
    !value.includes('*')
  ) {
    return { value: `${condition.key} must be an email address (or a pattern with *, using StringLike)` };
  }
  if (value.includes('*') && condition.operator === 'StringEquals') {
    return { operator: 'A value with * needs StringLike (StringEquals compares it literally)' };
  }
  return undefined;
}

/** Every rule the generator checks before it writes a document; empty when it can. */
export function validateGenerator(draft: PolicyGeneratorDraft): PolicyGeneratorErrors {
  const errors: PolicyGeneratorErrors = {};
  const principals = principalsOf(draft);
  const bad = principals.find((p) => !ACCOUNT_ID.test(p) && !IAM_ARN.test(p));
  if (principals.length === 0) {
    errors.principals = 'Enter at least one AWS account ID or IAM ARN';
  } else if (bad !== undefined) {
    errors.principals = `${bad} is not a 12-digit AWS account ID or an IAM ARN such as arn:aws:iam::111122223333:user/sender`;
  }
  if (draft.actions.length === 0) errors.actions = 'Choose at least one action';
  const conditions = draft.conditions.map(conditionError);
  if (conditions.some((c) => c !== undefined)) errors.conditions = conditions;
  return errors;
}

export function hasGeneratorErrors(errors: PolicyGeneratorErrors): boolean {
  return !!errors.principals || !!errors.actions || !!errors.conditions;
}

/** The policy document for this identity: one statement, Resource the identity's ARN. */
export function generatePolicy(detail: IdentityDetail, draft: PolicyGeneratorDraft): string {
  const condition: Record<string, Record<string, string | string[]>> = {};
  for (const c of draft.conditions) {
    condition[c.operator] ??= {};
    const byKey = condition[c.operator] as Record<string, string | string[]>;
    const value = c.value.trim();
    const existing = byKey[c.key];
    byKey[c.key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  const statement = {
    Sid: draft.effect === 'Allow' ? 'AuthorizeSending' : 'DenySending',
    Effect: draft.effect,
    Resource: detail.arn,
    Principal: { AWS: principalsOf(draft) },
    Action: SENDING_ACTIONS.filter((a) => draft.actions.includes(a)),
    ...(draft.conditions.length > 0 ? { Condition: condition } : {}),
  };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
}
