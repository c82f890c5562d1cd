// Shared with the BFF's property tests (`@ses-console/emulator/testing/fuzz-inputs`, test code only).
import fc from 'fast-check';

/** Seed and runs of every property test: fixed, so CI runs the same cases each time. */
export const FUZZ_SEED = 20_240_611;
export const RUNS_PER_OPERATION = 200;

/** Strings that have broken servers before: traversal, encoded slashes, IDN, control chars, huge. */
export const trickyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '  example.com  ',
    '.',
    '..',
    '../',
    '../../etc/passwd',
    '%2F',
    'a%2Fb.example',
    '%',
    '%zz',
    '%00',
    '/',
    '\u0000',
    '\t',
    '\r\n',
    'line\nbreak.example',
    'ü.example',
    'bücher.example',
    'xn--bcher-kva.example',
    '日本.jp',
    'user@bücher.example',
    'a@b.com',
    'a+b@example.com',
    'A@B.COM',
    '@',
    'a@',
    '@b.com',
    'example.com',
    'example.com.',
    '-bad-.example',
    '\uD800',
    '\uFFFF',
    '😀.example',
    '<script>alert(1)</script>',
    '"quoted"',
    "' OR 1=1 --",
    'null',
    'undefined',
    'aws:reserved',
    `${'a'.repeat(64)}.example`,
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}.com`,
    'x'.repeat(321),
    'y'.repeat(5000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ minLength: 250, maxLength: 1200 }),
  fc.domain(),
  fc.emailAddress(),
);

/** Any JSON-ish value, tricky strings included, nested a little. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    trickyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Percent-encodes as SDKs do, but never throws (lone surrogates become U+FFFD). */
export function encodeLabel(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'))
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Leaves `/`, `.` and `%` as they are (traversal and pre-encoded slashes reach the server raw). */
export function encodeLabelRaw(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'))
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return byte > 0x20 && byte < 0x7f && !/[\s?#"<>\\^`{|}]/.test(c)
        ? c
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** A path label: mostly SDK-encoded, sometimes raw. */
export const pathLabel: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: trickyString.map(encodeLabel) },
  { weight: 1, arbitrary: trickyString.map(encodeLabelRaw) },
);
