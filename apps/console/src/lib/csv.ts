/**
 * CSV as RFC 4180 says (CRLF lines, fields with `"`, `,` or line breaks quoted, `"` doubled), with a guard
 * against CSV formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return would run
 * as a formula in a spreadsheet, so it gets a leading `'` (OWASP's advice).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One header row, then the rows; every line ends with CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** Saves `text` as a file through the browser's download (the file never leaves the machine). */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
