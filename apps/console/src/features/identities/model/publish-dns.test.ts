import type { DnsRecord, IdentityDetail, PublishChange, PublishResult } from '@ses-console/contract';
import { describe, expect, it } from 'vitest';
import { canPublish, publishOutcomeMessage } from './publish-dns';

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

describe('the message after publishing', () => {
  const zone = { id: 'Z1', name: 'example.com' };
  const change = (type: 'MX' | 'TXT', name: string): PublishChange => ({
    purpose: type === 'MX' ? 'MAIL_FROM_MX' : 'MAIL_FROM_SPF',
    type,
    name,
    action: 'create',
    existing: [],
    values: ['v'],
    removed: [],
  });
  // Every record of the identity (3 DKIM CNAMEs, MX, TXT) comes back; only the plan was written.
  const fiveRecords = [record(true), record(true), record(true), record(false), record(false)];

  it('when MAIL FROM publishes its MX and TXT, then it says 2 record sets were written, not 5', () => {
    const result: PublishResult = {
      outcome: 'published',
      hostedZone: zone,
      records: fiveRecords,
      plan: {
        changes: [change('MX', 'mail.example.com'), change('TXT', 'mail.example.com')],
        needsConfirmation: false,
        planId: 'p',
      },
    };
    expect(publishOutcomeMessage(result, 'MAIL FROM', 'example.com')).toEqual({
      type: 'success',
      header: 'MAIL FROM DNS records published to Route 53',
      content: '2 record sets were written to hosted zone example.com. SES verifies them shortly.',
    });
  });

  it('when one record set is written, then the sentence is singular', () => {
    const result: PublishResult = {
      outcome: 'published',
      hostedZone: zone,
      records: fiveRecords,
      plan: { changes: [change('TXT', 'mail.example.com')], needsConfirmation: false, planId: 'p' },
    };
    expect(publishOutcomeMessage(result, 'MAIL FROM', undefined).content).toBe(
      '1 record set was written to hosted zone example.com. SES verifies them shortly.',
    );
  });

  it('when everything was already in place, then nothing is counted', () => {
    const result: PublishResult = {
      outcome: 'published',
      hostedZone: zone,
      records: fiveRecords,
      plan: { changes: [], needsConfirmation: false, planId: 'p' },
    };
    expect(publishOutcomeMessage(result, 'DKIM', undefined).content).toBe(
      'The DKIM records were already in hosted zone example.com.',
    );
  });

  it('when an answer carries no plan, then no count is made up from the records', () => {
    const result: PublishResult = { outcome: 'published', hostedZone: zone, records: fiveRecords };
    expect(publishOutcomeMessage(result, 'MAIL FROM', undefined).content).not.toMatch(/\d/);
  });
});
