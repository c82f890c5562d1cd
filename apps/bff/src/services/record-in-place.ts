import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import { parseMx } from './dns-record-match.js';
import { BYODKIM_PLACEHOLDER, type RequiredRecord } from './dns-records.js';
import { recordValues } from './route53-zones.js';
import { satisfiesSesSpf } from './spf-record.js';

/** Whether two MX values are the same exchange at the same priority (host case and trailing dot aside). */
export function sameMx(a: string, b: string): boolean {
  const x = parseMx(a);
  const y = parseMx(b);
  return !!x && !!y && x.priority === y.priority && x.host === y.host;
}

/**
 * Whether the zone's record set (this name and type) already is what SES asks for; one rule for the
 * detail's "published in Route 53" and for what publishing still has to write:
 * - CNAME: exactly the target; MX: exactly one MX, SES's (SES fails MAIL FROM setup otherwise);
 * - MAIL FROM SPF: exactly one SPF record at the name and it includes amazonses.com (SES's own record,
 *   or one it was merged into); other TXT strings do not matter;
 * - BYODKIM TXT: any DKIM key (`p=…`), since only the owner knows the public key.
 */
export function recordSetHolds(record: RequiredRecord, set: ResourceRecordSet | undefined): boolean {
  const values = recordValues(set);
  if (record.value === BYODKIM_PLACEHOLDER) return values.some((v) => /(^|[;"\s])p=[A-Za-z0-9+/]/.test(v));
  if (record.purpose === 'MAIL_FROM_SPF') return satisfiesSesSpf(values);
  if (record.type === 'TXT') return values.includes(record.value);
  if (record.type === 'MX') return values.length === 1 && sameMx(values[0] as string, record.value);
  return values.length === 1 && values[0] === record.value.toLowerCase();
}
