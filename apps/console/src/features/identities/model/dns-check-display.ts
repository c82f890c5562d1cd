import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { DnsCheck } from '@ses-console/contract';

/** How each DNS answer reads; a missing recommendation is advice (warning), a missing requirement an error. */
export function dnsCheckDisplay(check: Pick<DnsCheck, 'state' | 'required'>): {
  label: string;
  type: StatusIndicatorProps.Type;
} {
  switch (check.state) {
    case 'found':
      return { label: 'Found and correct', type: 'success' };
    case 'missing':
      return check.required
        ? { label: 'Missing', type: 'error' }
        : { label: 'Missing (recommended)', type: 'warning' };
    case 'wrong_value':
      return { label: 'Wrong value', type: 'error' };
    default:
      return { label: 'No answer from DNS', type: 'warning' };
  }
}
