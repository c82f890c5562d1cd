import { describe, expect, it } from 'vitest';
import {
  includesAmazonSes,
  isSpf,
  mergeAmazonSesInclude,
  satisfiesSesSpf,
  toTxtValue,
  txtStrings,
} from '../src/services/spf-record.js';

describe('SPF records in Route 53 TXT values', () => {
  it('when a TXT value has several quoted strings and escapes, then its strings are read as a resolver joins them', () => {
    expect(txtStrings('"v=spf1 include:a.example " "~all"')).toEqual(['v=spf1 include:a.example ', '~all']);
    expect(txtStrings('"say \\"hi\\" \\\\ \\101"')).toEqual(['say "hi" \\ A']);
    expect(txtStrings('unquoted')).toEqual(['unquoted']);
    expect(isSpf('"v=spf1 " "-all"')).toBe(true);
    expect(isSpf('"V=SPF1 -all"')).toBe(true);
    expect(isSpf('"v=spf10 -all"')).toBe(false);
    expect(isSpf('"site-verification=abc"')).toBe(false);
  });

  it.each([
    ['"v=spf1 include:_spf.google.com ~all"', '"v=spf1 include:_spf.google.com include:amazonses.com ~all"'],
    ['"v=spf1 -all"', '"v=spf1 include:amazonses.com -all"'],
    ['"v=spf1 ip4:192.0.2.0/24"', '"v=spf1 ip4:192.0.2.0/24 include:amazonses.com"'],
    ['"v=spf1 redirect=_spf.example.com"', '"v=spf1 include:amazonses.com redirect=_spf.example.com"'],
    [
      '"v=spf1 mx ~all exp=explain.example.com"',
      '"v=spf1 mx include:amazonses.com ~all exp=explain.example.com"',
    ],
    ['"v=spf1 include:a.example " "~all"', '"v=spf1 include:a.example include:amazonses.com ~all"'],
  ])('when SES’s include is merged into %s, then it becomes %s', (record, merged) => {
    expect(mergeAmazonSesInclude([record])).toBe(merged);
    expect(includesAmazonSes(merged)).toBe(true);
  });

  it('when a name has two SPF records (a permerror), then they merge into one without repeats', () => {
    expect(
      mergeAmazonSesInclude(['"v=spf1 include:a.example mx ~all"', '"v=spf1 include:b.example mx -all"']),
    ).toBe('"v=spf1 include:a.example mx include:b.example include:amazonses.com ~all"');
  });

  it('when merged text is longer than 255 characters, then it is split into quoted strings of at most 255', () => {
    const includes = Array.from({ length: 20 }, (_, i) => `include:spf${i}.long-provider-name.example`);
    const merged = mergeAmazonSesInclude([`"v=spf1 ${includes.join(' ')} ~all"`]);
    const strings = txtStrings(merged);
    expect(strings.length).toBeGreaterThan(1);
    expect(strings.every((s) => s.length <= 255)).toBe(true);
    expect(strings.join('')).toBe(`v=spf1 ${includes.join(' ')} include:amazonses.com ~all`);
    expect(toTxtValue('a"b')).toBe('"a\\"b"');
  });

  it('when SES’s SPF is judged in place, then exactly one SPF record including amazonses.com counts', () => {
    expect(satisfiesSesSpf(['"v=spf1 include:amazonses.com ~all"'])).toBe(true);
    expect(satisfiesSesSpf(['"x=1"', '"v=spf1 include:other.example +include:amazonses.com -all"'])).toBe(
      true,
    );
    expect(satisfiesSesSpf(['"v=spf1 include:other.example ~all"'])).toBe(false);
    expect(
      satisfiesSesSpf(['"v=spf1 include:amazonses.com ~all"', '"v=spf1 include:other.example ~all"']),
    ).toBe(false);
    expect(satisfiesSesSpf([])).toBe(false);
  });
});
