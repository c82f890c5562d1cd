import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { apiPaths, type BehaviorOnMxFailure, domainSchema, type IdentityDetail } from '@ses-console/contract';
import { useState } from 'react';
import { EditableContainer } from '../../../components/editable-container';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { useEditIdentity } from '../api/use-edit-identity';
import { recordSetToCsv } from '../config/dns-record-set';
import { behaviorLabel, mailFromStatusDisplay } from '../config/identity-display';
import { DnsRecordsTable } from './dns-records-table';
import { canPublish, PublishDnsButton } from './publish-dns-button';

interface MailFromForm {
  enabled: boolean;
  subdomain: string;
  behavior: BehaviorOnMxFailure;
}

/** The part of the MAIL FROM domain before `.{identity}` (what the user edits). */
export function subdomainOf(mailFromDomain: string | undefined, identity: string): string {
  if (!mailFromDomain) return '';
  const suffix = `.${identity}`;
  return mailFromDomain.endsWith(suffix) ? mailFromDomain.slice(0, -suffix.length) : mailFromDomain;
}

function validateSubdomain(form: MailFromForm, identity: string): string | undefined {
  if (!form.enabled) return undefined;
  if (!form.subdomain.trim()) return 'Enter a MAIL FROM subdomain, such as mail';
  const parsed = domainSchema.safeParse(`${form.subdomain.trim()}.${identity}`);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

export function MailFromContainer({ detail }: { detail: IdentityDetail }) {
  const canEdit = useCan('put', apiPaths.mailFrom);
  const { notify } = useNotifications();
  const edit = useEditIdentity('mailFrom', detail.region, detail.name);
  const [form, setForm] = useState<MailFromForm | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const records = detail.dnsRecords.filter((r) => r.purpose !== 'DKIM');
  const status = detail.mailFrom.status ? mailFromStatusDisplay[detail.mailFrom.status] : undefined;
  const subdomainError = form && submitted ? validateSubdomain(form, detail.name) : undefined;

  const save = () => {
    if (!form) return;
    setSubmitted(true);
    if (validateSubdomain(form, detail.name)) return;
    edit.mutate(
      {
        domain: form.enabled ? `${form.subdomain.trim()}.${detail.name}` : null,
        behaviorOnMxFailure: form.behavior,
      },
      {
        onSuccess: () => {
          setForm(null);
          notify({
            id: `mail-from-${detail.name}`,
            type: 'success',
            content: `Custom MAIL FROM settings of ${detail.name} were saved.`,
          });
        },
      },
    );
  };

  return (
    <EditableContainer
      canEdit={canEdit}
      title="Custom MAIL FROM domain"
      description="Bounces and complaints go to this subdomain instead of amazonses.com, which aligns SPF for DMARC."
      editing={form !== null}
      saving={edit.isPending}
      error={edit.error ? describeError(edit.error) : undefined}
      onEdit={() => {
        edit.reset();
        setSubmitted(false);
        setForm({
          enabled: !!detail.mailFrom.domain,
          subdomain: subdomainOf(detail.mailFrom.domain, detail.name),
          behavior: detail.mailFrom.behaviorOnMxFailure,
        });
      }}
      onCancel={() => setForm(null)}
      onSave={save}
      extraActions={
        canPublish(detail, records) ? (
          <PublishDnsButton detail={detail} scope="mail-from" label="MAIL FROM" />
        ) : undefined
      }
      view={
        <SpaceBetween size="l">
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'MAIL FROM domain', value: detail.mailFrom.domain ?? '-' },
              {
                label: 'MAIL FROM configuration',
                value: status ? <StatusIndicator type={status.type}>{status.label}</StatusIndicator> : '-',
              },
              { label: 'Behavior on MX failure', value: behaviorLabel[detail.mailFrom.behaviorOnMxFailure] },
            ]}
          />
          {detail.mailFrom.domain && (
            <DnsRecordsTable
              title="MAIL FROM DNS records"
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
            <Checkbox
              checked={form.enabled}
              onChange={({ detail: d }) => setForm({ ...form, enabled: d.checked })}
            >
              Use a custom MAIL FROM domain
            </Checkbox>
            {form.enabled && (
              <>
                <FormField
                  label="MAIL FROM domain"
                  errorText={subdomainError}
                  secondaryControl={<span>.{detail.name}</span>}
                >
                  <Input
                    value={form.subdomain}
                    ariaLabel="MAIL FROM subdomain"
                    placeholder="mail"
                    onChange={({ detail: d }) => setForm({ ...form, subdomain: d.value })}
                  />
                </FormField>
                <FormField label="Behavior on MX failure">
                  <RadioGroup
                    ariaLabel="Behavior on MX failure"
                    value={form.behavior}
                    onChange={({ detail: d }) =>
                      setForm({ ...form, behavior: d.value as BehaviorOnMxFailure })
                    }
                    items={[
                      { value: 'USE_DEFAULT_VALUE', label: behaviorLabel.USE_DEFAULT_VALUE },
                      { value: 'REJECT_MESSAGE', label: behaviorLabel.REJECT_MESSAGE },
                    ]}
                  />
                </FormField>
              </>
            )}
          </SpaceBetween>
        )
      }
    />
  );
}
