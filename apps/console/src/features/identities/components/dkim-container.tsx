import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import type { DkimKeyLength, IdentityDetail } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { RouterLink } from '../../../components/router-link';
import { paths } from '../../../config/paths';
import { useServiceNow } from '../../../lib/service-clock';
import { useDkimEdit } from '../hooks/use-identity-edits';
import type { DkimDraft } from '../model/dkim-settings';
import { dkimStatusDisplay, dkimTypeLabel, formatDate } from '../model/identity-display';
import { keyLengthRule } from '../model/key-length-rule';
import { dkimStatusNote } from '../model/status-help';
import { DnsRecordsTable } from './dns-records-table';
import { publishDnsAction } from './publish-dns-button';

export function DkimContainer({ detail }: { detail: IdentityDetail }) {
  const edit = useDkimEdit(detail);
  const { draft: form, setDraft: setForm, errors } = edit;
  const records = detail.dnsRecords.filter((r) => r.purpose === 'DKIM');
  const isDomain = detail.type === 'DOMAIN';
  // A replica (Deterministic Easy DKIM) signs with its parent's key: only the parent's key changes.
  const parentRegion = detail.dkim.parentRegion;
  const ownKey = isDomain && !parentRegion;
  const status = dkimStatusDisplay[detail.dkim.status];
  const now = useServiceNow();
  const easy = detail.dkim.origin === 'AWS_SES';
  const pendingLength =
    easy &&
    detail.dkim.nextKeyLength !== undefined &&
    detail.dkim.currentKeyLength !== undefined &&
    detail.dkim.nextKeyLength !== detail.dkim.currentKeyLength;
  const problem = dkimStatusNote(detail);
  const rule = form && ownKey && form.origin === 'AWS_SES' ? keyLengthRule(detail, now()) : undefined;
  const refusal = form && rule ? rule.refusal(form.keyLength) : undefined;

  return (
    <EditableContainer
      title="DomainKeys Identified Mail (DKIM)"
      description="DKIM signatures let receivers check that mail from this identity is authentic."
      {...edit.container}
      extraActions={isDomain ? publishDnsAction(detail, records, 'dkim', 'DKIM') : undefined}
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
              ...(parentRegion
                ? [
                    {
                      label: 'Parent region',
                      value: (
                        <RouterLink href={paths.identity.href(detail.name, { region: parentRegion })}>
                          {parentRegion}
                        </RouterLink>
                      ),
                    },
                  ]
                : []),
              { label: 'DKIM signatures', value: detail.dkim.signingEnabled ? 'Enabled' : 'Disabled' },
              { label: 'Current key length', value: detail.dkim.currentKeyLength ?? '-' },
              { label: 'Next key length', value: detail.dkim.nextKeyLength ?? '-' },
              { label: 'Last key generation', value: formatDate(detail.dkim.lastKeyGeneratedAt) },
              ...(pendingLength
                ? [
                    {
                      label: 'Key rotation',
                      value: `${detail.dkim.nextKeyLength} becomes current at SES's next key rotation; until then ${detail.dkim.currentKeyLength} signs, behind the same DNS records.`,
                    },
                  ]
                : []),
            ]}
          />
          {problem && <Box color="text-status-error">{problem}</Box>}
          {isDomain && <DnsRecordsTable detail={detail} title="DKIM DNS records" records={records} />}
        </SpaceBetween>
      }
      form={
        form && (
          <SpaceBetween size="l">
            {parentRegion && (
              <Alert type="info">
                This replica uses the DKIM key of its parent in {parentRegion}: change the key there.
              </Alert>
            )}
            {ownKey && (
              <FormField label="DKIM identity type">
                <RadioGroup
                  ariaLabel="DKIM identity type"
                  value={form.origin}
                  onChange={({ detail: d }) => setForm({ ...form, origin: d.value as DkimDraft['origin'] })}
                  items={[
                    { value: 'AWS_SES', label: 'Easy DKIM' },
                    { value: 'EXTERNAL', label: 'Provide DKIM authentication token (BYODKIM)' },
                  ]}
                />
              </FormField>
            )}
            {ownKey && form.origin === 'AWS_SES' && (
              <FormField
                label="DKIM signing key length"
                description="The length of the next key pair: SES signs with it from its next key rotation, behind the same DNS records, so the status stays."
                constraintText={rule?.text}
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
            {refusal && <Alert type="warning">{refusal}</Alert>}
            {ownKey && form.origin === 'EXTERNAL' && (
              <>
                <FormField
                  label="Private key"
                  description="The base64 body of your RSA private key, without the BEGIN/END lines."
                  errorText={errors.privateKey}
                >
                  <Textarea
                    ref={edit.fieldRef('privateKey')}
                    value={form.privateKey}
                    rows={5}
                    onChange={({ detail: d }) => setForm({ ...form, privateKey: d.value })}
                  />
                </FormField>
                <FormField label="Selector name" errorText={errors.selector}>
                  <Input
                    ref={edit.fieldRef('selector')}
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
