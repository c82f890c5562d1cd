import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { apiPaths, type IdentityDetail, type IdentityInRegion } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterLink } from '../../../components/router-link';
import { TableEmptyState } from '../../../components/table-states';
import { paths } from '../../../config/paths';
import { useAccount } from '../../../hooks/use-account';
import { describeError } from '../../../lib/api-client';
import { useMeta } from '../../../lib/meta-queries';
import { useCan } from '../../../lib/session-queries';
import { identityAcrossRegionsQueryOptions } from '../api/identity-queries';
import { failedLookups, regionsLacking, replicasOf } from '../model/global-identity';
import { dkimStatusDisplay } from '../model/identity-display';
import { IdentityStatus } from './identity-status-indicator';
import { ReplicateIdentityModal } from './replicate-identity-modal';

/**
 * A parent's Global identity (SES's Deterministic Easy DKIM): its replicas in other Regions, found by
 * looking its name up in every Region, and "Replicate to Regions" for the Regions that lack it.
 */
export function GlobalIdentityContainer({ detail }: { detail: IdentityDetail }) {
  const { account } = useAccount();
  const query = useQuery(identityAcrossRegionsQueryOptions(account, detail.name));
  const meta = useMeta();
  const canReplicate = useCan('post', apiPaths.replicateIdentity);
  const [replicating, setReplicating] = useState(false);
  const regionName = (code: string) => meta.data?.regions.find((r) => r.code === code)?.name ?? code;

  const replicas = query.data ? replicasOf(query.data, detail.region) : [];
  const lacking = query.data && meta.data ? regionsLacking(query.data, meta.data.regions, detail.region) : [];
  const failed = query.data ? failedLookups(query.data) : [];
  const verified = detail.status === 'SUCCESS';

  return (
    <Container
      header={
        <Header
          variant="h2"
          counter={query.data ? `(${replicas.length})` : undefined}
          description="Replicas of this domain in other Regions use its DKIM key and DNS records (Deterministic Easy DKIM), so they verify without new DNS records and follow its key rotations."
          actions={
            canReplicate && (
              <Button
                onClick={() => setReplicating(true)}
                disabled={!query.data || lacking.length === 0}
                disabledReason={
                  !query.data
                    ? 'Looking up the Regions first'
                    : 'Every Region this console offers already has this domain'
                }
              >
                Replicate to Regions
              </Button>
            )
          }
        >
          Global identity
        </Header>
      }
    >
      <SpaceBetween size="m">
        {!verified && (
          <Alert type="info">
            A replica verifies once the parent does: it uses this identity&apos;s DKIM records, which are not
            verified yet.
          </Alert>
        )}
        {failed.length > 0 && (
          <Alert type="warning" header="Some Regions could not be checked">
            <ul>
              {failed.map((f) => (
                <li key={f.region}>
                  {f.region}: {f.error.message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <Table<IdentityInRegion>
          variant="embedded"
          ariaLabels={{ tableLabel: 'Replicas' }}
          loading={query.isPending}
          loadingText="Looking for replicas in every Region"
          items={replicas}
          trackBy="region"
          columnDefinitions={[
            {
              id: 'region',
              header: 'Region',
              isRowHeader: true,
              cell: (r) => (
                <RouterLink href={paths.identity.href(detail.name, { region: r.region })}>
                  {`${regionName(r.region)} (${r.region})`}
                </RouterLink>
              ),
            },
            { id: 'status', header: 'Identity status', cell: (r) => <IdentityStatus status={r.status} /> },
            {
              id: 'dkim',
              header: 'DKIM configuration',
              cell: (r) => (
                <StatusIndicator type={dkimStatusDisplay[r.dkimStatus].type}>
                  {dkimStatusDisplay[r.dkimStatus].label}
                </StatusIndicator>
              ),
            },
          ]}
          empty={
            query.isError ? (
              <Box textAlign="center" color="inherit">
                <SpaceBetween size="xs">
                  <StatusIndicator type="error">
                    The replicas could not be loaded: {describeError(query.error)}
                  </StatusIndicator>
                  <Button onClick={() => query.refetch()}>Retry</Button>
                </SpaceBetween>
              </Box>
            ) : (
              <TableEmptyState
                title="No replicas"
                subtitle="Replicate this identity to send from other Regions with the same DNS records."
              />
            )
          }
        />
      </SpaceBetween>
      {replicating && (
        <ReplicateIdentityModal
          visible={replicating}
          region={detail.region}
          identity={detail.name}
          regions={lacking}
          onDismiss={() => setReplicating(false)}
        />
      )}
    </Container>
  );
}
