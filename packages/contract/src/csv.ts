/**
 * CSV cells, one rule for every CSV this product writes (the BFF's audit export, the console's
 * identities and DNS records downloads). RFC 4180 quoting, plus a guard against CSV formula injection
 * (OWASP "CSV Injection"): identities, tags and audit paths are user input, and a spreadsheet runs a
 * cell that starts like a formula.
 *
 * Hand-written rather than csv-stringify's `escape_formulas` (6.9.0, lib/api/index.js): that checks only
 * the very first character against = + - @ tab CR and their fullwidth forms, so " =1+1" (a leading
 * space, which Excel and LibreOffice skip before evaluating) passes through, and it has no answer for the
 * other compatibility forms (﹦, ⁼ …) that spreadsheets normalise to "=".
 */

/** What a spreadsheet may read as the start of a formula, after NFKC (＝ ﹦ ⁼ → "=", ＋ → "+" …). */
const FORMULA_TRIGGER = /^[=+\-@]$/;

/** Whether `text` would start a formula: tab or CR first, or = + - @ (any width) after leading spaces. */
export function startsLikeFormula(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  const first = text.trimStart().charAt(0);
  return first !== '' && FORMULA_TRIGGER.test(first.normalize('NFKC'));
}

/** A leading `'` on a formula-like cell (shown as text, never run); other text unchanged. */
export function defuseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** One RFC 4180 field: defused, then quoted when it holds `"`, `,` or a line break (`"` doubled). */
export function csvCell(value: string): string {
  const safe = defuseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line of `cells`, ending with CRLF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
