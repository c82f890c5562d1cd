import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { apiPaths, type IdentityDetail, policyDocumentSchema, policyNameSchema } from '@ses-console/contract';
import { useState } from 'react';
import { TableEmptyState } from '../../../components/table-states';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { usePolicyMutation } from '../api/use-policy-mutations';

interface Policy {
  name: string;
  document: string;
}

/** A starting point that only needs an account id: allow it to send from this identity. */
export function policyTemplate(detail: IdentityDetail): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowSend',
          Effect: 'Allow',
          Principal: { AWS: ['123456789012'] },
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Resource: detail.arn,
        },
      ],
    },
    null,
    2,
  );
}

function pretty(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}

type Editor = { mode: 'create' | 'edit'; name: string; document: string };

export function AuthorizationTab({ detail }: { detail: IdentityDetail }) {
  // Policies are an admin's: create, edit and delete need the admin role.
  const mayChange = useCan('post', apiPaths.policies);
  const { notify } = useNotifications();
  const mutation = usePolicyMutation(detail.region, detail.name);
  const policies: Policy[] = Object.entries(detail.policies).map(([name, document]) => ({ name, document }));
  const [selected, setSelected] = useState<Policy[]>([]);
  const [viewing, setViewing] = useState<Policy | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const current = selected[0] && policies.find((p) => p.name === selected[0]?.name);

  const nameError = editor?.mode === 'create' ? policyNameSchema.safeParse(editor.name) : undefined;
  const docResult = editor ? policyDocumentSchema.safeParse(editor.document) : undefined;
  const errors = {
    name: submitted && nameError && !nameError.success ? nameError.error.issues[0]?.message : undefined,
    document: submitted && docResult && !docResult.success ? docResult.error.issues[0]?.message : undefined,
  };

  const save = () => {
    if (!editor) return;
    setSubmitted(true);
    if ((nameError && !nameError.success) || !docResult?.success) return;
    mutation.mutate(
      editor.mode === 'create'
        ? { kind: 'create', name: editor.name, document: editor.document }
        : { kind: 'update', name: editor.name, document: editor.document },
      {
        onSuccess: () => {
          notify({
            id: `policy-${detail.name}-${editor.name}`,
            type: 'success',
            content: `Policy ${editor.name} was ${editor.mode === 'create' ? 'created' : 'saved'}.`,
          });
          setEditor(null);
        },
      },
    );
  };

  if (editor) {
    return (
      <Container
        header={
          <Header variant="h2">
            {editor.mode === 'create' ? 'Create policy' : `Edit policy ${editor.name}`}
          </Header>
        }
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Form
            errorText={mutation.error ? describeError(mutation.error) : undefined}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button formAction="none" variant="link" onClick={() => setEditor(null)}>
                  Cancel
                </Button>
                <Button variant="primary" loading={mutation.isPending}>
                  {editor.mode === 'create' ? 'Create policy' : 'Save changes'}
                </Button>
              </SpaceBetween>
            }
          >
            <SpaceBetween size="l">
              {editor.mode === 'create' && (
                <FormField
                  label="Policy name"
                  constraintText="Letters, digits, _ and -; up to 64 characters."
                  errorText={errors.name}
                >
                  <Input
                    value={editor.name}
                    onChange={({ detail: d }) => setEditor({ ...editor, name: d.value })}
                  />
                </FormField>
              )}
              <FormField
                label="Policy document"
                description="A JSON sending-authorization policy (at most 4 KB)."
                errorText={errors.document}
                stretch
              >
                <Textarea
                  value={editor.document}
                  rows={16}
                  spellcheck={false}
                  onChange={({ detail: d }) => setEditor({ ...editor, document: d.value })}
                />
              </FormField>
            </SpaceBetween>
          </Form>
        </form>
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
                {mayChange && (
                  <Button disabled={!current} onClick={() => setConfirmDelete(true)}>
                    Delete
                  </Button>
                )}
                <Button
                  disabled={!current || !mayChange}
                  onClick={() => {
                    if (!current) return;
                    mutation.reset();
                    setSubmitted(false);
                    setEditor({ mode: 'edit', name: current.name, document: pretty(current.document) });
                  }}
                >
                  Edit
                </Button>
                {mayChange && (
                  <Button
                    variant="primary"
                    onClick={() => {
                      mutation.reset();
                      setSubmitted(false);
                      setEditor({ mode: 'create', name: '', document: policyTemplate(detail) });
                    }}
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
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{viewing ? pretty(viewing.document) : ''}</pre>
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
