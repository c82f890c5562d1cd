import { describe, expect, it } from 'vitest';
import { checkOf, type ExpectedRecord, presentTxt } from '../src/services/dns-diagnostics-service.js';
import { BYODKIM_PLACEHOLDER } from '../src/services/dns-records.js';

const txt = (purpose: ExpectedRecord['purpose'], expected: string): ExpectedRecord => ({
  purpose,
  type: 'TXT',
  name: 'x.example.com',
  expected,
  required: purpose !== 'DMARC',
});

describe('comparing what DNS answers with what SES asks for', () => {
  it('when the name holds other TXT records only, then the SPF record is a wrong value listing them', () => {
    const check = checkOf(txt('MAIL_FROM_SPF', '"v=spf1 include:amazonses.com ~all"'), {
      kind: 'records',
      records: presentTxt(['google-site-verification=abc', 'v=spf1 -all']),
    });
    expect(check).toMatchObject({
      state: 'wrong_value',
      found: ['"google-site-verification=abc"', '"v=spf1 -all"'],
    });
  });

  it('when the SPF record SES’s include was merged into is published, then the SPF check is found', () => {
    const check = checkOf(txt('MAIL_FROM_SPF', '"v=spf1 include:amazonses.com ~all"'), {
      kind: 'records',
      records: presentTxt([
        'site-verification=abc',
        'v=spf1 include:_spf.google.com include:amazonses.com ~all',
      ]),
    });
    expect(check.state).toBe('found');
    expect(check.detail).toMatch(/includes amazonses.com counts/);
  });

  it('when a stricter DMARC policy is published, then the recommendation counts as found', () => {
    const check = checkOf(txt('DMARC', '"v=DMARC1; p=none;"'), {
      kind: 'records',
      records: presentTxt(['v=DMARC1; p=reject']),
    });
    expect(check.state).toBe('found');
    expect(check.required).toBe(false);
  });

  it('when a name holds two DMARC records, then the recommendation is a wrong value, since receivers then apply none (RFC 7489 §6.6.3)', () => {
    const check = checkOf(txt('DMARC', '"v=DMARC1; p=none;"'), {
      kind: 'records',
      records: presentTxt(['v=DMARC1; p=reject', 'v=DMARC1; p=none']),
    });
    expect(check.state).toBe('wrong_value');
  });

  it('when a BYODKIM selector holds any DKIM key, then it is found, since SES never knows the key', () => {
    const record = { ...txt('DKIM', BYODKIM_PLACEHOLDER) };
    expect(
      checkOf(record, { kind: 'records', records: presentTxt(['v=DKIM1; k=rsa; p=MIIBIjAN']) }).state,
    ).toBe('found');
    expect(checkOf(record, { kind: 'records', records: presentTxt(['hello']) }).state).toBe('wrong_value');
  });

  it('when the resolver gives no answer, then the state is resolver_error with its reason, not missing', () => {
    const check = checkOf(txt('DMARC', '"v=DMARC1; p=none;"'), {
      kind: 'error',
      code: 'ESERVFAIL',
      message: 'the DNS server answered SERVFAIL',
    });
    expect(check).toMatchObject({
      state: 'resolver_error',
      detail: 'the DNS server answered SERVFAIL (ESERVFAIL)',
    });
  });
});
