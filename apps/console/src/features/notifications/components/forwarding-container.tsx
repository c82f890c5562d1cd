import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { FORWARDING_RULE, type NotificationSettings } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { useForwardingEdit } from '../hooks/use-notification-edits';
import { forwardingProblem } from '../model/feedback-notifications-form';

/**
 * Email feedback forwarding: SES emails bounces and complaints to the sender. SES lets it be switched
 * off only while Bounce and Complaint go to SNS topics; the form says so before Save and refuses to
 * send a change SES would refuse, and shows SES's own words if it still does.
 */
export function ForwardingContainer(props: {
  region: string;
  identity: string;
  settings: NotificationSettings;
}) {
  const { settings } = props;
  const edit = useForwardingEdit(props);
  const enabled = edit.draft;
  const blocked = forwardingProblem(settings, false);
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
              value: settings.forwardingEnabled ? (
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
          <SpaceBetween size="m">
            {blocked && settings.forwardingEnabled && <Alert type="info">{blocked}</Alert>}
            <FormField
              label="Email feedback forwarding"
              description={`${FORWARDING_RULE}.`}
              errorText={edit.errors.forwardingEnabled}
            >
              <Checkbox
                ref={edit.fieldRef('forwardingEnabled')}
                checked={enabled}
                onChange={({ detail }) => edit.setDraft(detail.checked)}
              >
                Enabled
              </Checkbox>
            </FormField>
          </SpaceBetween>
        )
      }
    />
  );
}
