import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import {
  type FeedbackType,
  feedbackTypeLabels,
  feedbackTypes,
  type NotificationSettings,
  type SnsTopic,
} from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { LongText } from '../../../components/text-wrapping';
import { useFeedbackNotificationsEdit } from '../hooks/use-notification-edits';
import { type FeedbackTypeDraft, NO_TOPIC, OTHER_TOPIC } from '../model/feedback-notifications-form';

interface FeedbackNotificationsProps {
  region: string;
  identity: string;
  settings: NotificationSettings;
  topics: SnsTopic[];
  topicsLoading: boolean;
  /** Why the Region's topics could not be listed (the ARN field still works). */
  topicsError?: string;
}

const typeDescriptions: Record<FeedbackType, string> = {
  bounce: 'Mail that a receiving server refused, now or later.',
  complaint: 'Recipients who marked the mail as spam.',
  delivery: 'Mail that a receiving server accepted.',
};

function topicOptions(topics: SnsTopic[], region: string): SelectProps.Options {
  const own = topics.map((t) => ({ value: t.arn, label: t.name, description: t.arn }));
  return [
    { value: NO_TOPIC, label: 'No SNS topic' },
    own.length > 0
      ? { label: `SNS topics in ${region}`, options: own }
      : { value: 'none-in-region', label: `No SNS topics in ${region} yet`, disabled: true },
    {
      value: OTHER_TOPIC,
      label: "SNS topic you don't own",
      description: 'Enter the ARN of a topic in another account',
    },
  ];
}

function selectedOption(draft: FeedbackTypeDraft, topics: SnsTopic[]): SelectProps.Option {
  if (draft.choice === NO_TOPIC) return { value: NO_TOPIC, label: 'No SNS topic' };
  if (draft.choice === OTHER_TOPIC) return { value: OTHER_TOPIC, label: "SNS topic you don't own" };
  const topic = topics.find((t) => t.arn === draft.choice);
  return { value: draft.choice, label: topic?.name ?? draft.choice };
}

/**
 * Feedback notifications, as the SES console has them: per type (Bounce, Complaint, Delivery) the SNS
 * topic SES publishes to and whether the original headers go along. Edit picks one of the Region's
 * topics, No SNS topic, or the ARN of a topic in another account.
 */
export function FeedbackNotificationsContainer(props: FeedbackNotificationsProps) {
  const { region, identity, settings, topics } = props;
  const edit = useFeedbackNotificationsEdit({ region, identity, settings }, topics);
  const { draft, setDraft } = edit;
  const options = topicOptions(topics, region);
  const change = (type: FeedbackType, next: Partial<FeedbackTypeDraft>) => {
    if (draft) setDraft({ ...draft, [type]: { ...draft[type], ...next } });
  };

  return (
    <EditableContainer
      title="Feedback notifications"
      description="Amazon SES can publish bounce, complaint and delivery notifications to Amazon SNS topics."
      {...edit.container}
      view={
        <Table
          variant="borderless"
          items={feedbackTypes.map((type) => ({ type, ...settings[type] }))}
          trackBy="type"
          columnDefinitions={[
            { id: 'type', header: 'Feedback type', cell: (row) => feedbackTypeLabels[row.type] },
            {
              id: 'topic',
              header: 'SNS topic',
              cell: (row) => (row.topicArn ? <LongText>{row.topicArn}</LongText> : 'No SNS topic'),
            },
            {
              id: 'headers',
              header: 'Include original email headers',
              cell: (row) => (row.includeHeaders ? 'Yes' : 'No'),
            },
          ]}
        />
      }
      form={
        draft && (
          <SpaceBetween size="l">
            {feedbackTypes.map((type) => {
              const label = feedbackTypeLabels[type];
              const field = `${type}.topicArn` as const;
              const other = draft[type].choice === OTHER_TOPIC;
              return (
                <SpaceBetween size="xs" key={type}>
                  <FormField
                    label={`${label} feedback`}
                    description={typeDescriptions[type]}
                    errorText={other ? undefined : edit.errors[field]}
                  >
                    <Select
                      ref={other ? undefined : edit.fieldRef(field)}
                      selectedOption={selectedOption(draft[type], topics)}
                      onChange={({ detail }) =>
                        change(type, { choice: detail.selectedOption.value ?? NO_TOPIC })
                      }
                      options={options}
                      statusType={props.topicsLoading ? 'loading' : props.topicsError ? 'error' : 'finished'}
                      loadingText="Loading SNS topics"
                      errorText={props.topicsError}
                      filteringType="auto"
                    />
                  </FormField>
                  {other && (
                    <FormField
                      label={`${label} topic ARN`}
                      description="SES must be allowed to publish to it (its access policy)."
                      errorText={edit.errors[field]}
                    >
                      <Input
                        ref={edit.fieldRef(field)}
                        value={draft[type].otherArn}
                        placeholder={`arn:aws:sns:${region}:123456789012:my-topic`}
                        onChange={({ detail }) => change(type, { otherArn: detail.value })}
                      />
                    </FormField>
                  )}
                  <Checkbox
                    checked={draft[type].includeHeaders}
                    ariaLabel={`Include original email headers in ${label} notifications`}
                    onChange={({ detail }) => change(type, { includeHeaders: detail.checked })}
                  >
                    Include original email headers
                  </Checkbox>
                </SpaceBetween>
              );
            })}
          </SpaceBetween>
        )
      }
    />
  );
}
