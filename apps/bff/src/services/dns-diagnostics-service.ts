import { DMARC_RECOMMENDED_VALUE, type DnsCheck, type DnsDiagnosticsResponse } from '@ses-console/contract';
import type { DnsAnswer, DnsResolver } from '../clients/dns-resolver.js';
import { hostName, MATCH_RULE_DETAIL, matchRuleOf, recordInPlace } from './dns-record-match.js';
import { domainOfIdentity, requiredDnsRecords } from './dns-records.js';
import { getEmailIdentity } from './identity-detail-service.js';
import type { ServiceContext } from './service-context.js';

/** A record SES asks for (or recommends), before DNS is asked. */
export interface ExpectedRecord {
  purpose: DnsCheck['purpose'];
  type: DnsCheck['type'];
  name: string;
  expected: string;
  required: boolean;
}

/** The records SES asks for, then the DMARC record it recommends (domains only). */
function expectedRecords(identity: string, region: string, ses: Parameters<typeof requiredDnsRecords>[2]) {
  const required: ExpectedRecord[] = requiredDnsRecords(identity, region, ses).map((r) => ({
    purpose: r.purpose,
    type: r.type,
    name: r.name,
    expected: r.value,
    required: true,
  }));
  if (ses.IdentityType !== 'DOMAIN') return required;
  return [
    ...required,
    {
      purpose: 'DMARC' as const,
      type: 'TXT' as const,
      name: `_dmarc.${domainOfIdentity(identity)}`,
      expected: DMARC_RECOMMENDED_VALUE,
      required: false,
    },
  ];
}

/** DNS answers in the form the expected values are written in (TXT quoted, MX `priority host`). */
export const presentTxt = (strings: string[]) => strings.map((s) => `"${s.replace(/[\\"]/g, '\\$&')}"`);
export const presentMx = (records: Array<{ priority: number; exchange: string }>) =>
  records.map((r) => `${r.priority} ${hostName(r.exchange)}`);

/**
 * Turns a DNS answer into the check's state: found (in place by the one record rule,
 * dns-record-match.ts), missing, wrong value (records of that type, not what SES asks for) or
 * resolver error.
 */
export function checkOf(record: ExpectedRecord, answer: DnsAnswer<string>): DnsCheck {
  const wanted = { purpose: record.purpose, type: record.type, value: record.expected };
  const base = { ...record, detail: MATCH_RULE_DETAIL[matchRuleOf(wanted)] };
  if (answer.kind === 'error') {
    return { ...base, state: 'resolver_error', found: [], detail: `${answer.message} (${answer.code})` };
  }
  if (answer.kind === 'none' || answer.records.length === 0) return { ...base, state: 'missing', found: [] };
  const found = answer.records;
  return { ...base, state: recordInPlace(wanted, found) ? 'found' : 'wrong_value', found };
}

async function lookup(dns: DnsResolver, record: ExpectedRecord): Promise<DnsAnswer<string>> {
  if (record.type === 'CNAME') return dns.cname(record.name);
  if (record.type === 'MX') {
    const answer = await dns.mx(record.name);
    return answer.kind === 'records' ? { kind: 'records', records: presentMx(answer.records) } : answer;
  }
  const answer = await dns.txt(record.name);
  return answer.kind === 'records' ? { kind: 'records', records: presentTxt(answer.records) } : answer;
}

/**
 * What public DNS answers now for each record SES asks for (and the recommended DMARC record), through
 * real DNS queries to the configured resolvers. A resolver failure is reported per record, never as
 * "missing".
 */
export async function diagnoseDns(
  ctx: ServiceContext,
  dns: DnsResolver,
  region: string,
  identity: string,
  now: () => Date = () => new Date(),
): Promise<DnsDiagnosticsResponse> {
  const ses = await getEmailIdentity(ctx, region, identity);
  const records = expectedRecords(identity, region, ses);
  const checkedAt = now().toISOString();
  const checks = await Promise.all(records.map(async (r) => checkOf(r, await lookup(dns, r))));
  return { identity, region, checkedAt, servers: dns.servers, checks };
}
