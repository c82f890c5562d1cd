import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelativeTime, humanizeTimes } from './format-time';

const utc = { locale: 'en-US', timeZone: 'UTC' };

describe('times as people read them', () => {
  it('when a time is shown, then it reads as a date and a time, not ISO-8601', () => {
    expect(formatDateTime('2026-12-01T12:34:13.000Z', utc)).toBe('Dec 1, 2026, 12:34:13 PM');
  });

  it('when there is no time, then it shows a dash; when the text is not a time, then it is kept', () => {
    expect(formatDateTime(undefined)).toBe('-');
    expect(formatDateTime('soon', utc)).toBe('soon');
  });

  it("when SES's key-length rule names the last key generation, then the message carries a human time", () => {
    const message =
      'The input you provided is invalid. The signing key length can be changed once every 24 hours; the last key was generated at 2026-12-01T12:34:13.000Z.';
    expect(humanizeTimes(message, utc)).toBe(
      'The input you provided is invalid. The signing key length can be changed once every 24 hours; the last key was generated at Dec 1, 2026, 12:34:13 PM.',
    );
  });

  it('when a message has no time in it, then it is unchanged', () => {
    expect(humanizeTimes('Tag key is required (2026 tags)', utc)).toBe('Tag key is required (2026 tags)');
  });

  it('when a time is relative to now, then it says how far in the largest whole unit', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(formatRelativeTime('2026-12-02T11:00:00Z', now, utc)).toBe('in 23 hours');
    expect(formatRelativeTime('2026-12-01T11:55:00Z', now, utc)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-12-01T12:00:00Z', now, utc)).toBe('now');
  });
});
