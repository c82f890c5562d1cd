import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { apiPaths, type IdentityDetail } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { useEditInPlace } from '../../../hooks/use-edit-in-place';
import { useCan } from '../../../lib/session-queries';
import { useEditIdentity } from '../api/use-edit-identity';

export function NotificationsTab({ detail }: { detail: IdentityDetail }) {
  const canEdit = useCan('put', apiPaths.feedback);
  const mutation = useEditIdentity('feedback', detail.region, detail.name);
  const edit = useEditInPlace({
    initialDraft: () => detail.feedbackForwardingEnabled,
    toRequest: (enabled) => ({ emailForwardingEnabled: enabled }),
    submit: mutation.mutateAsync,
    success: ({ emailForwardingEnabled }) => ({
      id: `feedback-${detail.name}`,
      type: 'success',
      content: `Email feedback forwarding of ${detail.name} is now ${emailForwardingEnabled ? 'enabled' : 'disabled'}.`,
    }),
  });
  const enabled = edit.draft;
  return (
    <EditableContainer
      canEdit={canEdit}
      title="Email feedback forwarding"
      description="When enabled, SES emails bounce and complaint notifications to the sender (or Return-Path) address."
      {...edit.container}
      view={
        <KeyValuePairs
          columns={1}
          items={[
            {
              label: 'Email feedback forwarding',
              value: detail.feedbackForwardingEnabled ? (
                <StatusIndicator type="success">Enabled</StatusIndicator>
              ) : (
                <StatusIndicator type="stopped">Disabled</StatusIndicator>
              ),
            },
          ]}
        />
      }
      form={
        enabled !== null && (
          <FormField
            label="Email feedback forwarding"
            description="SES only lets you disable it when bounce and complaint notifications go to SNS topics."
          >
            <Checkbox checked={enabled} onChange={({ detail: d }) => edit.setDraft(d.checked)}>
              Enabled
            </Checkbox>
          </FormField>
        )
      }
    />
  );
}
