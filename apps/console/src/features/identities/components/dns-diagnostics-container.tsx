import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { DnsCheck, IdentityDetail } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { stackedWhen } from '../../../components/stacked-columns';
import { LongText, StatusText } from '../../../components/text-wrapping';
import { useAccount } from '../../../hooks/use-account';
import { useNarrowLayout } from '../../../hooks/use-viewport';
import { describeError } from '../../../lib/api-client';
import { dnsDiagnosticsQueryOptions } from '../api/identity-queries';
import { dnsCheckDisplay } from '../model/dns-check-display';
import { purposeLabel } from '../model/dns-record-set';
import { formatDate } from '../model/identity-display';
import { explainStatus } from '../model/status-help';

function Answer({ check }: { check: DnsCheck }) {
  const display = dnsCheckDisplay(check);
  return <StatusText type={display.type}>{display.label}</StatusText>;
}

function FoundValues({ check }: { check: DnsCheck }) {
  if (check.state === 'resolver_error') return <Box color="text-status-warning">{check.detail}</Box>;
  if (check.found.length === 0) return <>-</>;
  return (
    <SpaceBetween size="xxs">
      {check.found.map((value) => (
        <LongText key={value}>{value}</LongText>
      ))}
    </SpaceBetween>
  );
}

/**
 * What public DNS answers right now for each record SES asks for, plus the recommended DMARC record:
 * the BFF makes real DNS queries (DNS_SERVERS), so this shows what receivers will see, not what
 * Route 53 holds.
 */
export function DnsDiagnosticsContainer({ detail }: { detail: IdentityDetail }) {
  const { account } = useAccount();
  const query = useQuery(dnsDiagnosticsQueryOptions(account, detail.region, detail.name));
  const checks = query.data?.checks ?? [];
  const problems = checks.filter((c) => c.required && c.state !== 'found').length;
  // Narrow screens: each check's fields one under the other (six columns leave no room for values).
  const narrow = useNarrowLayout();
  // Every record found while the status says otherwise: say why (SES stopped, or checks again soon).
  const despite = problems === 0 ? explainStatus(detail, checks).inPlaceNote : undefined;

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="What public DNS answers now for each record SES asks for, and the DMARC record we recommend."
          actions={
            <Button
              iconName="refresh"
              loading={query.isFetching}
              loadingText="Checking DNS"
              onClick={() => query.refetch()}
            >
              Check again
            </Button>
          }
        >
          DNS diagnostics
        </Header>
      }
    >
      {query.error ? (
        <Alert
          type="error"
          header="DNS could not be checked"
          action={<Button onClick={() => query.refetch()}>Retry</Button>}
        >
          {describeError(query.error)}
        </Alert>
      ) : (
        <SpaceBetween size="s">
          {query.data && (
            <Box variant="small" color="text-body-secondary">
              Checked {formatDate(query.data.checkedAt)} through {query.data.servers.join(', ')}.{' '}
              {problems === 0
                ? `Every required record is in place${despite ?? '.'}`
                : `${problems} required ${problems === 1 ? 'record needs' : 'records need'} attention.`}
            </Box>
          )}
          <Table
            variant="embedded"
            items={checks}
            loading={query.isPending}
            loadingText="Asking DNS"
            trackBy={(c) => `${c.purpose} ${c.type} ${c.name}`}
            wrapLines
            ariaLabels={{ tableLabel: 'DNS diagnostics' }}
            empty={<Box textAlign="center">No DNS records to check</Box>}
            columnDefinitions={stackedWhen<DnsCheck>(narrow, 'DNS record', [
              {
                id: 'purpose',
                header: 'Record',
                cell: (c) => `${purposeLabel[c.purpose]}${c.required ? '' : ' (recommended)'}`,
                width: 170,
              },
              { id: 'type', header: 'Type', cell: (c) => c.type, width: 80 },
              {
                id: 'name',
                header: 'Name',
                cell: (c) => <LongText>{c.name}</LongText>,
                isRowHeader: true,
              },
              {
                id: 'expected',
                header: 'Expected value',
                cell: (c) => <LongText>{c.expected}</LongText>,
              },
              { id: 'state', header: 'DNS answer', cell: (c) => <Answer check={c} />, width: 190 },
              { id: 'found', header: 'Value found', cell: (c) => <FoundValues check={c} /> },
            ])}
          />
        </SpaceBetween>
      )}
    </Container>
  );
}
