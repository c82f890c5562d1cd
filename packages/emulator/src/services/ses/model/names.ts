import { BadRequestException, missingField, validationError } from './errors.js';

const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/** Whether `name` is a syntactically valid public domain name (RFC 1034 labels, ≥ 2 labels). */
export function isValidDomain(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.toLowerCase().split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

export function isValidEmailAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.length > 320) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.')) {
    return false;
  }
  if (local.includes('..')) return false;
  return isValidDomain(domain);
}

export type IdentityKind = 'EMAIL_ADDRESS' | 'DOMAIN';

/**
 * Validates an identity name as given to CreateEmailIdentity and returns its kind and the name as
 * stored: addresses are case-sensitive and kept as given; domains are case-insensitive, stored lowercase.
 */
export function parseIdentityName(raw: string | undefined): { kind: IdentityKind; name: string } {
  if (raw === undefined) throw missingField('emailIdentity');
  if (raw.length === 0) {
    throw validationError('emailIdentity', 'Member must have length greater than or equal to 1', raw);
  }
  if (raw.includes('@')) {
    if (!isValidEmailAddress(raw)) {
      throw new BadRequestException(`Invalid email address ${raw}: it must look like local-part@domain.tld.`);
    }
    return { kind: 'EMAIL_ADDRESS', name: raw };
  }
  const domain = raw.replace(/\.$/, '').toLowerCase();
  if (!isValidDomain(domain)) {
    throw new BadRequestException(
      `Invalid domain name ${raw}: labels must be 1-63 letters, digits or hyphens, at least two labels, at most 253 characters.`,
    );
  }
  return { kind: 'DOMAIN', name: domain };
}

/** The key an identity is stored under, for lookups by path label (domains ignore case). */
export function identityKey(raw: string): string {
  return raw.includes('@') ? raw : raw.replace(/\.$/, '').toLowerCase();
}

export function domainOfAddress(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The bare address of a `From`-style value: `"Name" <a@b.com>` → `a@b.com`. */
export function bareAddress(value: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(value);
  return (angle ? (angle[1] as string) : value).trim();
}

/**
 * The identities that could authorise sending from `address`, most specific first: the address
 * itself, then its domain, then each parent domain (subdomains inherit a verified parent).
 */
export function senderCandidates(address: string): string[] {
  const domain = domainOfAddress(address);
  const labels = domain.split('.');
  const domains: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return [address, ...domains];
}
