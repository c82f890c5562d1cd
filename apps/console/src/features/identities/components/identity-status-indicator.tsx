import type { IdentitySummary } from '@ses-console/contract';
import { StatusText } from '../../../components/text-wrapping';
import { statusDisplay } from '../model/identity-status';

/** An identity's verification status as the SES console shows it (words and indicator). */
export function IdentityStatus({ status }: { status: IdentitySummary['status'] }) {
  const display = statusDisplay[status];
  return <StatusText type={display.type}>{display.label}</StatusText>;
}
