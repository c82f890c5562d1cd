import {
  type DnsAnswer,
  type DnsQuestion,
  type ResourceRecord,
  RR_TYPES,
  type RrTypeName,
  typeName,
} from './dns-message.js';

/** The hosted zones DNS answers from (public zones of one account), as the Route 53 store sees them. */
export interface ZoneRecordSource {
  /** The public zone whose name is the longest suffix of `name` (names without trailing dot). */
  zoneFor(name: string): HostedZoneRecords | undefined;
}

export interface HostedZoneRecords {
  /** Zone apex, no trailing dot. */
  name: string;
  /** Record sets at exactly `name` (simple routing; values in Route 53 presentation form). */
  recordSets(name: string): Array<{ type: string; ttl: number; values: string[] }>;
  /** Whether any record lives at or below `name` (an empty non-terminal answers NODATA, not NXDOMAIN). */
  hasNamesBelow(name: string): boolean;
}

const MAX_CNAME_CHAIN = 8;

function toRecords(name: string, set: { type: string; ttl: number; values: string[] }): ResourceRecord[] {
  if (!(set.type in RR_TYPES)) return [];
  return set.values.map((value) => ({ name, type: set.type as RrTypeName, ttl: set.ttl, value }));
}

function soaAuthority(zone: HostedZoneRecords): ResourceRecord[] {
  const soa = zone.recordSets(zone.name).find((s) => s.type === 'SOA');
  if (!soa?.values[0]) return [];
  // Negative answers are cached for min(SOA TTL, SOA MINIMUM) (RFC 2308).
  const minimum = Number(soa.values[0].trim().split(/\s+/)[6] ?? soa.ttl);
  return [{ name: zone.name, type: 'SOA', ttl: Math.min(soa.ttl, minimum), value: soa.values[0] }];
}

/** Answers a question authoritatively: records, CNAME chasing inside our zones, NODATA and NXDOMAIN. */
export function answerFromZones(source: ZoneRecordSource, question: DnsQuestion): DnsAnswer {
  const answers: ResourceRecord[] = [];
  let name = question.name.replace(/\.$/, '');
  const wanted = typeName(question.type);
  for (let hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
    const zone = source.zoneFor(name);
    if (!zone) {
      // Outside every hosted zone: nothing to say about it (after a CNAME, the answer so far stands).
      return {
        rcode: answers.length > 0 ? 'NOERROR' : 'NXDOMAIN',
        authoritative: answers.length > 0,
        answers,
        authority: [],
      };
    }
    const sets = zone.recordSets(name);
    if (sets.length === 0) {
      const exists = zone.hasNamesBelow(name);
      return {
        rcode: exists || answers.length > 0 ? 'NOERROR' : 'NXDOMAIN',
        authoritative: true,
        answers,
        authority: soaAuthority(zone),
      };
    }
    if (wanted === 'ANY') {
      answers.push(...sets.flatMap((s) => toRecords(name, s)));
      return { rcode: 'NOERROR', authoritative: true, answers, authority: [] };
    }
    const exact = sets.find((s) => s.type === wanted);
    if (exact) {
      answers.push(...toRecords(name, exact));
      return { rcode: 'NOERROR', authoritative: true, answers, authority: [] };
    }
    const cname = sets.find((s) => s.type === 'CNAME');
    if (!cname?.values[0]) {
      return { rcode: 'NOERROR', authoritative: true, answers, authority: soaAuthority(zone) };
    }
    answers.push(...toRecords(name, cname));
    name = cname.values[0].trim().replace(/\.$/, '').toLowerCase();
  }
  return { rcode: 'SERVFAIL', authoritative: false, answers: [], authority: [] };
}
