import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
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
} from '@ses-console/contract';
import { type ReactNode, useState } from 'react';
import { RouterLink } from '../../../components/router-link';
import { SubmitForm } from '../../../components/submit-form';
import { paths } from '../../../config/paths';
import { useFormSubmission } from '../../../hooks/use-form-submission';
import {
  IDENTITY_DEFAULT_SET as NO_SET,
  type Scenario,
  type SendTestEmailField,
  scenarioOptions,
  sendTestEmailFields,
} from '../config/send-test-email-options';

interface SendTestEmailFormProps {
  /** Shown above the message details (the sandbox notice). */
  notice?: ReactNode;
  /** The account is in the sandbox: a custom recipient must be a verified identity. */
  sandboxed?: boolean;
  region?: string;
  detail: IdentityDetail;
  configurationSets: string[];
  sending: boolean;
  onSend(request: SendTestEmailRequest): Promise<SendTestEmailResponse>;
  onCancel(): void;
}

export function SendTestEmailForm({
  notice,
  sandboxed = false,
  region,
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

  const request: SendTestEmailRequest = {
    from: isDomain ? `${localPart.trim()}@${detail.name}` : detail.name,
    scenario,
    customRecipient: scenario === 'custom' ? customRecipient.trim() : undefined,
    subject,
    body,
    configurationSetName: configurationSet === NO_SET ? undefined : configurationSet,
  };
  const parsed = sendTestEmailRequestSchema.safeParse(request);
  const clientErrors: Partial<Record<SendTestEmailField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      clientErrors[issue.path.join('.') as SendTestEmailField] ??= issue.message;
    }
  }
  const submission = useFormSubmission({
    fields: sendTestEmailFields,
    clientErrors,
    fieldForPath: (path) => sendTestEmailFields.find((field) => field === path),
  });
  const errorFor = (field: SendTestEmailField) => submission.errors[field];
  const ref = submission.fieldRef;
  const setOption = scenarioOptions.find((o) => o.value === scenario);
  const setOptions = [
    {
      value: NO_SET,
      label: detail.configurationSetName ? `Identity default (${detail.configurationSetName})` : 'None',
    },
    ...configurationSets.map((name) => ({ value: name, label: name })),
  ];

  const submit = () => submission.submit(() => onSend(request));

  return (
    <SubmitForm
      header={
        <Header
          variant="h1"
          description="Send a message through the SES mailbox simulator or to an address you choose."
        >
          Send test email
        </Header>
      }
      failure={submission.failure}
      submitLabel="Send test email"
      loadingText="Sending test email"
      submitting={sending}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <SpaceBetween size="l">
        {notice}
        <Container header={<Header variant="h2">Message details</Header>}>
          <SpaceBetween size="l">
            <FormField
              label="From-address"
              errorText={errorFor('from')}
              secondaryControl={isDomain ? <Box padding={{ top: 'xxs' }}>@{detail.name}</Box> : undefined}
            >
              {isDomain ? (
                <Input
                  ref={ref('from')}
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
              <FormField
                label="Custom recipient"
                errorText={errorFor('customRecipient')}
                description={
                  sandboxed ? (
                    <>
                      In the sandbox SES refuses a recipient that is not a verified identity (the address, or
                      its domain).{' '}
                      <RouterLink
                        href={paths.createIdentity.href({
                          region,
                          email: customRecipient.trim() || undefined,
                        })}
                      >
                        Create and verify {customRecipient.trim() || 'this address'}
                      </RouterLink>
                    </>
                  ) : undefined
                }
              >
                <Input
                  ref={ref('customRecipient')}
                  type="email"
                  value={customRecipient}
                  placeholder="recipient@example.com"
                  onChange={({ detail: d }) => setCustomRecipient(d.value)}
                />
              </FormField>
            )}
            <FormField label="Subject" errorText={errorFor('subject')}>
              <Input ref={ref('subject')} value={subject} onChange={({ detail: d }) => setSubject(d.value)} />
            </FormField>
            <FormField label="Body" errorText={errorFor('body')} stretch>
              <Textarea
                ref={ref('body')}
                value={body}
                rows={6}
                onChange={({ detail: d }) => setBody(d.value)}
              />
            </FormField>
            <FormField
              label="Configuration set"
              description="Override the identity's default configuration set for this message."
              errorText={errorFor('configurationSetName')}
            >
              <Select
                ref={ref('configurationSetName')}
                selectedOption={setOptions.find((o) => o.value === configurationSet) ?? null}
                onChange={({ detail: d }) => setConfigurationSet(d.selectedOption.value ?? NO_SET)}
                options={setOptions}
              />
            </FormField>
          </SpaceBetween>
        </Container>
      </SpaceBetween>
    </SubmitForm>
  );
}
