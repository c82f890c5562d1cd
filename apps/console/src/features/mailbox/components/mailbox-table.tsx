import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { MailboxMessage } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { loadErrorOr, TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { countOf } from '../../../lib/plural';
import { mailboxQueryOptions } from '../api/mailbox-queries';
import { MessageViewer } from './message-viewer';

export function MailboxTable({
  region,
  selectedId,
  onSelect,
}: {
  region: string;
  selectedId: string | null;
  onSelect(id: string | null): void;
}) {
  const query = useQuery(mailboxQueryOptions(region));
  const { items, collectionProps, filterProps, paginationProps, actions, filteredItemsCount } = useCollection(
    query.data ?? [],
    {
      filtering: {
        filteringFunction: (m, text) =>
          [m.from, m.subject, m.configurationSetName ?? '', ...m.to].some((v) =>
            v.toLowerCase().includes(text.trim().toLowerCase()),
          ),
        empty: (
          <TableEmptyState
            title="No messages"
            subtitle={`Mail sent through the emulator in ${region} shows up here.`}
          />
        ),
        noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
      },
      pagination: { pageSize: 20 },
    },
  );
  const selected = query.data?.find((m) => m.id === selectedId);
  return (
    <SpaceBetween size="l">
      <Table<MailboxMessage>
        {...collectionProps}
        items={items}
        trackBy="id"
        wrapLines
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => onSelect(detail.selectedItems[0]?.id ?? null)}
        loading={query.isPending}
        loadingText="Loading messages"
        ariaLabels={{
          tableLabel: 'Captured messages',
          itemSelectionLabel: (_, m) => `Select message ${m.subject}`,
          selectionGroupLabel: 'Message selection',
        }}
        columnDefinitions={[
          { id: 'subject', header: 'Subject', cell: (m) => m.subject || '(no subject)', isRowHeader: true },
          { id: 'from', header: 'From', cell: (m) => m.from },
          { id: 'to', header: 'To', cell: (m) => m.to.join(', ') },
          { id: 'configurationSet', header: 'Configuration set', cell: (m) => m.configurationSetName ?? '-' },
          { id: 'sentAt', header: 'Sent at', cell: (m) => new Date(m.sentAt).toLocaleString() },
        ]}
        empty={loadErrorOr(query, 'The mailbox could not be loaded', collectionProps.empty)}
        header={
          <Header
            variant="h2"
            counter={query.data ? `(${query.data.length})` : undefined}
            description={`Every message the emulator accepted in ${region}, newest first, including verification emails.`}
            actions={
              <Button iconName="refresh" ariaLabel="Refresh mailbox" onClick={() => query.refetch()} />
            }
          >
            Messages
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Filter messages"
            filteringAriaLabel="Filter messages"
            countText={countOf(filteredItemsCount ?? 0, 'match', 'matches')}
          />
        }
        pagination={<Pagination {...paginationProps} />}
      />
      {selected && <MessageViewer message={selected} />}
    </SpaceBetween>
  );
}
