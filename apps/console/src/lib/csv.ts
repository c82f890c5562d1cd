/**
 * CSV files the console writes. Cells follow `@ses-console/contract/csv` (RFC 4180 quoting and the
 * formula-injection guard), the same rule as the BFF's audit export.
 */
import { csvLine } from '@ses-console/contract/csv';

/** One header row, then the rows; every line ends with CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map(csvLine).join('');
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
