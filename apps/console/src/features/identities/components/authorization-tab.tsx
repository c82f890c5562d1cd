import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import type { IdentityDetail } from '@ses-console/contract';
import { useState } from 'react';
import { SubmitForm } from '../../../components/submit-form';
import { TableEmptyState } from '../../../components/table-states';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { usePolicyMutation } from '../api/use-policy-mutations';
import { usePolicyEditor } from '../hooks/use-identity-edits';
import { prettyPolicy } from '../model/policy-document';
import { PolicyGenerator } from './policy-generator';

interface Policy {
  name: string;
  document: string;
}

export function AuthorizationTab({ detail }: { detail: IdentityDetail }) {
  const { notify } = useNotifications();
  // Deleting is its own request (asked in a dialog, answered in the Flashbar).
  const mutation = usePolicyMutation(detail.region, detail.name);
  const policies: Policy[] = Object.entries(detail.policies).map(([name, document]) => ({ name, document }));
  const [selected, setSelected] = useState<Policy[]>([]);
  const [viewing, setViewing] = useState<Policy | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const current = selected[0] && policies.find((p) => p.name === selected[0]?.name);
  // The editor replaces the table; Cancel or saving brings focus back to the button that opened it.
  const edit = usePolicyEditor(detail);
  const editor = edit.draft;
  const setEditor = edit.setDraft;
  const errors = edit.errors;

  if (editor) {
    return (
      <Container
        header={
          <Header variant="h2">
            {editor.mode === 'create' ? 'Create policy' : `Edit policy ${editor.name}`}
          </Header>
        }
      >
        <SubmitForm
          failure={edit.failure}
          submitLabel={editor.mode === 'create' ? 'Create policy' : 'Save changes'}
          submitting={edit.saving}
          onSubmit={() => void edit.save()}
          onCancel={edit.cancel}
        >
          <SpaceBetween size="l">
            {editor.mode === 'create' && (
              <FormField
                label="Policy name"
                constraintText="Letters, digits, _ and -; up to 64 characters."
                errorText={errors.name}
              >
                <Input
                  ref={edit.fieldRef('name')}
                  value={editor.name}
                  onChange={({ detail: d }) => setEditor({ ...editor, name: d.value })}
                />
              </FormField>
            )}
            {editor.mode === 'create' && (
              <PolicyGenerator
                detail={detail}
                onGenerate={(document) => setEditor({ ...editor, document })}
              />
            )}
            <FormField
              label="Policy document"
              description={
                editor.mode === 'create'
                  ? 'A JSON sending-authorization policy (at most 4 KB): generate it above, then change it as you need.'
                  : 'A JSON sending-authorization policy (at most 4 KB).'
              }
              errorText={errors.document}
              stretch
            >
              <Textarea
                ref={edit.fieldRef('document')}
                value={editor.document}
                rows={16}
                spellcheck={false}
                onChange={({ detail: d }) => setEditor({ ...editor, document: d.value })}
              />
            </FormField>
          </SpaceBetween>
        </SubmitForm>
      </Container>
    );
  }

  return (
    <>
      <Table
        items={policies}
        trackBy="name"
        selectionType="single"
        selectedItems={current ? [current] : []}
        onSelectionChange={({ detail: d }) => setSelected([...d.selectedItems])}
        ariaLabels={{
          tableLabel: 'Authorization policies',
          itemSelectionLabel: (_, p) => `Select ${p.name}`,
          selectionGroupLabel: 'Policy selection',
        }}
        header={
          <Header
            variant="h2"
            counter={`(${policies.length})`}
            description="Sending authorization policies let other accounts or IAM users send from this identity."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {edit.canEdit && (
                  <Button disabled={!current} onClick={() => setConfirmDelete(true)}>
                    Delete
                  </Button>
                )}
                <Button
                  ref={edit.openerRef('edit')}
                  disabled={!current || !edit.canEdit}
                  onClick={() =>
                    current &&
                    edit.open(
                      { mode: 'edit', name: current.name, document: prettyPolicy(current.document) },
                      'edit',
                    )
                  }
                >
                  Edit
                </Button>
                {edit.canEdit && (
                  <Button
                    variant="primary"
                    ref={edit.openerRef('create')}
                    onClick={() => edit.open(undefined, 'create')}
                  >
                    Create policy
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Authorization policies
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (p) => p.name, isRowHeader: true },
          {
            id: 'view',
            header: 'Policy document',
            cell: (p) => (
              <Button
                variant="inline-link"
                ariaLabel={`View JSON of ${p.name}`}
                onClick={() => setViewing(p)}
              >
                View JSON
              </Button>
            ),
          },
        ]}
        empty={<TableEmptyState title="No policies" subtitle="No one else can send from this identity." />}
      />
      <Modal
        visible={viewing !== null}
        onDismiss={() => setViewing(null)}
        header={`Policy ${viewing?.name ?? ''}`}
        size="large"
        footer={
          <Box float="right">
            <Button variant="primary" onClick={() => setViewing(null)}>
              Close
            </Button>
          </Box>
        }
      >
        <Box variant="code">
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {viewing ? prettyPolicy(viewing.document) : ''}
          </pre>
        </Box>
      </Modal>
      <Modal
        visible={confirmDelete}
        onDismiss={() => setConfirmDelete(false)}
        header={`Delete policy ${current?.name ?? ''}?`}
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setConfirmDelete(false)}>
                Cancel
              </Button>
              <Button
                variant="primary"
                loading={mutation.isPending}
                onClick={() =>
                  current &&
                  mutation.mutate(
                    { kind: 'delete', name: current.name },
                    {
                      onSuccess: () => {
                        setConfirmDelete(false);
                        setSelected([]);
                        notify({
                          id: `policy-${detail.name}-${current.name}`,
                          type: 'success',
                          content: `Policy ${current.name} was deleted.`,
                        });
                      },
                      onError: (error) =>
                        notify({
                          id: `policy-${detail.name}-${current.name}`,
                          type: 'error',
                          header: 'The policy could not be deleted',
                          content: describeError(error),
                        }),
                    },
                  )
                }
              >
                Delete
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        Whoever this policy authorizes can no longer send from {detail.name}. You can&apos;t undo this action.
      </Modal>
    </>
  );
}
