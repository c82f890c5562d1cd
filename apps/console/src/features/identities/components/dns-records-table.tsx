import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { DnsRecord } from '@ses-console/contract';
import { CopyValue } from '../../../components/copy-value';
import { downloadCsv } from '../../../lib/csv';

export function DnsRecordsTable({
  title,
  records,
  fileName,
  csv,
  showPublished,
}: {
  title: string;
  records: DnsRecord[];
  fileName: string;
  /** The file "Download .csv record set" saves: the identity's whole record set, not only this table's rows. */
  csv: () => string;
  showPublished: boolean;
}) {
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
              onClick={() => downloadCsv(fileName, csv())}
            >
              Download .csv record set
            </Button>
          }
        >
          {title}
        </Header>
      }
      empty={<Box textAlign="center">No DNS records to publish</Box>}
      columnDefinitions={[
        { id: 'type', header: 'Type', cell: (r) => r.type, width: 90 },
        {
          id: 'name',
          header: 'Name',
          cell: (r) => (
            <Box>
              <span style={{ wordBreak: 'break-all' }}>{r.name}</span>{' '}
              <CopyValue value={r.name} label="Name" />
            </Box>
          ),
          isRowHeader: true,
        },
        {
          id: 'value',
          header: 'Value',
          cell: (r) => (
            <Box>
              <span style={{ wordBreak: 'break-all' }}>{r.value}</span>{' '}
              <CopyValue value={r.value} label="Value" />
            </Box>
          ),
        },
        ...(showPublished
          ? [
              {
                id: 'route53',
                width: 160,
                header: 'Route 53',
                cell: (r: DnsRecord) =>
                  r.publishedInRoute53 ? (
                    <StatusIndicator type="success">Published</StatusIndicator>
                  ) : r.publishable ? (
                    <StatusIndicator type="pending">Not published</StatusIndicator>
                  ) : (
                    <StatusIndicator type="info">Publish yourself</StatusIndicator>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
