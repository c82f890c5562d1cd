import type { VerificationError, VerificationStatus } from '@aws-sdk/client-sesv2';
import type { StatusTrack } from '../../../store/ses-records.js';

/**
 * The declared status transitions of SES identities, DKIM and custom MAIL FROM (SES-REFERENCE §2).
 * Every status change in the emulator goes through `applyTransition`; an event that is not declared
 * for the current status is a programming error.
 *
 *   start        any                         → PENDING   (create, DKIM method/key change, new MAIL FROM)
 *   found        PENDING | TEMPORARY_FAILURE → SUCCESS   (DNS records found / verification link opened)
 *   lost         SUCCESS                     → TEMPORARY_FAILURE (records of a verified identity gone)
 *   timeout      PENDING | TEMPORARY_FAILURE → FAILED    (72 h for DNS, 24 h for an email link)
 *   auto-verify  any                         → SUCCESS   (EMULATOR_VERIFICATION=auto)
 *   not-started  (initial)                   → NOT_STARTED
 *   replication-failed (initial)             → FAILED    (a DEED replica whose parent cannot be used; REPLICATION_*)
 */
export type TransitionEvent =
  | 'start'
  | 'found'
  | 'lost'
  | 'timeout'
  | 'auto-verify'
  | 'not-started'
  | 'replication-failed';

const ANY: readonly VerificationStatus[] = [
  'PENDING',
  'SUCCESS',
  'FAILED',
  'TEMPORARY_FAILURE',
  'NOT_STARTED',
];

export const TRANSITIONS: Record<
  TransitionEvent,
  { from: readonly VerificationStatus[]; to: VerificationStatus }
> = {
  start: { from: ANY, to: 'PENDING' },
  found: { from: ['PENDING', 'TEMPORARY_FAILURE'], to: 'SUCCESS' },
  lost: { from: ['SUCCESS'], to: 'TEMPORARY_FAILURE' },
  timeout: { from: ['PENDING', 'TEMPORARY_FAILURE'], to: 'FAILED' },
  'auto-verify': { from: ANY, to: 'SUCCESS' },
  'not-started': { from: ANY, to: 'NOT_STARTED' },
  'replication-failed': { from: ['NOT_STARTED'], to: 'FAILED' },
};

/** How long SES keeps looking for DNS records (and rechecks a TEMPORARY_FAILURE). */
export const DNS_SEARCH_WINDOW_MS = 72 * 60 * 60 * 1000;
/** How long a verification link stays valid. */
export const EMAIL_LINK_VALIDITY_MS = 24 * 60 * 60 * 1000;

export function newTrack(
  event: 'start' | 'auto-verify' | 'not-started' | 'replication-failed',
  now: number,
  errorType?: VerificationError,
): StatusTrack {
  return applyTransition({ status: 'NOT_STARTED' }, event, now, errorType);
}

/** Applies a declared transition and returns the new track (the input is not modified). */
export function applyTransition(
  track: StatusTrack,
  event: TransitionEvent,
  now: number,
  errorType?: VerificationError,
): StatusTrack {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(track.status)) {
    throw new Error(`undeclared transition: ${event} from ${track.status}`);
  }
  switch (event) {
    case 'start':
      return { status: 'PENDING', startedAt: now };
    case 'found':
    case 'auto-verify':
      return { status: 'SUCCESS', startedAt: track.startedAt, lastCheckedAt: now, lastSuccessAt: now };
    case 'lost':
      return { ...track, status: 'TEMPORARY_FAILURE', startedAt: now, lastCheckedAt: now, errorType };
    case 'timeout':
      return { ...track, status: 'FAILED', lastCheckedAt: now, errorType: errorType ?? track.errorType };
    case 'not-started':
      return { status: 'NOT_STARTED' };
    case 'replication-failed':
      return { status: 'FAILED', startedAt: now, lastCheckedAt: now, errorType };
  }
}

/** The outcome of looking for an identity's DNS records. */
export type DnsObservation = { found: true } | { found: false; errorType: VerificationError };

/**
 * One check of a DNS-driven track at `now`: the transition it causes, if any, else the track with
 * its check recorded (LastChecked, ErrorType). FAILED and NOT_STARTED tracks are not checked.
 */
export function checkDnsTrack(track: StatusTrack, observation: DnsObservation, now: number): StatusTrack {
  const { status } = track;
  if (status === 'FAILED' || status === 'NOT_STARTED') return track;
  if (observation.found) {
    if (status === 'SUCCESS') return { ...track, lastCheckedAt: now, lastSuccessAt: now };
    return applyTransition(track, 'found', now);
  }
  if (status === 'SUCCESS') return applyTransition(track, 'lost', now, observation.errorType);
  if (now - (track.startedAt ?? now) >= DNS_SEARCH_WINDOW_MS) {
    return applyTransition(track, 'timeout', now, observation.errorType);
  }
  return { ...track, lastCheckedAt: now, errorType: observation.errorType };
}

/** Whether a pending email-address track has outlived its link (24 h). */
export function emailLinkExpired(track: StatusTrack, now: number): boolean {
  return track.status === 'PENDING' && now - (track.startedAt ?? now) >= EMAIL_LINK_VALIDITY_MS;
}
