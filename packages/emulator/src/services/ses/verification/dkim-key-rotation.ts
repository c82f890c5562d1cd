import type { DkimSigningKeyLength } from '@aws-sdk/client-sesv2';
import type { DkimState } from '../../../store/ses-records.js';

/**
 * How often SES generates a new Easy DKIM key pair: the emulator's choice [inf]. SES publishes no
 * rotation schedule. What it documents: `NextSigningKeyLength` is "the key length of the future DKIM
 * key pair to be generated", `CurrentSigningKeyLength` that of the pair in use, and the length may
 * change at most once in 24 hours "to preserve the deliverability of in-transit emails". That rule
 * only makes sense if a change is taken up by a key generation within about a day, so the emulator
 * rotates daily: a pending length becomes current at the next 24-hour boundary counted from the last
 * key generation. Keys rotate behind the same three CNAMEs (the tokens and the status stay).
 */
export const EASY_DKIM_KEY_ROTATION_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** How soon after the last key generation SES accepts another key-length change [doc]. */
export const KEY_LENGTH_CHANGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Whether an Easy DKIM key of another length waits for the next rotation. */
export function hasPendingKeyLength(dkim: DkimState | undefined): dkim is DkimState & {
  nextKeyLength: DkimSigningKeyLength;
} {
  return (
    dkim?.origin === 'AWS_SES' &&
    dkim.nextKeyLength !== undefined &&
    dkim.nextKeyLength !== dkim.currentKeyLength
  );
}

/**
 * When the pending key length becomes current: the first rotation boundary (the last key generation
 * plus a whole number of intervals) after the change was accepted. Undefined when nothing is pending.
 */
export function nextRotationAt(dkim: DkimState | undefined): number | undefined {
  if (!hasPendingKeyLength(dkim)) return undefined;
  const last = dkim.lastKeyGenerationAt ?? 0;
  const changedAt = Math.max(dkim.keyLengthChangedAt ?? last, last);
  const intervals = Math.floor((changedAt - last) / EASY_DKIM_KEY_ROTATION_INTERVAL_MS) + 1;
  return last + intervals * EASY_DKIM_KEY_ROTATION_INTERVAL_MS;
}

/** Whether a rotation is due at `now` (the engine's time-driven passes look for these). */
export function rotationDue(dkim: DkimState | undefined, now: number): boolean {
  const due = nextRotationAt(dkim);
  return due !== undefined && now >= due;
}

/**
 * The DKIM state after any rotation due at `now`: the next length becomes current and the key
 * generation is dated at the rotation boundary. Tokens, status and signing are untouched.
 */
export function rotateDueKey(dkim: DkimState, now: number): DkimState {
  const due = nextRotationAt(dkim);
  if (due === undefined || now < due) return dkim;
  return { ...dkim, currentKeyLength: dkim.nextKeyLength, lastKeyGenerationAt: due };
}
