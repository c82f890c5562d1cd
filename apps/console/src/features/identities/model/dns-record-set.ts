import { DMARC_RECOMMENDED_VALUE, type DnsCheck, type DnsRecord } from '@ses-console/contract';
import { toCsv } from '../../../lib/csv';

export const purposeLabel: Record<DnsCheck['purpose'], string> = {
  DKIM: 'DKIM',
  MAIL_FROM_MX: 'MAIL FROM (MX)',
  MAIL_FROM_SPF: 'MAIL FROM (SPF)',
  DMARC: 'DMARC',
};

/** The domain part of an identity name. */
const domainOf = (identity: string) => identity.slice(identity.lastIndexOf('@') + 1);

/**
 * Every record to publish for a domain, as one file: what SES asks for (DKIM, MAIL FROM MX and SPF)
 * and the DMARC record it recommends, marked as such.
 */
export function recordSetToCsv(identity: string, records: readonly DnsRecord[]): string {
  const rows = records.map((r) => [purposeLabel[r.purpose], r.type, r.name, r.value, 'Required']);
  rows.push(['DMARC', 'TXT', `_dmarc.${domainOf(identity)}`, DMARC_RECOMMENDED_VALUE, 'Recommended']);
  return toCsv(['Purpose', 'Type', 'Name', 'Value', 'Required'], rows);
}
