import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { DeleteResult } from '@ses-console/contract';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { StatusText } from '../../../components/text-wrapping';
import type { DeleteRowResult } from '../model/delete-outcome';

export const CONFIRMATION_WORD = 'delete';

export type DeletePhase = 'confirm' | 'deleting' | 'done';

export interface DeleteIdentitiesModalProps {
  visible: boolean;
  /** The rows to delete: keyed by region + name, named as the page names them. */
  identities: { key: string; label: string }[];
  phase: DeletePhase;
  results: DeleteRowResult[];
  error?: string;
  onDismiss(): void;
  onConfirm(): void;
}

const outcomeDisplay: Record<DeleteResult['outcome'], ReactNode> = {
  deleted: <StatusText type="success">Deleted</StatusText>,
  not_found: <StatusText type="info">Already gone</StatusText>,
  failed: <StatusText type="error">Failed</StatusText>,
  // A delete was sent but never confirmed: it may or may not have run.
  unknown: <StatusText type="warning">Not confirmed</StatusText>,
};

/** Props only: `useDeleteIdentitiesFlow` owns the request, the results and notifications. */
export function DeleteIdentitiesModal(props: DeleteIdentitiesModalProps) {
  const { visible, identities, phase, results, error, onDismiss, onConfirm } = props;
  const [typed, setTyped] = useState('');
  const many = identities.length > 1;
  const confirmation = useRef<InputProps.Ref>(null);
  useEffect(() => {
    if (visible) setTyped('');
  }, [visible]);
  // The dialog opens on what it asks for: the confirmation field, not Close. The modal's focus lock
  // focuses its first control once it has mounted (after this component's effects), so this waits a tick.
  useEffect(() => {
    if (!visible || !many || phase !== 'confirm') return;
    const timer = setTimeout(() => confirmation.current?.focus());
    return () => clearTimeout(timer);
  }, [visible, many, phase]);
  const confirmed = !many || typed.trim().toLowerCase() === CONFIRMATION_WORD;
  const header =
    phase === 'done'
      ? 'Delete results'
      : many
        ? `Delete ${identities.length} identities?`
        : `Delete ${identities[0]?.label ?? 'identity'}?`;

  return (
    <Modal
      visible={visible}
      onDismiss={() => phase !== 'deleting' && onDismiss()}
      header={header}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          {phase === 'done' ? (
            <Button variant="primary" onClick={onDismiss}>
              Close
            </Button>
          ) : (
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={onDismiss} disabled={phase === 'deleting'}>
                Cancel
              </Button>
              <Button
                variant="primary"
                onClick={onConfirm}
                disabled={!confirmed}
                loading={phase === 'deleting'}
                loadingText="Deleting identities"
              >
                Delete
              </Button>
            </SpaceBetween>
          )}
        </Box>
      }
    >
      {phase === 'done' ? (
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: 'Delete results' }}
          items={results}
          trackBy="key"
          columnDefinitions={[
            { id: 'identity', header: 'Identity', cell: (r) => r.label, isRowHeader: true },
            { id: 'outcome', header: 'Result', cell: (r) => outcomeDisplay[r.outcome] },
            { id: 'message', header: 'Reason', cell: (r) => r.message ?? '-' },
          ]}
        />
      ) : (
        <SpaceBetween size="m">
          <Box variant="span">
            {many ? 'Permanently delete these identities?' : 'Permanently delete this identity?'} You
            can&apos;t undo this action: mail can no longer be sent from them until they are created and
            verified again.
          </Box>
          <ul aria-label="Identities to delete">
            {identities.map((row) => (
              <li key={row.key}>
                <Box variant="strong">{row.label}</Box>
              </li>
            ))}
          </ul>
          {many && (
            <FormField label={`To confirm deletion, type "${CONFIRMATION_WORD}" in the field.`}>
              <Input
                ref={confirmation}
                value={typed}
                onChange={({ detail }) => setTyped(detail.value)}
                placeholder={CONFIRMATION_WORD}
                disabled={phase === 'deleting'}
              />
            </FormField>
          )}
          {error && (
            <Alert type="error" header="The identities could not be deleted">
              {error}
            </Alert>
          )}
        </SpaceBetween>
      )}
    </Modal>
  );
}
