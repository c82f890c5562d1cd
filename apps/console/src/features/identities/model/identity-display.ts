import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { type MailFromStatus, parentRegionOfOrigin, type VerificationStatus } from '@ses-console/contract';
import { formatDateTime } from '../../../lib/format-time';

type StatusDisplay = { label: string; type: StatusIndicatorProps.Type };

/** DKIM's status words (the SES console's, which differ from the identity status column's). */
export const dkimStatusDisplay: Record<VerificationStatus, StatusDisplay> = {
  SUCCESS: { label: 'Successful', type: 'success' },
  FAILED: { label: 'Failed', type: 'error' },
  PENDING: { label: 'Pending', type: 'pending' },
  TEMPORARY_FAILURE: { label: 'Temporary failure', type: 'warning' },
  NOT_STARTED: { label: 'Not started', type: 'stopped' },
};

/** MAIL FROM reads like DKIM; it has no "not started" (no domain set means no status). */
export const mailFromStatusDisplay: Record<MailFromStatus, StatusDisplay> = {
  SUCCESS: dkimStatusDisplay.SUCCESS,
  FAILED: dkimStatusDisplay.FAILED,
  PENDING: dkimStatusDisplay.PENDING,
  TEMPORARY_FAILURE: dkimStatusDisplay.TEMPORARY_FAILURE,
};

export function dkimTypeLabel(origin: string | undefined): string {
  if (!origin) return '-';
  if (origin === 'AWS_SES') return 'Easy DKIM';
  if (origin === 'EXTERNAL') return 'BYODKIM';
  if (origin.startsWith('AWS_SES_')) return 'Deterministic Easy DKIM';
  return origin;
}

/**
 * The DKIM origin column: how a domain signs, and for a replica the Region of its parent, so the All
 * regions view shows a domain's family ("Deterministic Easy DKIM (parent us-east-1)").
 */
export function dkimOriginLabel(origin: string | undefined): string {
  const parentRegion = parentRegionOfOrigin(origin);
  return parentRegion ? `${dkimTypeLabel(origin)} (parent ${parentRegion})` : dkimTypeLabel(origin);
}

export const behaviorLabel = {
  USE_DEFAULT_VALUE: 'Use default MAIL FROM domain',
  REJECT_MESSAGE: 'Reject message',
} as const;

/** A time of an identity (last key generation, a DNS check): `formatDateTime`, the console's one rule. */
export function formatDate(iso: string | undefined): string {
  return formatDateTime(iso);
}
