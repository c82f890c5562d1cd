import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { apiPaths, type IdentityDetail } from '@ses-console/contract';
import { useState } from 'react';
import { EditableContainer } from '../../../components/editable-container';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { useEditIdentity } from '../api/use-edit-identity';

export function NotificationsTab({ detail }: { detail: IdentityDetail }) {
  const canEdit = useCan('put', apiPaths.feedback);
  const { notify } = useNotifications();
  const edit = useEditIdentity('feedback', detail.region, detail.name);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  return (
    <EditableContainer
      canEdit={canEdit}
      title="Email feedback forwarding"
      description="When enabled, SES emails bounce and complaint notifications to the sender (or Return-Path) address."
      editing={enabled !== null}
      saving={edit.isPending}
      error={edit.error ? describeError(edit.error) : undefined}
      onEdit={() => {
        edit.reset();
        setEnabled(detail.feedbackForwardingEnabled);
      }}
      onCancel={() => setEnabled(null)}
      onSave={() => {
        if (enabled === null) return;
        edit.mutate(
          { emailForwardingEnabled: enabled },
          {
            onSuccess: () => {
              setEnabled(null);
              notify({
                id: `feedback-${detail.name}`,
                type: 'success',
                content: `Email feedback forwarding of ${detail.name} is now ${enabled ? 'enabled' : 'disabled'}.`,
              });
            },
          },
        );
      }}
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
            <Checkbox checked={enabled} onChange={({ detail: d }) => setEnabled(d.checked)}>
              Enabled
            </Checkbox>
          </FormField>
        )
      }
    />
  );
}
