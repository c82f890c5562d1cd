import type { DkimKeyLength, IdentityDetail } from '@ses-console/contract';

/** SES allows one Easy DKIM key-length change per 24 hours [doc: "DKIM signing key length"]. */
export const KEY_LENGTH_CHANGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** A time as a person reads it: the date and time here, and how far from now ("in 5 hours"). */
export function humanTime(ms: number, now: number): string {
  const absolute = new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const minutes = Math.round((ms - now) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const relative =
    Math.abs(minutes) < 60
      ? rtf.format(minutes, 'minute')
      : Math.abs(minutes) < 48 * 60
        ? rtf.format(Math.round(minutes / 60), 'hour')
        : rtf.format(Math.round(minutes / 1440), 'day');
  return `${absolute} (${relative})`;
}

export interface KeyLengthRule {
  /** Shown under the key length choice before Save: the rule and when it next allows a change. */
  text: string;
  /** When a change to `requested` will be refused by SES, why (shown before Save, as a warning). */
  refusal(requested: DkimKeyLength): string | undefined;
}

/**
 * The once-a-day rule as the console can know it from GetEmailIdentity: a length waiting for its
 * rotation (Next ≠ Current) blocks another change until 24 h after that rotation; otherwise a change is
 * possible 24 h after the last key generation. The first switch to RSA_1024_BIT is exempt [doc]; SES
 * does not say whether it was used, so the console only says it may be.
 */
export function keyLengthRule(detail: IdentityDetail, now: number): KeyLengthRule {
  const { currentKeyLength, nextKeyLength, lastKeyGeneratedAt } = detail.dkim;
  const configured = nextKeyLength ?? currentKeyLength;
  const generated = lastKeyGeneratedAt ? Date.parse(lastKeyGeneratedAt) : undefined;
  // Choosing the configured length changes nothing (the form sends no request), so it is never refused.
  const unchanged = (requested: DkimKeyLength) => requested === configured;
  const exempt = ' (a first switch to RSA_1024_BIT is allowed sooner)';
  if (nextKeyLength && currentKeyLength && nextKeyLength !== currentKeyLength) {
    const text = `${nextKeyLength} becomes current at SES's next key rotation. Another change is possible 24 hours after that rotation${exempt}.`;
    return {
      text,
      refusal: (requested) =>
        unchanged(requested) || requested === 'RSA_1024_BIT'
          ? undefined
          : `SES refuses another change while ${nextKeyLength} waits for its key rotation.`,
    };
  }
  if (generated === undefined || Number.isNaN(generated)) {
    return { text: 'The key length can change once every 24 hours.', refusal: () => undefined };
  }
  const allowedFrom = generated + KEY_LENGTH_CHANGE_INTERVAL_MS;
  const last = `The last key was generated ${humanTime(generated, now)}.`;
  if (now >= allowedFrom) {
    return {
      text: `${last} The key length can change once every 24 hours; a change now is allowed.`,
      refusal: () => undefined,
    };
  }
  return {
    text: `${last} The key length can change once every 24 hours: next from ${humanTime(allowedFrom, now)}${exempt}.`,
    refusal: (requested) =>
      unchanged(requested) || requested === 'RSA_1024_BIT'
        ? undefined
        : `SES refuses this change until ${humanTime(allowedFrom, now)}.`,
  };
}
