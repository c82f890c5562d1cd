/**
 * Times as people read them: every date and time the console shows goes through here, and so do
 * ISO-8601 times inside server messages (SES's "the last key was generated at 2026-12-01T12:34:13.000Z"
 * becomes "… at Dec 1, 2026, 12:34:13 PM"). Local time zone and locale unless a caller (a test) says.
 */
export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

const dateTimeOptions = { dateStyle: 'medium', timeStyle: 'medium' } as const;

/** "Dec 1, 2026, 12:34:13 PM"; "-" for no time; text that is not a time comes back unchanged. */
export function formatDateTime(value: string | Date | undefined | null, format: TimeFormat = {}): string {
  if (value === undefined || value === null || value === '') return '-';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(format.locale, { ...dateTimeOptions, timeZone: format.timeZone });
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "in 23 hours", "5 minutes ago": the largest whole unit between `value` and `now`. */
export function formatRelativeTime(
  value: string | Date,
  now: Date = new Date(),
  format: TimeFormat = {},
): string {
  const date = value instanceof Date ? value : new Date(value);
  const delta = date.getTime() - now.getTime();
  const rtf = new Intl.RelativeTimeFormat(format.locale, { numeric: 'auto' });
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(delta) >= ms || unit === 'second') return rtf.format(Math.trunc(delta / ms), unit);
  }
  return rtf.format(0, 'second');
}

/** An ISO-8601 date-time with a zone (`Z` or `±hh:mm`), as AWS and the BFF write them. */
const ISO_DATE_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A message with every ISO-8601 time in it written as `formatDateTime` writes it. */
export function humanizeTimes(text: string, format: TimeFormat = {}): string {
  return text.replace(ISO_DATE_TIME, (iso) => formatDateTime(iso, format));
}
