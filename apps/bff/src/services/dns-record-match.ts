import type { DnsRecord } from '@ses-console/contract';
import { BYODKIM_PLACEHOLDER } from './dns-records.js';
import { satisfiesSesSpf, txtText } from './spf-record.js';

/**
 * The one rule for "is this DNS record in place?": the identity detail's Route 53 column, what
 * publishing still has to write, and the live DNS diagnostics all ask `recordInPlace`, so they cannot
 * disagree about the same name. It compares what a name holds for one type (all its values, in
 * presentation form: TXT as quoted strings, MX as `priority host`) with what SES asks for.
 */
export interface WantedRecord {
  purpose: DnsRecord['purpose'] | 'DMARC';
  type: DnsRecord['type'];
  /** The value SES asks for (or recommends), in presentation form. */
  value: string;
}

export type MatchRule = 'host' | 'mx' | 'spf' | 'dkim-key' | 'dmarc' | 'text';

/** DNS names and CNAME/MX hosts compare without case and without the trailing dot. */
/** DNS names compare without case and without the trailing dot of an absolute name (Route 53 answers `a.example.com.`). */
export const hostName = (value: string) => value.trim().replace(/\.$/, '').toLowerCase();

/** `10 feedback-smtp.us-east-1.amazonses.com` → priority and normalised host. */
export function parseMx(value: string): { priority: number; host: string } | undefined {
  const match = /^\s*(\d+)\s+(\S+)\s*$/.exec(value);
  return match ? { priority: Number(match[1]), host: hostName(match[2] ?? '') } : undefined;
}

/** Whether two MX values are the same exchange at the same priority (host case and trailing dot aside). */
export function sameMx(a: string, b: string): boolean {
  const x = parseMx(a);
  const y = parseMx(b);
  return !!x && !!y && x.priority === y.priority && x.host === y.host;
}

/** A DKIM public key record (`p=` followed by key material), read as a resolver joins its strings. */
const isDkimKey = (value: string) => /(^|[;\s])p=[A-Za-z0-9+/]/.test(txtText(value));
const isDmarc = (value: string) => /^v=DMARC1(;|\s|$)/i.test(txtText(value).trim());

export function matchRuleOf(record: WantedRecord): MatchRule {
  if (record.purpose === 'DMARC') return 'dmarc';
  if (record.purpose === 'MAIL_FROM_SPF') return 'spf';
  if (record.type === 'TXT' && record.value === BYODKIM_PLACEHOLDER) return 'dkim-key';
  if (record.type === 'CNAME') return 'host';
  if (record.type === 'MX') return 'mx';
  return 'text';
}

/**
 * Whether `values` (everything the name holds for the record's type) are what the record asks for:
 * - CNAME: exactly the target (a CNAME set has one value);
 * - MX (MAIL FROM): exactly one MX, SES's, same priority and host — with another MX on the name SES's
 *   MAIL FROM setup fails (SES-REFERENCE: "exactly one MX on that name, else setup fails");
 * - MAIL FROM SPF: exactly one SPF record at the name and it includes amazonses.com (SES's own record,
 *   or one it was merged into); other TXT strings do not matter (RFC 7208: two SPF records fail);
 * - BYODKIM TXT: any DKIM key (`p=…`), since only the owner knows the public key;
 * - DMARC: exactly one `v=DMARC1` record, any policy (RFC 7489 §6.6.3: with two, no DMARC applies);
 * - other TXT: one value whose text, strings joined, is the one asked for.
 */
export function recordInPlace(record: WantedRecord, values: readonly string[]): boolean {
  switch (matchRuleOf(record)) {
    case 'host':
      return values.length === 1 && hostName(values[0] as string) === hostName(record.value);
    case 'mx':
      return values.length === 1 && sameMx(values[0] as string, record.value);
    case 'spf':
      return satisfiesSesSpf(values);
    case 'dkim-key':
      return values.some(isDkimKey);
    case 'dmarc':
      return values.filter(isDmarc).length === 1;
    case 'text': {
      const wanted = txtText(record.value);
      return values.some((v) => txtText(v) === wanted);
    }
  }
}

/** What the rule accepts, for a person, where it is more than "exactly this value". */
export const MATCH_RULE_DETAIL: Record<MatchRule, string | undefined> = {
  host: undefined,
  text: undefined,
  mx: 'SES needs this MX record to be the only one on the MAIL FROM domain.',
  'dkim-key': 'SES never sees your public key, so any DKIM key record (p=…) on this name counts as found.',
  dmarc:
    'Recommended, not required for verification. Exactly one DMARC record (v=DMARC1…) counts (with two, no policy applies); p=none only monitors.',
  spf: 'Any SPF record (v=spf1…) that includes amazonses.com counts; a name may have only one SPF record.',
};
