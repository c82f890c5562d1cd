import { z } from 'zod';
import { REGION_NAME_PATTERN, REGION_NAME_RULE, REGION_NAME_SOURCE } from './region-name.js';

/**
 * Input rules shared by the console (inline validation) and the BFF (400 naming the field).
 * Messages say the rule, so a user knows what to change.
 */
const DOMAIN_LABEL_CHARS = /^(?!-)[a-z0-9-]+(?<!-)$/i;

/**
 * What is wrong with a domain name, in words that name the rule; the broadest rule first, so a
 * 254-character name hears that it is too long rather than something about one of its labels.
 */
export function domainNameProblem(value: string): string | undefined {
  if (value.length === 0) return 'Enter a domain';
  if (value.length > 253) return `A domain name has at most 253 characters; this one has ${value.length}`;
  if (value.endsWith('.')) return 'Leave out the dot at the end';
  const labels = value.split('.');
  const long = labels.find((l) => l.length > 63);
  if (long) {
    return `Each label (the part between dots) has at most 63 characters; "${long.slice(0, 12)}…" has ${long.length}`;
  }
  const bad = labels.find((l) => l.length > 0 && !DOMAIN_LABEL_CHARS.test(l));
  if (bad !== undefined) {
    return `Enter a valid domain name, such as example.com: labels have only letters, digits and hyphens, and no hyphen first or last ("${bad}" does not)`;
  }
  if (labels.some((l) => l.length === 0)) {
    return 'Enter a valid domain name, such as example.com: no empty labels (two dots in a row, or a dot first)';
  }
  if (labels.length < 2)
    return 'A domain name has at least two labels separated by dots, such as example.com';
  if (/^\d+$/.test(labels.at(-1) ?? '')) return 'The last label of a domain name is not all digits';
  return undefined;
}

export function isValidDomain(value: string): boolean {
  return domainNameProblem(value) === undefined;
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

export function isValidEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.length > 320) return false;
  const local = value.slice(0, at);
  return local.length <= 64 && LOCAL_PART.test(local) && isValidDomain(value.slice(at + 1));
}

export const domainSchema = z
  .string()
  .trim()
  .min(1, 'Enter a domain')
  .superRefine((value, ctx) => {
    const problem = value.length === 0 ? undefined : domainNameProblem(value); // min(1) said it
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const emailAddressSchema = z
  .string()
  .trim()
  .min(1, 'Enter an email address')
  .refine(isValidEmailAddress, 'Enter a valid email address, such as sender@example.com');

/** An identity name as it appears in URLs and requests: a domain or an email address. */
export const identityNameSchema = z
  .string()
  .min(1, 'Identity is required')
  .max(320, 'Identity must be at most 320 characters')
  .refine(
    (v) => (v.includes('@') ? isValidEmailAddress(v) : isValidDomain(v)),
    'Identity must be a valid email address or domain name',
  );

export const regionSchema = z.string().regex(REGION_NAME_PATTERN, `Region ${REGION_NAME_RULE}`);

export const configurationSetNameSchema = z
  .string()
  .min(1, 'Configuration set name is required')
  .max(64, 'Configuration set name must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Configuration set name may contain only letters, digits, _ and -');

export const policyNameSchema = z
  .string()
  .min(1, 'Policy name is required')
  .max(64, 'Policy name must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Policy name may contain only letters, digits, _ and -');

/** A policy document: valid JSON object, at most 4 KB. */
export const policyDocumentSchema = z
  .string()
  .min(1, 'Policy document is required')
  .refine((v) => new TextEncoder().encode(v).length <= 4096, 'Policy document must be at most 4 KB')
  .refine((v) => {
    try {
      const parsed: unknown = JSON.parse(v);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    } catch {
      return false;
    }
  }, 'Policy document must be a valid JSON object');

const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const tagSchema = z.object({
  key: z
    .string()
    .min(1, 'Tag key is required')
    .max(128, 'Tag key must be at most 128 characters')
    .regex(TAG_CHARS, 'Tag key may contain only letters, digits, spaces and _ . : / = + - @')
    .refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys starting with "aws:" are reserved'),
  value: z
    .string()
    .max(256, 'Tag value must be at most 256 characters')
    .regex(TAG_CHARS, 'Tag value may contain only letters, digits, spaces and _ . : / = + - @'),
});
export type Tag = z.infer<typeof tagSchema>;

export const tagListSchema = z
  .array(tagSchema)
  .max(50, 'At most 50 tags per identity')
  .refine((tags) => new Set(tags.map((t) => t.key)).size === tags.length, 'Tag keys must be unique');

/** BYODKIM private key: the base64 body of a PEM RSA key, without header lines or line breaks. */
export const dkimPrivateKeySchema = z
  .string()
  .min(1, 'Private key is required')
  .max(20480, 'Private key must be at most 20,480 characters')
  .regex(
    /^[a-zA-Z0-9+/]+={0,2}$/,
    'Private key must be base64 only (no -----BEGIN/END----- lines, spaces or line breaks)',
  );

export const dkimSelectorSchema = z
  .string()
  .min(1, 'Selector is required')
  .max(63, 'Selector must be at most 63 characters')
  .regex(
    /^(([a-zA-Z0-9])|([a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))$/,
    'Selector may contain letters, digits and inner hyphens only',
  );

/** SNS topic names: 1–256 letters, digits, hyphens and underscores (a FIFO topic adds `.fifo`). */
const SNS_TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

export const SNS_TOPIC_NAME_RULE = '1–256 characters: letters, digits, hyphens (-) and underscores (_)';

export const snsTopicNameSchema = z
  .string()
  .min(1, 'Enter a topic name')
  .max(256, 'A topic name has at most 256 characters')
  .regex(SNS_TOPIC_NAME, `A topic name has ${SNS_TOPIC_NAME_RULE}`);

/**
 * A standard SNS topic's ARN, `arn:aws:sns:<region>:<12-digit account>:<name>` (any partition).
 * SES delivers feedback to standard topics only, so a `.fifo` name is refused with that reason.
 */
const SNS_TOPIC_ARN = new RegExp(
  `^arn:aws(-[a-z]+)*:sns:${REGION_NAME_SOURCE}:\\d{12}:[A-Za-z0-9_-]{1,256}$`,
);

export function snsTopicArnProblem(value: string): string | undefined {
  if (value.length === 0) return 'Enter the ARN of an SNS topic';
  if (value.endsWith('.fifo')) return 'SES sends feedback only to standard topics, not to FIFO topics';
  if (!SNS_TOPIC_ARN.test(value)) {
    return 'Enter a topic ARN such as arn:aws:sns:us-east-1:123456789012:my-topic (Region, 12-digit account, topic name)';
  }
  return undefined;
}

export const snsTopicArnSchema = z
  .string()
  .max(1024, 'A topic ARN has at most 1024 characters')
  .superRefine((value, ctx) => {
    const problem = snsTopicArnProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The topic's name and Region, read from its ARN (undefined for anything that is not a topic ARN). */
export function parseSnsTopicArn(
  arn: string,
): { region: string; accountId: string; name: string } | undefined {
  if (snsTopicArnProblem(arn)) return undefined;
  const [, , , region = '', accountId = '', name = ''] = arn.split(':');
  return { region, accountId, name };
}
