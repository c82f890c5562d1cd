import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Toggle from '@cloudscape-design/components/toggle';
import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../../../hooks/use-account';
import { describeError } from '../../../lib/api-client';
import { accountQueryOptions, useSetEmulatorAccount } from '../api/account-queries';

const quota = (n: number) => (n < 0 ? 'Unlimited' : n.toLocaleString('en-US'));

/**
 * The emulated account in one Region: sandbox or production access, the quota and its use, and the
 * toggle that stands in for AWS's production-access review (emulator mode only).
 */
export function EmulatorAccountPanel({ region }: { region: string }) {
  const { account: accountId } = useAccount();
  const account = useQuery(accountQueryOptions(accountId, region));
  const change = useSetEmulatorAccount();
  if (account.isPending) return <Spinner size="large" />;
  if (account.error) {
    return (
      <Alert type="error" header="The account could not be loaded">
        {describeError(account.error)}
      </Alert>
    );
  }
  const { productionAccessEnabled, sendQuota } = account.data;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="In AWS a review decides production access; here the toggle does, for this Region only."
        >
          Account in {region}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Toggle
          checked={productionAccessEnabled}
          disabled={change.isPending}
          onChange={({ detail }) => change.mutate({ region, productionAccess: detail.checked })}
        >
          Production access
        </Toggle>
        {change.error && (
          <Alert type="error" header="Production access could not be changed">
            {describeError(change.error)}
          </Alert>
        )}
        <KeyValuePairs
          columns={4}
          items={[
            {
              label: 'Status',
              value: productionAccessEnabled ? (
                <StatusIndicator type="success">Production access</StatusIndicator>
              ) : (
                <StatusIndicator type="info">Sandbox</StatusIndicator>
              ),
            },
            { label: 'Daily sending quota', value: quota(sendQuota.max24HourSend) },
            { label: 'Sent in the last 24 hours', value: quota(sendQuota.sentLast24Hours) },
            { label: 'Maximum send rate', value: `${sendQuota.maxSendRate} per second` },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}
