import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AuditEntry, AuditPage } from '@ses-console/contract';
import { csvCell } from '@ses-console/contract/csv';

export const auditCsvColumns = [
  'time',
  'actor',
  'actorName',
  'action',
  'result',
  'status',
  'errorCode',
  'region',
  'identity',
  'method',
  'path',
  'requestId',
  'parameters',
  'completedAt',
  'deadlineExceeded',
  // Last, so the columns before it keep their places in exports read by position.
  'account',
] as const;

/** One field of an audit value: text as it is, anything else as JSON; quoting and the formula guard are contract/csv's. */
export function csvField(value: unknown): string {
  return csvCell(
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value),
  );
}

export function csvRow(entry: AuditEntry): string {
  return `${auditCsvColumns.map((c) => csvField(entry[c])).join(',')}\r\n`;
}

export const csvHeader = `${auditCsvColumns.join(',')}\r\n`;

/** Writes `chunk`; when `out` is full, waits until it drains. False once `out` is closed (client gone). */
function written(out: Writable, chunk: string): Promise<boolean> {
  if (out.destroyed) return Promise.resolve(false);
  if (out.write(chunk)) return Promise.resolve(true);
  if (out.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const settle = (open: boolean) => () => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onClose);
      resolve(open);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    out.once('drain', onDrain);
    out.once('close', onClose);
    out.once('error', onClose);
  });
}

export interface CsvExport {
  /** Rows handed to `out` before it finished or closed. */
  rows: number;
  /** False when `out` closed first (the client went away): the rest was never read. */
  complete: boolean;
}

/**
 * The CSV export, page by page (`readPage(cursor)`, newest first), at most `maxRows` rows: a page is
 * read only when `out` has taken the previous one (backpressure: a slow client holds one page in
 * memory, not the log), and the export stops as soon as `out` closes. Does not end `out`.
 */
export async function writeAuditCsv(
  out: Writable,
  readPage: (cursor: string | undefined) => Promise<AuditPage>,
  maxRows: number,
): Promise<CsvExport> {
  let rows = 0;
  if (!(await written(out, csvHeader))) return { rows, complete: false };
  let cursor: string | undefined;
  while (rows < maxRows) {
    const page = await readPage(cursor);
    const entries = page.entries.slice(0, maxRows - rows);
    if (entries.length > 0 && !(await written(out, entries.map(csvRow).join('')))) {
      return { rows, complete: false };
    }
    rows += entries.length;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    // A long export shares the event loop with other requests, and notices a disconnect between pages.
    await nextTurn();
    if (out.destroyed) return { rows, complete: false };
  }
  return { rows, complete: true };
}
