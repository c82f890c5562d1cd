import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Route53Change } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { route53ChangeQueryOptions } from '../api/identity-queries';

/**
 * A publish's Route 53 change, followed through the BFF's GetChange until Route 53 has it on every
 * name server: "Pending", then "In sync".
 */
export function Route53ChangeStatus({
  changeId,
  initialStatus,
}: {
  changeId: string;
  initialStatus?: Route53Change['status'];
}) {
  const { account } = useAccount();
  const change = useQuery(route53ChangeQueryOptions(account, changeId, initialStatus));
  if (change.data?.status === 'INSYNC') {
    return <StatusIndicator type="success">Route 53 change {changeId}: In sync</StatusIndicator>;
  }
  if (change.isError && !change.data) {
    return <StatusIndicator type="warning">Route 53 change {changeId}: status unavailable</StatusIndicator>;
  }
  return <StatusIndicator type="pending">Route 53 change {changeId}: Pending</StatusIndicator>;
}
