import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { DnsRecord, IdentityDetail } from '@ses-console/contract';
import { CopyValue } from '../../../components/copy-value';
import { stackedWhen } from '../../../components/stacked-columns';
import { LongText, StatusText } from '../../../components/text-wrapping';
import { useNarrowLayout } from '../../../hooks/use-viewport';
import { downloadCsv } from '../../../lib/csv';
import { recordSetToCsv } from '../model/dns-record-set';

/** A value with its copy button; DNS names and keys are long and break where they must. */
function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <Box>
      <LongText>{value}</LongText> <CopyValue value={value} label={label} />
    </Box>
  );
}

/**
 * Some of an identity's records (DKIM, or MAIL FROM) with copy buttons; "Download .csv record set"
 * saves the identity's whole record set, and the Route 53 column shows once a hosted zone covers the
 * domain.
 */
export function DnsRecordsTable({
  detail,
  title,
  records,
}: {
  detail: IdentityDetail;
  title: string;
  records: DnsRecord[];
}) {
  const showPublished = !!detail.hostedZone;
  // Narrow screens: each record's fields one under the other (four columns leave no room for values).
  const narrow = useNarrowLayout();
  return (
    <Table
      variant="embedded"
      items={records}
      trackBy={(r) => `${r.type} ${r.name} ${r.value}`}
      wrapLines
      ariaLabels={{ tableLabel: title }}
      header={
        <Header
          variant="h3"
          counter={`(${records.length})`}
          actions={
            <Button
              iconName="download"
              disabled={records.length === 0}
              onClick={() =>
                downloadCsv(`${detail.name}-dns-records.csv`, recordSetToCsv(detail.name, detail.dnsRecords))
              }
            >
              Download .csv record set
            </Button>
          }
        >
          {title}
        </Header>
      }
      empty={<Box textAlign="center">No DNS records to publish</Box>}
      columnDefinitions={stackedWhen<DnsRecord>(narrow, 'DNS record', [
        { id: 'type', header: 'Type', cell: (r) => r.type, width: 90 },
        {
          id: 'name',
          header: 'Name',
          cell: (r) => <Copyable value={r.name} label="Name" />,
          isRowHeader: true,
        },
        {
          id: 'value',
          header: 'Value',
          cell: (r) => <Copyable value={r.value} label="Value" />,
        },
        ...(showPublished
          ? [
              {
                id: 'route53',
                width: 160,
                header: 'Route 53',
                cell: (r: DnsRecord) =>
                  r.publishedInRoute53 ? (
                    <StatusText type="success">Published</StatusText>
                  ) : r.publishable ? (
                    <StatusText type="pending">Not published</StatusText>
                  ) : (
                    <StatusText type="info">Publish yourself</StatusText>
                  ),
              },
            ]
          : []),
      ])}
    />
  );
}
