import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { IdentityDetail } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { useFeedbackEdit } from '../hooks/use-identity-edits';

export function NotificationsTab({ detail }: { detail: IdentityDetail }) {
  const edit = useFeedbackEdit(detail);
  const enabled = edit.draft;
  return (
    <EditableContainer
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
