import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, startsLikeFormula } from './csv.js';

describe('CSV cells', () => {
  it.each([
    ['=1+1'],
    ['+1'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\tcmd'],
    ['\r=cmd'],
    [' =HYPERLINK("http://evil")'],
    ['   +1'],
    ['\u00a0=1'],
    ['\u3000=1'],
    ['\n=1'],
    ['＝1+1'],
    ['＋1'],
    ['－1'],
    ['＠SUM(A1)'],
    [' ＝cmd'],
    ['﹦1'],
    ['⁼1'],
  ])('when a cell is %j, then it counts as a formula and gets a leading apostrophe', (value) => {
    expect(startsLikeFormula(value)).toBe(true);
    expect(
      csvCell(value)
        .replace(/^"/, '')
        .startsWith(`'${value.charAt(0)}`),
    ).toBe(true);
  });

  it.each([['plain'], ['a=b'], ['me@example.com'], [' spaced'], [''], ['   '], ['１=2'], ["'=already"]])(
    'when a cell is %j, then it is left as it is',
    (value) => {
      expect(startsLikeFormula(value)).toBe(false);
      expect(csvCell(value)).toBe(value);
    },
  );

  it('when a cell holds a quote, a comma or a line break, then it is quoted with quotes doubled (after the guard)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' =HYPERLINK("x")')).toBe('"\' =HYPERLINK(""x"")"');
    expect(csvCell('\r=cmd')).toBe('"\'\r=cmd"');
  });

  it('when a line is written, then its cells are joined by commas and it ends with CRLF', () => {
    expect(csvLine(['＝cmd', 'b,c', 'ok'])).toBe('\'＝cmd,"b,c",ok\r\n');
  });
});
