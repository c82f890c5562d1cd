import type { GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import type { DnsRecord } from '@ses-console/contract';

export const SPF_VALUE = '"v=spf1 include:amazonses.com ~all"';
export const BYODKIM_PLACEHOLDER = '"p=customerProvidedPublicKey"';

export type RequiredRecord = Omit<DnsRecord, 'publishedInRoute53'>;

export function mailFromMxValue(region: string): string {
  return `10 feedback-smtp.${region}.amazonses.com`;
}

/**
 * The DNS records SES asks for, as the SES console lists them: 3 Easy DKIM CNAMEs (or the BYODKIM
 * selector TXT, which SES cannot publish because it never sees the public key) and, with a custom
 * MAIL FROM domain, its MX and SPF TXT. Only domains have records.
 */
export function requiredDnsRecords(
  domain: string,
  region: string,
  identity: Pick<GetEmailIdentityCommandOutput, 'IdentityType' | 'DkimAttributes' | 'MailFromAttributes'>,
): RequiredRecord[] {
  if (identity.IdentityType !== 'DOMAIN') return [];
  const records: RequiredRecord[] = [];
  const dkim = identity.DkimAttributes;
  const tokens = dkim?.Tokens ?? [];
  if (dkim?.SigningAttributesOrigin === 'EXTERNAL') {
    for (const selector of tokens.slice(0, 1)) {
      records.push({
        purpose: 'DKIM',
        type: 'TXT',
        name: `${selector}._domainkey.${domain}`,
        value: BYODKIM_PLACEHOLDER,
        publishable: false,
      });
    }
  } else {
    const zone = dkim?.SigningHostedZone ?? 'dkim.amazonses.com';
    for (const token of tokens) {
      records.push({
        purpose: 'DKIM',
        type: 'CNAME',
        name: `${token}._domainkey.${domain}`,
        value: `${token}.${zone}`,
        publishable: true,
      });
    }
  }
  const mailFrom = identity.MailFromAttributes?.MailFromDomain;
  if (mailFrom) {
    records.push(
      {
        purpose: 'MAIL_FROM_MX',
        type: 'MX',
        name: mailFrom,
        value: mailFromMxValue(region),
        publishable: true,
      },
      { purpose: 'MAIL_FROM_SPF', type: 'TXT', name: mailFrom, value: SPF_VALUE, publishable: true },
    );
  }
  return records;
}

/** Whether `child` is a strict subdomain of `parent` (`mail.example.com` of `example.com`). */
export function isSubdomainOf(child: string, parent: string): boolean {
  const c = child.toLowerCase();
  const p = parent.toLowerCase();
  return c.length > p.length && c.endsWith(`.${p}`);
}

/** The domain part of an identity: the domain itself, or the part after `@` of an address. */
export function domainOfIdentity(identity: string): string {
  const at = identity.lastIndexOf('@');
  return at >= 0 ? identity.slice(at + 1) : identity;
}
