import type { VerificationError } from '@aws-sdk/client-sesv2';
import type { DnsView } from '../../../dns/dns-view.js';
import type { DkimState, IdentityRecord } from '../../../store/ses-records.js';
import { signingHostedZone } from '../dkim-regions.js';
import type { DnsObservation } from './transitions.js';

/**
 * The Easy DKIM hosted zone an identity's CNAMEs point into: its own Region's, or for a Deterministic
 * Easy DKIM replica its parent Region's (the replica uses the parent's published records).
 */
export function dkimHostedZone(region: string, dkim: DkimState): string {
  return signingHostedZone(dkim.parentRegion ?? region);
}

/** Lowercase, no trailing dot: how DNS names and CNAME/MX targets are compared. */
export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}

/** The TXT record's text with the quotes and string splits Route 53 keeps removed. */
function txtText(value: string): string {
  const parts = value.match(/"((?:[^"\\]|\\.)*)"/g);
  if (!parts) return value;
  return parts.map((p) => p.slice(1, -1)).join('');
}

function missing(dns: DnsView, accountId: string, name: string): VerificationError {
  return dns.nameExists(accountId, name) ? 'TYPE_NOT_FOUND' : 'HOST_NOT_FOUND';
}

/** The DNS records SES asks for to verify a domain's DKIM in `region` (SES-REFERENCE §1.6). */
export function dkimRecords(
  domain: string,
  region: string,
  dkim: DkimState,
): Array<{ name: string; type: string; value: string }> {
  if (dkim.origin === 'EXTERNAL') {
    return [
      { name: `${dkim.tokens[0]}._domainkey.${domain}`, type: 'TXT', value: '"p=customerProvidedPublicKey"' },
    ];
  }
  const zone = dkimHostedZone(region, dkim);
  return dkim.tokens.map((token) => ({
    name: `${token}._domainkey.${domain}`,
    type: 'CNAME',
    value: `${token}.${zone}`,
  }));
}

/** Looks for all DKIM records of a domain; the first missing or wrong one says why it fails. */
export function observeDkim(dns: DnsView, identity: IdentityRecord): DnsObservation {
  const dkim = identity.dkim;
  // No tokens (a replica whose replication failed): there is nothing that could be found.
  if (!dkim || dkim.tokens.length === 0) return { found: false, errorType: 'HOST_NOT_FOUND' };
  for (const record of dkimRecords(identity.name, identity.region, dkim)) {
    const set = dns.lookup(identity.accountId, record.name, record.type);
    if (!set || set.values.length === 0) {
      return { found: false, errorType: missing(dns, identity.accountId, record.name) };
    }
    const ok =
      record.type === 'CNAME'
        ? set.values.some((v) => normalizeDnsName(v) === normalizeDnsName(record.value))
        : set.values.some((v) => txtText(v).includes('p='));
    if (!ok) return { found: false, errorType: 'INVALID_VALUE' };
  }
  return { found: true };
}

/** Every record the checks of these identities look up (what a resolver view resolves before a pass). */
export function dnsQuestions(identities: readonly IdentityRecord[]): Array<{ name: string; type: string }> {
  const questions: Array<{ name: string; type: string }> = [];
  for (const identity of identities) {
    if (identity.dkim && identity.type === 'DOMAIN') {
      for (const record of dkimRecords(identity.name, identity.region, identity.dkim)) {
        questions.push({ name: record.name, type: record.type });
      }
    }
    if (identity.mailFrom.domain) questions.push({ name: identity.mailFrom.domain, type: 'MX' });
  }
  return questions;
}

/** The MX value SES asks for on a custom MAIL FROM domain. */
export function mailFromMxValue(region: string): string {
  return `10 feedback-smtp.${region}.amazonses.com`;
}

/** A custom MAIL FROM domain succeeds when it has exactly one MX, pointing at SES's feedback host. */
export function observeMailFrom(dns: DnsView, identity: IdentityRecord): DnsObservation {
  const domain = identity.mailFrom.domain;
  if (!domain) return { found: false, errorType: 'HOST_NOT_FOUND' };
  const set = dns.lookup(identity.accountId, domain, 'MX');
  if (!set || set.values.length === 0) {
    return { found: false, errorType: missing(dns, identity.accountId, domain) };
  }
  const normalize = (v: string) => v.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.+$/, '');
  const ok = set.values.length === 1 && normalize(set.values[0] ?? '') === mailFromMxValue(identity.region);
  return ok ? { found: true } : { found: false, errorType: 'INVALID_VALUE' };
}
