import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { apiPaths, type SnsTopic } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { loadErrorOr, TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { LongText } from '../../../components/text-wrapping';
import { useAccount } from '../../../hooks/use-account';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { countOf } from '../../../lib/plural';
import { useCan } from '../../../lib/session-queries';
import { snsTopicsQueryOptions, useDeleteSnsTopic } from '../api/sns-topic-queries';
import { CreateTopicModal, DeleteTopicModal } from './create-topic-modal';

/**
 * The Region's SNS topics on the emulator: select one to see its messages; Create topic and Delete
 * (after confirmation), each offered by its route's access rule.
 */
export function SnsTopicsTable(props: {
  region: string;
  selectedName: string | null;
  onSelect(topic: SnsTopic | null): void;
}) {
  const { region, selectedName } = props;
  const { account } = useAccount();
  const query = useQuery(snsTopicsQueryOptions(account, region));
  const { notify } = useNotifications();
  const canCreate = useCan('post', apiPaths.emulatorSnsTopics);
  const canDelete = useCan('delete', apiPaths.emulatorSnsTopic);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<SnsTopic | undefined>(undefined);
  const remove = useDeleteSnsTopic(region);
  const createButton = useRef<HTMLButtonElement | null>(null);
  const deleteButton = useRef<HTMLButtonElement | null>(null);
  const topics = query.data?.topics ?? [];
  const { items, collectionProps, filterProps, paginationProps, actions, filteredItemsCount } = useCollection(
    topics,
    {
      filtering: {
        filteringFunction: (t, text) => t.arn.toLowerCase().includes(text.trim().toLowerCase()),
        empty: (
          <TableEmptyState
            title="No topics"
            subtitle={`No SNS topic in ${region} yet.`}
            action={
              <Button onClick={() => setCreating(true)} disabled={!canCreate}>
                Create topic
              </Button>
            }
          />
        ),
        noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
      },
      pagination: { pageSize: 20 },
    },
  );
  const selected = topics.find((t) => t.name === selectedName);
  return (
    <>
      <Table<SnsTopic>
        {...collectionProps}
        items={items}
        trackBy="arn"
        wrapLines
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => props.onSelect(detail.selectedItems[0] ?? null)}
        loading={query.isPending}
        loadingText="Loading topics"
        ariaLabels={{
          tableLabel: 'SNS topics',
          itemSelectionLabel: (_, t) => `Select topic ${t.name}`,
          selectionGroupLabel: 'Topic selection',
        }}
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (t) => t.name, isRowHeader: true },
          { id: 'arn', header: 'ARN', cell: (t) => <LongText>{t.arn}</LongText> },
        ]}
        empty={loadErrorOr(query, 'The topics could not be loaded', collectionProps.empty)}
        header={
          <Header
            variant="h2"
            counter={query.data ? `(${topics.length}${query.data.truncated ? '+' : ''})` : undefined}
            description={`Standard topics of the built-in emulator in ${region}.`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh topics" onClick={() => query.refetch()} />
                <Button
                  ref={deleteButton}
                  disabled={!selected || !canDelete}
                  onClick={() => setDeleting(selected)}
                >
                  Delete
                </Button>
                <Button
                  ref={createButton}
                  variant="primary"
                  disabled={!canCreate}
                  onClick={() => setCreating(true)}
                >
                  Create topic
                </Button>
              </SpaceBetween>
            }
          >
            SNS topics
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Filter topics"
            filteringAriaLabel="Filter topics"
            countText={countOf(filteredItemsCount ?? 0, 'match', 'matches')}
          />
        }
        pagination={<Pagination {...paginationProps} />}
      />
      <CreateTopicModal
        region={region}
        visible={creating}
        onDismiss={() => {
          setCreating(false);
          createButton.current?.focus();
        }}
        onCreated={(topic) => {
          setCreating(false);
          props.onSelect(topic);
          notify({
            id: `sns-topic-${topic.arn}`,
            type: 'success',
            content: `Topic ${topic.name} was created.`,
          });
          createButton.current?.focus();
        }}
      />
      {deleting && (
        <DeleteTopicModal
          topic={deleting}
          deleting={remove.isPending}
          error={remove.error ? describeError(remove.error) : undefined}
          onDismiss={() => {
            setDeleting(undefined);
            remove.reset();
            deleteButton.current?.focus();
          }}
          onConfirm={() => {
            const topic = deleting;
            if (!topic) return;
            remove.mutate(topic.name, {
              onSuccess: () => {
                setDeleting(undefined);
                props.onSelect(null);
                notify({
                  id: `sns-topic-${topic.arn}`,
                  type: 'success',
                  content: `Topic ${topic.name} was deleted.`,
                });
                createButton.current?.focus();
              },
            });
          }}
        />
      )}
    </>
  );
}
