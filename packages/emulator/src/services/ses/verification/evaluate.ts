import type { VerificationMode } from '../../../core.js';
import type { DnsView } from '../../../dns/dns-view.js';
import type { IdentityRecord, StatusTrack } from '../../../store/ses-records.js';
import { rotateDueKey, rotationDue } from './dkim-key-rotation.js';
import { observeDkim, observeMailFrom, observeVerificationTxt } from './dns-checks.js';
import {
  applyTransition,
  checkDnsTrack,
  DNS_SEARCH_WINDOW_MS,
  type DnsObservation,
  EMAIL_LINK_VALIDITY_MS,
  emailLinkExpired,
} from './transitions.js';

function autoVerify(track: StatusTrack, now: number): StatusTrack {
  return track.status === 'PENDING' || track.status === 'TEMPORARY_FAILURE'
    ? applyTransition(track, 'auto-verify', now)
    : track;
}

/**
 * One verification pass over an identity at `now`; returns the identity with its status machines
 * moved by the declared transitions (the input is not modified).
 *  - realistic: a domain's identity status follows its DKIM records or its `_amazonses` TXT token,
 *    its DKIM status the DKIM records (one DKIM observation drives both machines), MAIL FROM follows
 *    its MX; an address fails when its 24-h link expires.
 *  - auto: whatever is pending succeeds at once.
 * In both modes a pending Easy DKIM key length becomes current once its rotation is due.
 */
export function evaluateIdentity(
  identity: IdentityRecord,
  dns: DnsView,
  mode: VerificationMode,
  now: number,
): IdentityRecord {
  const next: IdentityRecord = { ...identity, mailFrom: { ...identity.mailFrom } };
  if (identity.dkim) next.dkim = rotateDueKey(identity.dkim, now);
  if (mode === 'auto') {
    next.verification = autoVerify(identity.verification, now);
    if (next.dkim) next.dkim = { ...next.dkim, track: autoVerify(next.dkim.track, now) };
    if (identity.mailFrom.track) next.mailFrom.track = autoVerify(identity.mailFrom.track, now);
    return next;
  }
  if (identity.type === 'EMAIL_ADDRESS') {
    if (emailLinkExpired(identity.verification, now)) {
      next.verification = applyTransition(identity.verification, 'timeout', now);
    }
  } else {
    // A domain verifies through its DKIM records, or through the `_amazonses` TXT token SES v1's
    // VerifyDomainIdentity handed out [doc: API_VerifyDomainIdentity, "also changes to Success when it
    // is DKIM verified"]; DKIM's own status follows the DKIM records alone.
    let dkimSeen: DnsObservation | undefined;
    const observeDkimOnce = () => {
      dkimSeen ??= observeDkim(dns, identity);
      return dkimSeen;
    };
    if (isLive(identity.verification)) {
      next.verification = checkDnsTrack(
        identity.verification,
        observeDomainOwnership(dns, identity, observeDkimOnce),
        now,
      );
    }
    if (next.dkim && isLive(next.dkim.track)) {
      next.dkim = { ...next.dkim, track: checkDnsTrack(next.dkim.track, observeDkimOnce(), now) };
    }
  }
  if (identity.mailFrom.track && isLive(identity.mailFrom.track)) {
    next.mailFrom.track = checkDnsTrack(identity.mailFrom.track, observeMailFrom(dns, identity), now);
  }
  return next;
}

/**
 * Whether a domain's ownership shows in DNS: its DKIM records or its `_amazonses` TXT token. When
 * neither does, the error reported is the TXT record's for a domain that has a token and no DKIM, else
 * DKIM's (the records SES v2 asks for).
 */
function observeDomainOwnership(
  dns: DnsView,
  identity: IdentityRecord,
  observeDkimOnce: () => DnsObservation,
): DnsObservation {
  const txt = identity.verificationToken ? observeVerificationTxt(dns, identity) : undefined;
  if (txt?.found) return txt;
  if (!identity.dkim) return txt ?? { found: false, errorType: 'HOST_NOT_FOUND' };
  return observeDkimOnce();
}

function isLive(track: StatusTrack): boolean {
  return track.status === 'PENDING' || track.status === 'SUCCESS' || track.status === 'TEMPORARY_FAILURE';
}

/** Whether two passes differ in more than their check timestamps (worth a write): a status or a key rotation. */
export function statusChanged(a: IdentityRecord, b: IdentityRecord): boolean {
  const strip = (t: StatusTrack | undefined) =>
    t && { status: t.status, errorType: t.errorType, s: t.startedAt };
  const key = (r: IdentityRecord) => [r.dkim?.currentKeyLength, r.dkim?.lastKeyGenerationAt];
  return (
    JSON.stringify([strip(a.verification), strip(a.dkim?.track), strip(a.mailFrom.track), key(a)]) !==
    JSON.stringify([strip(b.verification), strip(b.dkim?.track), strip(b.mailFrom.track), key(b)])
  );
}

/**
 * Whether time alone can move this identity now: a PENDING or TEMPORARY_FAILURE track whose window
 * (72 h for DNS, 24 h for an email link) has run out, or a DKIM key rotation that is due. DNS-driven changes need no polling: every
 * Route 53 change emits dns-changed and re-evaluates the account.
 */
export function deadlinePassed(identity: IdentityRecord, now: number): boolean {
  const window = identity.type === 'EMAIL_ADDRESS' ? EMAIL_LINK_VALIDITY_MS : DNS_SEARCH_WINDOW_MS;
  const due = (track: StatusTrack | undefined, ms: number) =>
    track !== undefined &&
    (track.status === 'PENDING' || track.status === 'TEMPORARY_FAILURE') &&
    now - (track.startedAt ?? now) >= ms;
  return (
    rotationDue(identity.dkim, now) ||
    due(identity.verification, window) ||
    due(identity.dkim?.track, DNS_SEARCH_WINDOW_MS) ||
    due(identity.mailFrom.track, DNS_SEARCH_WINDOW_MS)
  );
}
