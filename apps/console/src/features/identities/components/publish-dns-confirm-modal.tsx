import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { PublishChange, PublishPlan } from '@ses-console/contract';

const actionLabel: Record<PublishChange['action'], string> = {
  create: 'Added (new record)',
  add: 'Added next to the existing values',
  merge: 'Merged into the existing record',
  replace: 'Replaced',
};

const changesExisting = (c: PublishChange) => c.action === 'merge' || c.action === 'replace';

function Values({ values }: { values: string[] }) {
  if (values.length === 0) return <Box color="text-status-inactive">None</Box>;
  return (
    <SpaceBetween size="xxxs">
      {values.map((v) => (
        <Box key={v} variant="code">
          {v}
        </Box>
      ))}
    </SpaceBetween>
  );
}

/**
 * What publishing would do to records that are already in the hosted zone, asked before anything is
 * written (props only: the button owns the request and the notifications).
 */
export function PublishDnsConfirmModal({
  plan,
  zoneName,
  label,
  publishing,
  onConfirm,
  onDismiss,
}: {
  plan: PublishPlan | undefined;
  zoneName: string;
  label: string;
  publishing: boolean;
  onConfirm(planId: string): void;
  onDismiss(): void;
}) {
  const changing = plan?.changes.filter(changesExisting) ?? [];
  const others = plan?.changes.filter((c) => !changesExisting(c)) ?? [];
  return (
    <Modal
      visible={plan !== undefined}
      onDismiss={() => !publishing && onDismiss()}
      header="Change existing DNS records?"
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss} disabled={publishing}>
              Cancel
            </Button>
            <Button
              variant="primary"
              loading={publishing}
              loadingText="Publishing DNS records"
              onClick={() => plan && onConfirm(plan.planId)}
            >
              Publish and change records
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Box>
          Hosted zone {zoneName} already has records where the {label} records go. Publishing would change{' '}
          {changing.length === 1 ? 'this record' : `these ${changing.length} records`}; nothing is written
          until you confirm.
        </Box>
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: 'Records publishing would change' }}
          items={changing}
          trackBy={(c) => `${c.type} ${c.name}`}
          wrapLines
          columnDefinitions={[
            { id: 'record', header: 'Record', cell: (c) => `${c.type} ${c.name}` },
            { id: 'change', header: 'Change', cell: (c) => actionLabel[c.action] },
            { id: 'now', header: 'Now', cell: (c) => <Values values={c.existing} /> },
            { id: 'after', header: 'After publishing', cell: (c) => <Values values={c.values} /> },
            { id: 'note', header: 'What it means', cell: (c) => c.note ?? '-' },
          ]}
        />
        {changing.some((c) => c.action === 'replace' && c.type === 'MX') && (
          <Alert type="warning" header="Mail to this name would stop arriving where it goes now">
            SES needs its MX record to be the only one on a MAIL FROM domain. If this name receives mail,
            choose another MAIL FROM domain instead.
          </Alert>
        )}
        {others.length > 0 && (
          <Box>
            Also added:{' '}
            {others.map((c) => `${c.type} ${c.name} (${actionLabel[c.action].toLowerCase()})`).join(', ')}.
          </Box>
        )}
      </SpaceBetween>
    </Modal>
  );
}
