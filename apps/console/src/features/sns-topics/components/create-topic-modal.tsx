import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { type SnsTopic, snsTopicNameSchema } from '@ses-console/contract';
import { useEffect, useRef, useState } from 'react';
import { SubmitForm } from '../../../components/submit-form';
import { useFormSubmission } from '../../../hooks/use-form-submission';
import { useCreateSnsTopic } from '../api/sns-topic-queries';

const fields = ['name'] as const;

/** Create topic (emulator): a name by SNS's rule; the new topic is answered to `onCreated`. */
export function CreateTopicModal(props: {
  region: string;
  visible: boolean;
  onDismiss(): void;
  onCreated(topic: SnsTopic): void;
}) {
  const { region, visible } = props;
  const [name, setName] = useState('');
  const create = useCreateSnsTopic(region);
  const parsed = snsTopicNameSchema.safeParse(name.trim());
  const submission = useFormSubmission({
    fields,
    clientErrors: { name: parsed.success ? undefined : parsed.error.issues[0]?.message },
    fieldForPath: (path) => (path === 'name' ? 'name' : undefined),
  });
  const input = useRef<InputProps.Ref>(null);
  const { reset } = submission;
  // A dialog that opens starts empty, on its field (the modal focuses its first control after this
  // component's effects, so this waits a tick).
  useEffect(() => {
    if (!visible) return;
    setName('');
    reset();
    const timer = setTimeout(() => input.current?.focus());
    return () => clearTimeout(timer);
  }, [visible, reset]);
  const submit = async () => {
    const outcome = await submission.submit(() => create.mutateAsync({ name: name.trim() }));
    if (outcome.ok) props.onCreated(outcome.value);
  };
  return (
    <Modal visible={visible} onDismiss={props.onDismiss} header="Create topic" closeAriaLabel="Close">
      <SubmitForm
        failure={submission.failure}
        submitLabel="Create topic"
        loadingText="Creating topic"
        submitting={create.isPending}
        onSubmit={() => void submit()}
        onCancel={props.onDismiss}
      >
        <SpaceBetween size="m">
          <Box variant="p">A standard topic in {region} on the built-in emulator.</Box>
          <FormField
            label="Name"
            description="Letters, digits, hyphens (-) and underscores (_); up to 256 characters."
            errorText={submission.errors.name}
          >
            <Input
              ref={(el) => {
                input.current = el;
                submission.fieldRef('name')(el);
              }}
              value={name}
              placeholder="ses-feedback"
              onChange={({ detail }) => setName(detail.value)}
            />
          </FormField>
        </SpaceBetween>
      </SubmitForm>
    </Modal>
  );
}

/** Delete topic (emulator), after confirmation: its subscriptions go with it. */
export function DeleteTopicModal(props: {
  topic: SnsTopic | undefined;
  deleting: boolean;
  error?: string;
  onDismiss(): void;
  onConfirm(): void;
}) {
  const { topic } = props;
  return (
    <Modal
      visible={topic !== undefined}
      onDismiss={props.onDismiss}
      header={`Delete ${topic?.name ?? 'topic'}?`}
      closeAriaLabel="Close"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={props.onDismiss} disabled={props.deleting}>
              Cancel
            </Button>
            <Button variant="primary" onClick={props.onConfirm} loading={props.deleting}>
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="s">
        <Box variant="p">
          The topic {topic?.arn} and its subscriptions are deleted. Identities that send feedback to it stop
          receiving notifications there.
        </Box>
        {props.error && <Box color="text-status-error">{props.error}</Box>}
      </SpaceBetween>
    </Modal>
  );
}
