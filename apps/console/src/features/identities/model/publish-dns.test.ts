import type { DnsRecord, IdentityDetail } from '@ses-console/contract';
import { describe, expect, it } from 'vitest';
import { canPublish } from './publish-dns';

const record = (published: boolean, publishable = true): DnsRecord => ({
  purpose: 'DKIM',
  type: 'CNAME',
  name: 'a._domainkey.example.com',
  value: 'a.dkim.amazonses.com',
  publishedInRoute53: published,
  publishable,
});

const detail = (hostedZone?: IdentityDetail['hostedZone']) => ({ hostedZone }) as IdentityDetail;

describe('the Publish DNS records to Route53 button', () => {
  it('when a hosted zone exists and a record is missing from it, then it is offered', () => {
    expect(canPublish(detail({ id: 'Z1', name: 'example.com' }), [record(true), record(false)])).toBe(true);
  });

  it('when every publishable record is already in Route 53, then it is hidden', () => {
    expect(canPublish(detail({ id: 'Z1', name: 'example.com' }), [record(true), record(false, false)])).toBe(
      false,
    );
  });

  it('when no hosted zone covers the domain, then it is hidden', () => {
    expect(canPublish(detail(undefined), [record(false)])).toBe(false);
  });

  it('when the DKIM check has FAILED, then Publish is not offered for DKIM (SES stopped looking), but still for a pending MAIL FROM', () => {
    const failed = {
      hostedZone: { id: 'Z1', name: 'example.com' },
      dkim: { status: 'FAILED' },
      mailFrom: { status: 'PENDING' },
    } as IdentityDetail;
    expect(canPublish(failed, [record(false)])).toBe(false);
    const mx: DnsRecord = { ...record(false), purpose: 'MAIL_FROM_MX', type: 'MX', value: '10 x' };
    expect(canPublish(failed, [mx])).toBe(true);
    expect(canPublish({ ...failed, mailFrom: { status: 'FAILED' } } as IdentityDetail, [mx])).toBe(false);
  });
});
