import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import {
  apiPaths,
  type DkimKeyLength,
  dkimPrivateKeySchema,
  dkimSelectorSchema,
  type IdentityDetail,
  type UpdateDkimRequest,
} from '@ses-console/contract';
import { useState } from 'react';
import { ChangeError } from '../../../components/change-error';
import { EditableContainer } from '../../../components/editable-container';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { useEditIdentity } from '../api/use-edit-identity';
import { recordSetToCsv } from '../config/dns-record-set';
import { dkimStatusDisplay, dkimTypeLabel, formatDate } from '../config/identity-display';
import { DnsRecordsTable } from './dns-records-table';
import { canPublish, PublishDnsButton } from './publish-dns-button';

interface DkimForm {
  origin: 'AWS_SES' | 'EXTERNAL';
  keyLength: DkimKeyLength;
  selector: string;
  privateKey: string;
  signingEnabled: boolean;
}

function formFrom(detail: IdentityDetail): DkimForm {
  return {
    origin: detail.dkim.origin === 'EXTERNAL' ? 'EXTERNAL' : 'AWS_SES',
    keyLength: detail.dkim.nextKeyLength ?? detail.dkim.currentKeyLength ?? 'RSA_2048_BIT',
    selector: '',
    privateKey: '',
    signingEnabled: detail.dkim.signingEnabled,
  };
}

/** Only sends what changed: the signing method (and key) and/or the signatures switch. */
function toRequest(detail: IdentityDetail, form: DkimForm): UpdateDkimRequest {
  const body: UpdateDkimRequest = {};
  if (form.signingEnabled !== detail.dkim.signingEnabled) body.signingEnabled = form.signingEnabled;
  if (detail.type !== 'DOMAIN') return body;
  const initial = formFrom(detail);
  const keepExistingKey = initial.origin === 'EXTERNAL' && !form.selector.trim() && !form.privateKey.trim();
  if (form.origin === 'EXTERNAL' && !keepExistingKey) {
    body.signing = {
      origin: 'EXTERNAL',
      selector: form.selector.trim(),
      privateKey: form.privateKey.replace(/\s+/g, ''),
    };
  } else if (initial.origin !== 'AWS_SES' || form.keyLength !== initial.keyLength) {
    body.signing = { origin: 'AWS_SES', keyLength: form.keyLength };
  }
  return body;
}

function validate(detail: IdentityDetail, form: DkimForm): { selector?: string; privateKey?: string } {
  if (form.origin !== 'EXTERNAL') return {};
  // Already on BYODKIM and both fields left empty: keep the current key.
  if (detail.dkim.origin === 'EXTERNAL' && !form.selector.trim() && !form.privateKey.trim()) return {};
  const selector = dkimSelectorSchema.safeParse(form.selector.trim());
  const key = dkimPrivateKeySchema.safeParse(form.privateKey.replace(/\s+/g, ''));
  return {
    selector: selector.success ? undefined : selector.error.issues[0]?.message,
    privateKey: key.success ? undefined : key.error.issues[0]?.message,
  };
}

export function DkimContainer({ detail }: { detail: IdentityDetail }) {
  const canEdit = useCan('put', apiPaths.dkim);
  const { notify } = useNotifications();
  const edit = useEditIdentity('dkim', detail.region, detail.name);
  const [form, setForm] = useState<DkimForm | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const records = detail.dnsRecords.filter((r) => r.purpose === 'DKIM');
  const isDomain = detail.type === 'DOMAIN';
  const status = dkimStatusDisplay[detail.dkim.status];
  const errors = form && submitted ? validate(detail, form) : {};

  const save = () => {
    if (!form) return;
    setSubmitted(true);
    if (Object.values(validate(detail, form)).some(Boolean)) return;
    const body = toRequest(detail, form);
    if (body.signing === undefined && body.signingEnabled === undefined) {
      setForm(null);
      return;
    }
    edit.mutate(body, {
      onSuccess: () => {
        setForm(null);
        notify({
          id: `dkim-${detail.name}`,
          type: 'success',
          content: `DKIM settings of ${detail.name} were saved.`,
        });
      },
    });
  };

  return (
    <EditableContainer
      canEdit={canEdit}
      title="DomainKeys Identified Mail (DKIM)"
      description="DKIM signatures let receivers check that mail from this identity is authentic."
      editing={form !== null}
      saving={edit.isPending}
      error={edit.error ? <ChangeError error={edit.error} /> : undefined}
      onEdit={() => {
        edit.reset();
        setSubmitted(false);
        setForm(formFrom(detail));
      }}
      onCancel={() => setForm(null)}
      onSave={save}
      extraActions={
        isDomain && canPublish(detail, records) ? (
          <PublishDnsButton detail={detail} scope="dkim" label="DKIM" />
        ) : undefined
      }
      view={
        <SpaceBetween size="l">
          <KeyValuePairs
            columns={3}
            items={[
              {
                label: 'DKIM configuration',
                value: <StatusIndicator type={status.type}>{status.label}</StatusIndicator>,
              },
              { label: 'DKIM type', value: dkimTypeLabel(detail.dkim.origin) },
              { label: 'DKIM signatures', value: detail.dkim.signingEnabled ? 'Enabled' : 'Disabled' },
              { label: 'Current key length', value: detail.dkim.currentKeyLength ?? '-' },
              { label: 'Next key length', value: detail.dkim.nextKeyLength ?? '-' },
              { label: 'Last key generation', value: formatDate(detail.dkim.lastKeyGeneratedAt) },
            ]}
          />
          {isDomain && (
            <DnsRecordsTable
              title="DKIM DNS records"
              records={records}
              fileName={`${detail.name}-dns-records.csv`}
              csv={() => recordSetToCsv(detail.name, detail.dnsRecords)}
              showPublished={!!detail.hostedZone}
            />
          )}
        </SpaceBetween>
      }
      form={
        form && (
          <SpaceBetween size="l">
            {isDomain && (
              <FormField label="DKIM identity type">
                <RadioGroup
                  ariaLabel="DKIM identity type"
                  value={form.origin}
                  onChange={({ detail: d }) => setForm({ ...form, origin: d.value as DkimForm['origin'] })}
                  items={[
                    { value: 'AWS_SES', label: 'Easy DKIM' },
                    { value: 'EXTERNAL', label: 'Provide DKIM authentication token (BYODKIM)' },
                  ]}
                />
              </FormField>
            )}
            {isDomain && form.origin === 'AWS_SES' && (
              <FormField
                label="DKIM signing key length"
                description="Changing it rotates the key; allowed once per 24 hours."
              >
                <RadioGroup
                  ariaLabel="DKIM signing key length"
                  value={form.keyLength}
                  onChange={({ detail: d }) => setForm({ ...form, keyLength: d.value as DkimKeyLength })}
                  items={[
                    { value: 'RSA_2048_BIT', label: 'RSA_2048_BIT' },
                    { value: 'RSA_1024_BIT', label: 'RSA_1024_BIT' },
                  ]}
                />
              </FormField>
            )}
            {isDomain && form.origin === 'EXTERNAL' && (
              <>
                <FormField
                  label="Private key"
                  description="The base64 body of your RSA private key, without the BEGIN/END lines."
                  errorText={errors.privateKey}
                >
                  <Textarea
                    value={form.privateKey}
                    rows={5}
                    onChange={({ detail: d }) => setForm({ ...form, privateKey: d.value })}
                  />
                </FormField>
                <FormField label="Selector name" errorText={errors.selector}>
                  <Input
                    value={form.selector}
                    onChange={({ detail: d }) => setForm({ ...form, selector: d.value })}
                  />
                </FormField>
              </>
            )}
            <FormField label="DKIM signatures">
              <Checkbox
                checked={form.signingEnabled}
                onChange={({ detail: d }) => setForm({ ...form, signingEnabled: d.checked })}
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
