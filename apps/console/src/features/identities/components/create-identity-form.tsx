import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TagEditor from '@cloudscape-design/components/tag-editor';
import Textarea from '@cloudscape-design/components/textarea';
import Tiles from '@cloudscape-design/components/tiles';
import type { CreateIdentityResponse } from '@ses-console/contract';
import { useState } from 'react';
import { SubmitForm } from '../../../components/submit-form';
import { useFormSubmission } from '../../../hooks/use-form-submission';
import { ConfigurationSetSelect } from '../../configuration-sets/components/configuration-set-select';
import { useCoveringHostedZone } from '../api/use-covering-hosted-zone';
import {
  createFormFields,
  type CreateIdentityForm as FormState,
  fieldForPath,
  initialCreateForm,
  toCreateRequest,
  validateCreateForm,
} from '../model/create-identity-form';
import { ParentRegionSelect } from './parent-region-select';

interface CreateIdentityFormProps {
  /** The Region the identity is created in. */
  region: string;
  configurationSets: string[];
  configurationSetsLoading: boolean;
  submitting: boolean;
  onSubmit(request: ReturnType<typeof toCreateRequest>): Promise<CreateIdentityResponse>;
  onCancel(): void;
  /** Start as an email address identity with this address (the link from a refused test recipient). */
  initialEmail?: string;
}

export function CreateIdentityForm(props: CreateIdentityFormProps) {
  const {
    region,
    configurationSets,
    configurationSetsLoading,
    submitting,
    onSubmit,
    onCancel,
    initialEmail,
  } = props;
  const [form, setForm] = useState<FormState>(
    initialEmail ? { ...initialCreateForm, type: 'EMAIL_ADDRESS', email: initialEmail } : initialCreateForm,
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  // As in the SES console, Publish is on by default when a public hosted zone covers the domain, and
  // not offered when none does; a choice the user made stands (null: follow the zone lookup).
  const [publishChoice, setPublishChoice] = useState<boolean | null>(null);
  const zone = useCoveringHostedZone(form.domain, form.type === 'DOMAIN');
  const publishToRoute53 = zone.state === 'none' ? false : (publishChoice ?? zone.state === 'found');
  const clientErrors = validateCreateForm(form);
  const submission = useFormSubmission({
    fields: createFormFields,
    clientErrors,
    fieldForPath: (path) => {
      const field = fieldForPath(path, form.type);
      return field === 'form' ? undefined : field;
    },
  });
  // A field the user left shows its error at once; the others once the form was submitted.
  const errorFor = (field: (typeof createFormFields)[number]) =>
    submission.errors[field] ?? (touched.has(field) ? clientErrors[field] : undefined);
  const touch = (field: string) => () => setTouched((prev) => new Set(prev).add(field));
  const update = (changes: Partial<FormState>) => {
    setForm((prev) => ({ ...prev, ...changes }));
    submission.clearServerErrors();
  };
  const ref = submission.fieldRef;

  const isDomain = form.type === 'DOMAIN';
  const domainSuffix = form.domain.trim() || 'example.com';

  const submit = () => submission.submit(() => onSubmit(toCreateRequest({ ...form, publishToRoute53 })));

  return (
    <SubmitForm
      header={
        <Header
          variant="h1"
          description="Create an identity to verify a domain or email address you send from."
        >
          Create identity
        </Header>
      }
      failure={submission.failure}
      submitLabel="Create identity"
      loadingText="Creating identity"
      submitting={submitting}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Identity details</Header>}>
          <SpaceBetween size="l">
            <FormField label="Identity type" stretch>
              <Tiles
                ariaLabel="Identity type"
                value={form.type}
                onChange={({ detail }) => update({ type: detail.value as FormState['type'] })}
                items={[
                  {
                    value: 'DOMAIN',
                    label: 'Domain',
                    description: 'Verify a domain you own to send from any address at it.',
                  },
                  {
                    value: 'EMAIL_ADDRESS',
                    label: 'Email address',
                    description: 'Verify one address by clicking the link sent to it.',
                  },
                ]}
              />
            </FormField>
            {isDomain ? (
              <FormField
                label="Domain"
                description="Don't include www or a protocol, e.g. example.com"
                errorText={errorFor('domain')}
              >
                <Input
                  ref={ref('domain')}
                  value={form.domain}
                  placeholder="example.com"
                  onChange={({ detail }) => update({ domain: detail.value })}
                  onBlur={touch('domain')}
                  autoComplete={false}
                />
              </FormField>
            ) : (
              <FormField label="Email address" errorText={errorFor('email')}>
                <Input
                  ref={ref('email')}
                  type="email"
                  value={form.email}
                  placeholder="sender@example.com"
                  onChange={({ detail }) => update({ email: detail.value })}
                  onBlur={touch('email')}
                  autoComplete={false}
                />
              </FormField>
            )}
            <SpaceBetween size="xs">
              <Checkbox
                checked={form.useConfigurationSet}
                onChange={({ detail }) => update({ useConfigurationSet: detail.checked })}
                description="Messages sent from this identity use this configuration set unless the sender names another."
              >
                Assign a default configuration set
              </Checkbox>
              {form.useConfigurationSet && (
                <FormField label="Default configuration set" errorText={errorFor('configurationSet')}>
                  <ConfigurationSetSelect
                    selectRef={ref('configurationSet')}
                    value={form.configurationSet}
                    onChange={(configurationSet) => update({ configurationSet })}
                    configurationSets={configurationSets}
                    loading={configurationSetsLoading}
                  />
                </FormField>
              )}
            </SpaceBetween>
            {isDomain && (
              <SpaceBetween size="xs">
                <Checkbox
                  checked={form.useMailFrom}
                  onChange={({ detail }) => update({ useMailFrom: detail.checked })}
                  description="Use a subdomain of your domain as the bounce (envelope sender) address, which helps DMARC alignment."
                >
                  Use a custom MAIL FROM domain
                </Checkbox>
                {form.useMailFrom && (
                  <SpaceBetween size="m">
                    <FormField
                      label="MAIL FROM domain"
                      constraintText="A subdomain that isn't used to send or receive other mail."
                      errorText={errorFor('mailFromSubdomain')}
                      secondaryControl={<span>.{domainSuffix}</span>}
                    >
                      <Input
                        ref={ref('mailFromSubdomain')}
                        value={form.mailFromSubdomain}
                        placeholder="mail"
                        ariaLabel={`MAIL FROM domain (subdomain of ${domainSuffix})`}
                        onChange={({ detail }) => update({ mailFromSubdomain: detail.value })}
                        onBlur={touch('mailFromSubdomain')}
                      />
                    </FormField>
                    <FormField label="Behavior on MX failure">
                      <RadioGroup
                        ariaLabel="Behavior on MX failure"
                        value={form.behaviorOnMxFailure}
                        onChange={({ detail }) =>
                          update({ behaviorOnMxFailure: detail.value as FormState['behaviorOnMxFailure'] })
                        }
                        items={[
                          { value: 'USE_DEFAULT_VALUE', label: 'Use default MAIL FROM domain' },
                          { value: 'REJECT_MESSAGE', label: 'Reject message' },
                        ]}
                      />
                    </FormField>
                  </SpaceBetween>
                )}
              </SpaceBetween>
            )}
          </SpaceBetween>
        </Container>

        {isDomain && (
          <Container
            header={
              <Header
                variant="h2"
                description="SES signs your mail with DKIM once the records it gives you are published in DNS."
              >
                Verifying your domain
              </Header>
            }
          >
            <SpaceBetween size="l">
              <ExpandableSection headerText="Advanced DKIM settings" defaultExpanded>
                <SpaceBetween size="l">
                  <FormField label="DKIM identity type">
                    <RadioGroup
                      ariaLabel="DKIM identity type"
                      value={form.dkimOrigin}
                      onChange={({ detail }) =>
                        update({ dkimOrigin: detail.value as FormState['dkimOrigin'] })
                      }
                      items={[
                        {
                          value: 'AWS_SES',
                          label: 'Easy DKIM',
                          description: 'SES creates and rotates the key; you publish three CNAME records.',
                        },
                        {
                          value: 'DEED',
                          label: 'Deterministic Easy DKIM',
                          description:
                            'Replicate this domain from a Region where it is a verified Easy DKIM identity: it uses that identity’s key and DNS records, so there is nothing new to publish.',
                        },
                        {
                          value: 'EXTERNAL',
                          label: 'Provide DKIM authentication token (BYODKIM)',
                          description: 'Use your own key pair; you publish the public key as a TXT record.',
                        },
                      ]}
                    />
                  </FormField>
                  {form.dkimOrigin === 'AWS_SES' ? (
                    <FormField label="DKIM signing key length">
                      <RadioGroup
                        ariaLabel="DKIM signing key length"
                        value={form.keyLength}
                        onChange={({ detail }) =>
                          update({ keyLength: detail.value as FormState['keyLength'] })
                        }
                        items={[
                          { value: 'RSA_2048_BIT', label: 'RSA_2048_BIT', description: 'Recommended' },
                          { value: 'RSA_1024_BIT', label: 'RSA_1024_BIT' },
                        ]}
                      />
                    </FormField>
                  ) : form.dkimOrigin === 'DEED' ? (
                    <FormField
                      label="Parent region"
                      description="The Region whose identity of this domain provides the DKIM key and DNS records. Only Regions where the domain is a verified Easy DKIM identity are listed."
                      errorText={errorFor('parentRegion')}
                    >
                      <ParentRegionSelect
                        selectRef={ref('parentRegion')}
                        domain={form.domain}
                        region={region}
                        value={form.parentRegion}
                        invalid={errorFor('parentRegion') !== undefined}
                        onChange={(parentRegion) => {
                          update({ parentRegion });
                          touch('parentRegion')();
                        }}
                      />
                    </FormField>
                  ) : (
                    <>
                      <FormField
                        label="Private key"
                        description="The base64 body of your RSA private key, without the BEGIN/END lines."
                        errorText={errorFor('privateKey')}
                      >
                        <Textarea
                          ref={ref('privateKey')}
                          value={form.privateKey}
                          rows={5}
                          onChange={({ detail }) => update({ privateKey: detail.value })}
                          onBlur={touch('privateKey')}
                        />
                      </FormField>
                      <FormField
                        label="Selector name"
                        description="The DKIM selector your public key is published under."
                        errorText={errorFor('selector')}
                      >
                        <Input
                          ref={ref('selector')}
                          value={form.selector}
                          onChange={({ detail }) => update({ selector: detail.value })}
                          onBlur={touch('selector')}
                        />
                      </FormField>
                    </>
                  )}
                  <FormField label="DKIM signatures">
                    <Checkbox
                      checked={form.dkimSigningEnabled}
                      onChange={({ detail }) => update({ dkimSigningEnabled: detail.checked })}
                    >
                      Enabled
                    </Checkbox>
                  </FormField>
                </SpaceBetween>
              </ExpandableSection>
              <FormField
                label="Publish DNS records to Route53"
                description={
                  zone.state === 'found'
                    ? `Hosted zone ${zone.zone.name} covers ${zone.domain}: SES's DKIM (and MAIL FROM) records are added to it for you.`
                    : zone.state === 'none'
                      ? `No public Route 53 hosted zone in this account covers ${zone.domain}: publish the records with your DNS provider once the identity exists.`
                      : "When a public hosted zone in this account covers the domain, SES's DKIM (and MAIL FROM) records are added to it for you."
                }
              >
                <Checkbox
                  checked={publishToRoute53}
                  disabled={zone.state === 'none'}
                  onChange={({ detail }) => setPublishChoice(detail.checked)}
                >
                  Enabled
                </Checkbox>
              </FormField>
              {publishToRoute53 && form.dkimOrigin === 'EXTERNAL' && (
                <Alert type="info">
                  With BYODKIM, SES never sees your public key, so only MAIL FROM records can be published.
                </Alert>
              )}
            </SpaceBetween>
          </Container>
        )}

        <Container
          header={
            <Header variant="h2" description="Tags help you find and group identities (up to 50).">
              Tags - optional
            </Header>
          }
        >
          <FormField errorText={errorFor('tags')} stretch>
            <TagEditor
              ref={ref('tags')}
              tags={form.tags.map((t) => ({ ...t, existing: false }))}
              onChange={({ detail }) =>
                update({
                  tags: detail.tags
                    .filter((t) => !t.markedForRemoval)
                    .map((t) => ({ key: t.key, value: t.value })),
                })
              }
              tagLimit={50}
            />
          </FormField>
        </Container>
      </SpaceBetween>
    </SubmitForm>
  );
}
