import { describe, expect, it } from 'vitest';
import { recordSetToCsv } from './dns-record-set';

describe('DNS record set CSV', () => {
  it('when a domain has DKIM and MAIL FROM records, then the file lists every record and the DMARC recommendation, quoted', () => {
    const csv = recordSetToCsv('shop.example', [
      {
        purpose: 'DKIM',
        type: 'CNAME',
        name: 'tok._domainkey.shop.example',
        value: 'tok.dkim.amazonses.com',
        publishedInRoute53: false,
        publishable: true,
      },
      {
        purpose: 'MAIL_FROM_MX',
        type: 'MX',
        name: 'bounce.shop.example',
        value: '10 feedback-smtp.us-east-1.amazonses.com',
        publishedInRoute53: false,
        publishable: true,
      },
      {
        purpose: 'MAIL_FROM_SPF',
        type: 'TXT',
        name: 'bounce.shop.example',
        value: '"v=spf1 include:amazonses.com ~all"',
        publishedInRoute53: false,
        publishable: true,
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'Purpose,Type,Name,Value,Required',
      'DKIM,CNAME,tok._domainkey.shop.example,tok.dkim.amazonses.com,Required',
      'MAIL FROM (MX),MX,bounce.shop.example,10 feedback-smtp.us-east-1.amazonses.com,Required',
      'MAIL FROM (SPF),TXT,bounce.shop.example,"""v=spf1 include:amazonses.com ~all""",Required',
      'DMARC,TXT,_dmarc.shop.example,"""v=DMARC1; p=none;""",Recommended',
      '',
    ]);
  });
});
