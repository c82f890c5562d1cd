import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { MailFromStatus, VerificationStatus } from '@ses-console/contract';

export const dkimStatusDisplay: Record<
  VerificationStatus,
  { label: string; type: StatusIndicatorProps.Type }
> = {
  SUCCESS: { label: 'Successful', type: 'success' },
  FAILED: { label: 'Failed', type: 'error' },
  PENDING: { label: 'Pending', type: 'pending' },
  TEMPORARY_FAILURE: { label: 'Temporary failure', type: 'warning' },
  NOT_STARTED: { label: 'Not started', type: 'stopped' },
};

export const mailFromStatusDisplay: Record<
  MailFromStatus,
  { label: string; type: StatusIndicatorProps.Type }
> = {
  SUCCESS: { label: 'Successful', type: 'success' },
  FAILED: { label: 'Failed', type: 'error' },
  PENDING: { label: 'Pending', type: 'pending' },
  TEMPORARY_FAILURE: { label: 'Temporary failure', type: 'warning' },
};

export function dkimTypeLabel(origin: string | undefined): string {
  if (!origin) return '-';
  if (origin === 'AWS_SES') return 'Easy DKIM';
  if (origin === 'EXTERNAL') return 'BYODKIM';
  if (origin.startsWith('AWS_SES_')) return 'Deterministic Easy DKIM';
  return origin;
}

export const behaviorLabel = {
  USE_DEFAULT_VALUE: 'Use default MAIL FROM domain',
  REJECT_MESSAGE: 'Reject message',
} as const;

export function formatDate(iso: string | undefined): string {
  if (!iso) return '-';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
