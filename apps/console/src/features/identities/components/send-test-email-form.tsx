import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import {
  type IdentityDetail,
  type SendTestEmailRequest,
  type SendTestEmailResponse,
  sendTestEmailRequestSchema,
  simulatorScenarios,
} from '@ses-console/contract';
import { useState } from 'react';
import { CopyValue } from '../../../components/copy-value';
import { ApiError, describeError } from '../../../lib/api-client';

type Scenario = SendTestEmailRequest['scenario'];

export const scenarioOptions: { value: Scenario; label: string; description?: string }[] = [
  { value: 'success', label: 'Successful delivery', description: simulatorScenarios.success },
  { value: 'bounce', label: 'Bounce', description: simulatorScenarios.bounce },
  { value: 'complaint', label: 'Complaint', description: simulatorScenarios.complaint },
  { value: 'ooto', label: 'Automatic response (ooto)', description: simulatorScenarios.ooto },
  { value: 'suppressionlist', label: 'Suppression list', description: simulatorScenarios.suppressionlist },
  { value: 'custom', label: 'Custom', description: 'Send to an address you choose' },
];

interface SendTestEmailFormProps {
  detail: IdentityDetail;
  configurationSets: string[];
  sending: boolean;
  onSend(request: SendTestEmailRequest): Promise<SendTestEmailResponse>;
  onCancel(): void;
}

const NO_SET = '__identity_default__';

export function SendTestEmailForm({
  detail,
  configurationSets,
  sending,
  onSend,
  onCancel,
}: SendTestEmailFormProps) {
  const isDomain = detail.type !== 'EMAIL_ADDRESS';
  const [localPart, setLocalPart] = useState('test');
  const [scenario, setScenario] = useState<Scenario>('success');
  const [customRecipient, setCustomRecipient] = useState('');
  const [subject, setSubject] = useState(`Test email from ${detail.name}`);
  const [body, setBody] = useState('This is a test message sent from the SES identity console.');
  const [configurationSet, setConfigurationSet] = useState<string>(NO_SET);
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState<SendTestEmailResponse | null>(null);
  const [formError, setFormError] = useState<string>();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const request: SendTestEmailRequest = {
    from: isDomain ? `${localPart.trim()}@${detail.name}` : detail.name,
    scenario,
    customRecipient: scenario === 'custom' ? customRecipient.trim() : undefined,
    subject,
    body,
    configurationSetName: configurationSet === NO_SET ? undefined : configurationSet,
  };
  const parsed = sendTestEmailRequestSchema.safeParse(request);
  const clientErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) clientErrors[issue.path.join('.')] ??= issue.message;
  }
  const errorFor = (field: string) => serverErrors[field] ?? (submitted ? clientErrors[field] : undefined);
  const setOption = scenarioOptions.find((o) => o.value === scenario);
  const setOptions = [
    {
      value: NO_SET,
      label: detail.configurationSetName ? `Identity default (${detail.configurationSetName})` : 'None',
    },
    ...configurationSets.map((name) => ({ value: name, label: name })),
  ];

  const submit = async () => {
    setSubmitted(true);
    setFormError(undefined);
    setServerErrors({});
    if (!parsed.success) return;
    try {
      setSent(await onSend(request));
    } catch (error) {
      if (error instanceof ApiError) {
        setServerErrors(Object.fromEntries(error.fieldErrors.map((f) => [f.field, f.message])));
      }
      setFormError(describeError(error));
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Form
        header={
          <Header
            variant="h1"
            description="Send a message through the SES mailbox simulator or to an address you choose."
          >
            Send test email
          </Header>
        }
        errorText={formError}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={sending} loadingText="Sending test email">
              Send test email
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          {sent && (
            <Alert type="success" header="Test email sent">
              Message ID: <Box variant="code">{sent.messageId}</Box>{' '}
              <CopyValue value={sent.messageId} label="Message ID" /> (to {sent.to})
            </Alert>
          )}
          <Container header={<Header variant="h2">Message details</Header>}>
            <SpaceBetween size="l">
              <FormField
                label="From-address"
                errorText={errorFor('from')}
                secondaryControl={isDomain ? <Box padding={{ top: 'xxs' }}>@{detail.name}</Box> : undefined}
              >
                {isDomain ? (
                  <Input
                    value={localPart}
                    ariaLabel="From-address local part"
                    onChange={({ detail: d }) => setLocalPart(d.value)}
                  />
                ) : (
                  <Input value={detail.name} readOnly ariaLabel="From-address" />
                )}
              </FormField>
              <FormField
                label="Scenario"
                description="Mailbox simulator addresses behave like real recipients would."
              >
                <Select
                  selectedOption={setOption ?? null}
                  onChange={({ detail: d }) => setScenario(d.selectedOption.value as Scenario)}
                  options={scenarioOptions}
                />
              </FormField>
              {scenario === 'custom' && (
                <FormField label="Custom recipient" errorText={errorFor('customRecipient')}>
                  <Input
                    type="email"
                    value={customRecipient}
                    placeholder="recipient@example.com"
                    onChange={({ detail: d }) => setCustomRecipient(d.value)}
                  />
                </FormField>
              )}
              <FormField label="Subject" errorText={errorFor('subject')}>
                <Input value={subject} onChange={({ detail: d }) => setSubject(d.value)} />
              </FormField>
              <FormField label="Body" errorText={errorFor('body')} stretch>
                <Textarea value={body} rows={6} onChange={({ detail: d }) => setBody(d.value)} />
              </FormField>
              <FormField
                label="Configuration set"
                description="Override the identity's default configuration set for this message."
                errorText={errorFor('configurationSetName')}
              >
                <Select
                  selectedOption={setOptions.find((o) => o.value === configurationSet) ?? null}
                  onChange={({ detail: d }) => setConfigurationSet(d.selectedOption.value ?? NO_SET)}
                  options={setOptions}
                />
              </FormField>
            </SpaceBetween>
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
