import type { DnsCheck, DnsRecord } from '@ses-console/contract';
import { describe, expect, it } from 'vitest';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { definitionOf, explainStatus, STATUS_DEFINITIONS } from './status-help';

const dkim = (published: boolean, token = 't1'): DnsRecord => ({
  purpose: 'DKIM',
  type: 'CNAME',
  name: `${token}._domainkey.shop.example`,
  value: `${token}.dkim.amazonses.com`,
  publishedInRoute53: published,
  publishable: true,
});
const zone = { id: 'Z1', name: 'shop.example' };
const failedDomain = (published: boolean) =>
  testIdentityDetail({
    status: 'FAILED',
    verifiedForSending: false,
    hostedZone: zone,
    verificationInfo: { errorType: 'HOST_NOT_FOUND' },
    dnsRecords: [dkim(published, 't1'), dkim(published, 't2'), dkim(published, 't3')],
  });

describe('status help', () => {
  it('when the help lists the statuses, then all five are defined for domains and for addresses', () => {
    expect(STATUS_DEFINITIONS.map((d) => d.status)).toEqual([
      'SUCCESS',
      'PENDING',
      'FAILED',
      'TEMPORARY_FAILURE',
      'NOT_STARTED',
    ]);
    expect(definitionOf('FAILED', 'DOMAIN')).toMatch(/within 72 hours.*stopped checking/);
    expect(definitionOf('FAILED', 'EMAIL_ADDRESS')).toMatch(/not opened within 24 hours/);
  });

  it('when a FAILED domain has every record published, then it says they are in place but SES stopped checking, and offers re-creating', () => {
    const explanation = explainStatus(failedDomain(true));
    expect(explanation.label).toBe('Failure');
    expect(explanation.nextStep?.action).toBe('recreate');
    expect(explanation.nextStep?.text).toMatch(
      /^Records are in place, but SES stopped checking after 72 hours, so finding them now changes nothing\./,
    );
    expect(explanation.inPlaceNote).toMatch(/^, but SES stopped checking after 72 hours/);
  });

  it('when a FAILED domain lacks its records, then it says publishing now changes nothing, with SES last error', () => {
    const explanation = explainStatus(failedDomain(false));
    expect(explanation.nextStep?.text).toMatch(
      /^SES stopped checking after 72 hours \(last check: the record names do not exist\), so publishing the records now changes nothing/,
    );
    expect(explanation.inPlaceNote).toBeUndefined();
  });

  it('when live DNS finds every record Route 53 does not hold, then DNS decides "in place"', () => {
    const found: DnsCheck[] = ['t1', 't2', 't3'].map((t) => ({
      purpose: 'DKIM',
      type: 'CNAME',
      name: `${t}._domainkey.shop.example`,
      expected: `${t}.dkim.amazonses.com`,
      required: true,
      state: 'found',
      found: [`${t}.dkim.amazonses.com`],
    }));
    expect(explainStatus(failedDomain(false), found).nextStep?.text).toMatch(/^Records are in place/);
  });

  it('when an address FAILED, then the next step is to re-create it for a new verification email', () => {
    const explanation = explainStatus(
      testIdentityDetail({
        name: 'me@shop.example',
        type: 'EMAIL_ADDRESS',
        status: 'FAILED',
        dnsRecords: [],
      }),
    );
    expect(explanation.nextStep).toEqual({
      action: 'recreate',
      text: expect.stringMatching(/no way to send the verification email again: re-create the identity/),
    });
  });

  it('when a verified domain lost its records, then it asks to publish them again within 72 hours; once back, it says SES checks again', () => {
    const lost = testIdentityDetail({
      status: 'TEMPORARY_FAILURE',
      hostedZone: zone,
      dnsRecords: [dkim(false)],
    });
    expect(explainStatus(lost).nextStep).toEqual({
      action: 'publish',
      text: 'SES cannot find the DKIM records. Publish them to hosted zone shop.example again within 72 hours, or the status becomes Failure.',
    });
    const back = testIdentityDetail({
      status: 'TEMPORARY_FAILURE',
      hostedZone: zone,
      dnsRecords: [dkim(true)],
    });
    expect(explainStatus(back).nextStep).toEqual({
      action: 'none',
      text: 'Records are in place again; SES verifies the domain at its next check (it keeps checking for 72 hours).',
    });
  });

  it('when an identity is verified, then there is no next step', () => {
    expect(explainStatus(testIdentityDetail()).nextStep).toBeUndefined();
  });
});
