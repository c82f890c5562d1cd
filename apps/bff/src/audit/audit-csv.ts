import type { AuditEntry } from '@ses-console/contract';

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
] as const;

/**
 * RFC 4180 field; a leading `=`, `+`, `-` or `@` gets a `'` so a spreadsheet never runs a value
 * (identities and tags are user input) as a formula.
 */
export function csvField(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(entry: AuditEntry): string {
  return `${auditCsvColumns.map((c) => csvField(entry[c])).join(',')}\r\n`;
}

export const csvHeader = `${auditCsvColumns.join(',')}\r\n`;
