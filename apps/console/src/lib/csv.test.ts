import { csvCell } from '@ses-console/contract/csv';
import { describe, expect, it } from 'vitest';
import { identitiesToCsv } from '../features/identities/model/identity-rows';
import { toCsv } from './csv';

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

  it('when an exported cell hides a formula behind a space or in fullwidth form, then it is defused too', () => {
    expect(
      toCsv(['Tag'], [[' =HYPERLINK("http://evil")'], ['＝1+1'], ['＋1'], ['－1'], ['＠SUM(A1)'], ['\r=1']]),
    ).toBe(
      'Tag\r\n"\' =HYPERLINK(""http://evil"")"\r\n\'＝1+1\r\n\'＋1\r\n\'－1\r\n\'＠SUM(A1)\r\n"\'\r=1"\r\n',
    );
  });

  it('when the identities table is downloaded, then names that start like formulas are defused', () => {
    const csv = identitiesToCsv([
      {
        name: ' =cmd.example.com',
        type: 'DOMAIN',
        status: 'PENDING',
        sendingEnabled: false,
        region: 'us-east-1',
      },
      {
        name: '＝cmd@example.com',
        type: 'EMAIL_ADDRESS',
        status: 'SUCCESS',
        sendingEnabled: true,
        region: 'eu-west-1',
      },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[1]?.startsWith("' =cmd.example.com,")).toBe(true);
    expect(lines[2]?.startsWith("'＝cmd@example.com,")).toBe(true);
  });
});
