import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('when a cell holds a quote, a comma or a line break, then it is quoted and quotes are doubled', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('"v=spf1 include:amazonses.com ~all"')).toBe('"""v=spf1 include:amazonses.com ~all"""');
  });

  it('when a cell starts like a spreadsheet formula, then it is prefixed with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('me@example.com')).toBe('me@example.com');
  });

  it('when rows are written, then a header comes first and every line ends with CRLF', () => {
    expect(
      toCsv(
        ['Identity', 'Region'],
        [
          ['a.example', 'us-east-1'],
          ['b,c', 'eu-west-3'],
        ],
      ),
    ).toBe('Identity,Region\r\na.example,us-east-1\r\n"b,c",eu-west-3\r\n');
  });
});
