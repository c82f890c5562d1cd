import type { DnsCheck } from '@ses-console/contract';
import type { DnsAnswer } from '../clients/dns-resolver.js';
import { BYODKIM_PLACEHOLDER } from './dns-records.js';
import { includesAmazonSes, isSpf } from './spf-record.js';

type Rule = 'exact' | 'dkim-key' | 'dmarc' | 'spf';

/** A record SES asks for (or recommends), before DNS is asked. */
export interface ExpectedRecord {
  purpose: DnsCheck['purpose'];
  type: DnsCheck['type'];
  name: string;
  expected: string;
  required: boolean;
}

export const hostName = (value: string) => value.trim().replace(/\.$/, '').toLowerCase();
const unquote = (value: string) => value.replace(/^"(.*)"$/s, '$1');
const quote = (value: string) => `"${value.replace(/"/g, '\\"')}"`;

/** `10 feedback-smtp.us-east-1.amazonses.com` → priority and normalised host. */
export function parseMx(value: string): { priority: number; host: string } | undefined {
  const match = /^\s*(\d+)\s+(\S+)\s*$/.exec(value);
  return match ? { priority: Number(match[1]), host: hostName(match[2] ?? '') } : undefined;
}

function ruleOf(record: ExpectedRecord): Rule {
  if (record.purpose === 'DMARC') return 'dmarc';
  if (record.purpose === 'MAIL_FROM_SPF') return 'spf';
  if (record.purpose === 'DKIM' && record.type === 'TXT' && record.expected === BYODKIM_PLACEHOLDER)
    return 'dkim-key';
  return 'exact';
}

const RULE_DETAIL: Record<Rule, string | undefined> = {
  exact: undefined,
  'dkim-key': 'SES never sees your public key, so any DKIM key record (p=…) on this name counts as found.',
  dmarc:
    'Recommended, not required for verification. Any DMARC record (v=DMARC1…) counts; p=none only monitors.',
  spf: 'Any SPF record (v=spf1…) that includes amazonses.com counts; a name may have only one SPF record.',
};

/** Whether one value DNS answered (presentation form) is what the record asks for. */
export function valueMatches(record: ExpectedRecord, found: string): boolean {
  switch (ruleOf(record)) {
    case 'dkim-key':
      return /(^|[;\s])p=[A-Za-z0-9+/]/.test(unquote(found));
    case 'dmarc':
      return /^v=DMARC1(;|\s|$)/i.test(unquote(found).trim());
    case 'spf':
      return isSpf(found) && includesAmazonSes(found);
    default:
      break;
  }
  if (record.type === 'CNAME') return hostName(found) === hostName(record.expected);
  if (record.type === 'MX') {
    const want = parseMx(record.expected);
    const got = parseMx(found);
    return !!want && !!got && want.priority === got.priority && want.host === got.host;
  }
  return unquote(found) === unquote(record.expected);
}

/** Turns a DNS answer into the check's state: found / missing / wrong value / resolver error. */
export function checkOf(record: ExpectedRecord, answer: DnsAnswer<string>): DnsCheck {
  const base = { ...record, detail: RULE_DETAIL[ruleOf(record)] };
  if (answer.kind === 'error') {
    return { ...base, state: 'resolver_error', found: [], detail: `${answer.message} (${answer.code})` };
  }
  if (answer.kind === 'none' || answer.records.length === 0) return { ...base, state: 'missing', found: [] };
  const found = answer.records;
  return { ...base, state: found.some((v) => valueMatches(record, v)) ? 'found' : 'wrong_value', found };
}

/** DNS answers in the form the expected values are written in (TXT quoted, MX `priority host`). */
export const presentTxt = (strings: string[]) => strings.map(quote);
export const presentMx = (records: Array<{ priority: number; exchange: string }>) =>
  records.map((r) => `${r.priority} ${hostName(r.exchange)}`);
