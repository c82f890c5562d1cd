import type { DnsCheck, IdentityDetail, VerificationStatus } from '@ses-console/contract';
import { statusDisplay } from './identity-status';

/**
 * What each verification status means and what to do next, in one place: the status help, the status
 * alert of the identity page, the DKIM container and the DNS diagnostics all read it, so the Route 53
 * column, the DNS answers and the status never contradict each other without the same explanation.
 *
 * The definitions are SES's (API model: VerificationStatus; developer guide: "Managing identities",
 * "Verification problems"); the next steps are only calls SES supports. SES v2 has no operation that
 * restarts a FAILED verification (SES v1's VerifyEmailIdentity re-sends an address's email, but this
 * console speaks v2; for a domain not even v1 restarts the DKIM search), so the next step there is to
 * delete and re-create the identity, which the page offers.
 */

/** The five statuses, each defined for domains and for email addresses, in the order the help lists them. */
export const STATUS_DEFINITIONS: ReadonlyArray<{
  status: VerificationStatus;
  domain: string;
  emailAddress: string;
}> = [
  {
    status: 'SUCCESS',
    domain: 'SES found the DKIM records in DNS: you can send from any address at the domain.',
    emailAddress: 'The verification link was opened: you can send from the address.',
  },
  {
    status: 'PENDING',
    domain:
      'Verification started; SES looks for the DKIM records in DNS for up to 72 hours and verifies the domain as soon as it finds them.',
    emailAddress:
      'SES sent a verification email; the address is verified when its link is opened, within 24 hours.',
  },
  {
    status: 'FAILED',
    domain:
      'SES did not find the DKIM records within 72 hours (or lost them for 72 hours) and stopped checking.',
    emailAddress: 'The verification link was not opened within 24 hours; it has expired.',
  },
  {
    status: 'TEMPORARY_FAILURE',
    domain:
      'The domain was verified, but SES cannot find its DKIM records now. It keeps checking for 72 hours: found again, it is Verified; not found, it is Failure.',
    emailAddress: 'A temporary issue keeps SES from determining the status; SES checks again.',
  },
  {
    status: 'NOT_STARTED',
    domain: 'Verification has not been started for this identity.',
    emailAddress: 'Verification has not been started for this identity.',
  },
];

export function definitionOf(status: VerificationStatus, type: IdentityDetail['type']): string {
  const entry = STATUS_DEFINITIONS.find((d) => d.status === status) ?? STATUS_DEFINITIONS[4];
  return type === 'EMAIL_ADDRESS' ? (entry?.emailAddress ?? '') : (entry?.domain ?? '');
}

/** What the page can do about a status, besides saying what it means. */
export type NextStepAction = 'recreate' | 'publish' | 'mailbox' | 'none';

export interface StatusExplanation {
  status: VerificationStatus;
  /** The status word, as the Summary shows it. */
  label: string;
  definition: string;
  /** Why what the page shows looks the way it does, and what to do; absent when nothing needs doing. */
  nextStep?: { text: string; action: NextStepAction };
  /** For the alert: how pressing the problem is. */
  severity: 'error' | 'warning' | 'info' | 'success';
  /** When every DKIM record is in place but the status is not Verified: why, to follow "…in place". */
  inPlaceNote?: string;
}

/** What "the records are in place" means for each status that is not Verified. */
const IN_PLACE_NOTE: Partial<Record<VerificationStatus, string>> = {
  FAILED:
    ', but SES stopped checking after 72 hours: re-create the identity to verify it (finding them now changes nothing).',
  TEMPORARY_FAILURE: '; SES verifies the domain again at its next check.',
  PENDING: '; SES verifies the domain at its next check.',
};

/** Where the DKIM records stand: in Route 53 (the detail) and, once asked, in public DNS (diagnostics). */
export function dkimRecordsInPlace(detail: IdentityDetail, checks?: readonly DnsCheck[]): boolean {
  const inRoute53 = detail.dnsRecords.filter((r) => r.purpose === 'DKIM');
  const inDns = checks?.filter((c) => c.purpose === 'DKIM') ?? [];
  if (inDns.length > 0) return inDns.every((c) => c.state === 'found');
  return inRoute53.length > 0 && inRoute53.every((r) => r.publishedInRoute53);
}

const ERROR_REASON: Record<string, string> = {
  HOST_NOT_FOUND: 'the record names do not exist',
  TYPE_NOT_FOUND: 'the names exist but have no CNAME (or TXT) record',
  INVALID_VALUE: 'a record points somewhere else',
  DNS_SERVER_ERROR: 'the DNS server failed',
  SERVICE_ERROR: 'a temporary SES problem',
};

/** SES's last error, in words, when it reported one. */
function reasonOf(detail: IdentityDetail): string {
  const reason = detail.verificationInfo?.errorType && ERROR_REASON[detail.verificationInfo.errorType];
  return reason ? ` (last check: ${reason})` : '';
}

/**
 * The status of `detail` explained against what the page shows about its records: `checks` are the
 * live DNS answers when the diagnostics have loaded.
 */
export function explainStatus(detail: IdentityDetail, checks?: readonly DnsCheck[]): StatusExplanation {
  const base = {
    status: detail.status,
    label: statusDisplay[detail.status].label,
    definition: definitionOf(detail.status, detail.type),
  };
  const isDomain = detail.type === 'DOMAIN';
  const inPlace = isDomain && dkimRecordsInPlace(detail, checks);
  const zone = detail.hostedZone;
  const note = inPlace ? IN_PLACE_NOTE[detail.status] : undefined;
  return {
    ...explainByStatus(detail, base, isDomain, inPlace, zone),
    ...(note ? { inPlaceNote: note } : {}),
  };
}

function explainByStatus(
  detail: IdentityDetail,
  base: Pick<StatusExplanation, 'status' | 'label' | 'definition'>,
  isDomain: boolean,
  inPlace: boolean,
  zone: IdentityDetail['hostedZone'],
): StatusExplanation {
  switch (detail.status) {
    case 'FAILED':
      return {
        ...base,
        severity: 'error',
        nextStep: {
          action: 'recreate',
          text: !isDomain
            ? 'SES v2 has no way to send the verification email again: re-create the identity (same tags and settings) to get a new email with a new link.'
            : inPlace
              ? 'Records are in place, but SES stopped checking after 72 hours, so finding them now changes nothing. SES v2 cannot restart the check: re-create the identity (same settings, new DKIM records) and publish its new records.'
              : `SES stopped checking after 72 hours${reasonOf(detail)}, so publishing the records now changes nothing. SES v2 cannot restart the check: re-create the identity (same settings, new DKIM records) and publish its new records.`,
        },
      };
    case 'TEMPORARY_FAILURE':
      if (!isDomain) return { ...base, severity: 'warning' };
      return {
        ...base,
        severity: 'warning',
        nextStep: inPlace
          ? {
              action: 'none',
              text: 'Records are in place again; SES verifies the domain at its next check (it keeps checking for 72 hours).',
            }
          : {
              action: zone ? 'publish' : 'none',
              text: zone
                ? `SES cannot find the DKIM records${reasonOf(detail)}. Publish them to hosted zone ${zone.name} again within 72 hours, or the status becomes Failure.`
                : `SES cannot find the DKIM records${reasonOf(detail)}. Put them back with your DNS provider within 72 hours, or the status becomes Failure.`,
            },
      };
    case 'PENDING':
      if (!isDomain) {
        return {
          ...base,
          severity: 'info',
          nextStep: {
            action: 'mailbox',
            text: 'Open the link in the verification email within 24 hours. Lost it? Re-create the identity for a new email.',
          },
        };
      }
      return {
        ...base,
        severity: 'info',
        nextStep: inPlace
          ? { action: 'none', text: 'Records are in place; SES verifies the domain at its next check.' }
          : {
              action: zone ? 'publish' : 'none',
              text: zone
                ? `Publish the DKIM records to hosted zone ${zone.name}; SES looks for them for 72 hours.`
                : 'Add the DKIM records below with your DNS provider; SES looks for them for 72 hours.',
            },
      };
    case 'SUCCESS':
      return { ...base, severity: 'success' };
    default:
      return { ...base, severity: 'info' };
  }
}

/**
 * The DKIM container's line beside a DKIM status that is not Verified: short, since the status alert
 * above the tabs carries the full explanation and the next step.
 */
export function dkimStatusNote(detail: IdentityDetail, checks?: readonly DnsCheck[]): string | undefined {
  if (detail.type !== 'DOMAIN') return undefined;
  const inPlace = dkimRecordsInPlace(detail, checks);
  if (detail.dkim.status === 'FAILED') {
    return inPlace
      ? 'The records are in place, but SES stopped checking after 72 hours: only re-creating the identity verifies it.'
      : 'SES stopped checking after 72 hours: publishing the records now changes nothing; re-create the identity.';
  }
  if (detail.dkim.status === 'TEMPORARY_FAILURE') {
    return inPlace
      ? 'The records are in place again; SES verifies them at its next check.'
      : 'SES cannot find these records now; it keeps checking for 72 hours.';
  }
  return undefined;
}
