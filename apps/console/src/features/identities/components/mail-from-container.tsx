import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { BehaviorOnMxFailure, IdentityDetail } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { useMailFromEdit } from '../hooks/use-identity-edits';
import { behaviorLabel, mailFromStatusDisplay } from '../model/identity-display';
import { DnsRecordsTable } from './dns-records-table';
import { publishDnsAction } from './publish-dns-button';

export function MailFromContainer({ detail }: { detail: IdentityDetail }) {
  const edit = useMailFromEdit(detail);
  const { draft: form, setDraft: setForm } = edit;
  const records = detail.dnsRecords.filter((r) => r.purpose !== 'DKIM');
  const status = detail.mailFrom.status ? mailFromStatusDisplay[detail.mailFrom.status] : undefined;

  return (
    <EditableContainer
      title="Custom MAIL FROM domain"
      description="Bounces and complaints go to this subdomain instead of amazonses.com, which aligns SPF for DMARC."
      {...edit.container}
      extraActions={publishDnsAction(detail, records, 'mail-from', 'MAIL FROM')}
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
            <DnsRecordsTable detail={detail} title="MAIL FROM DNS records" records={records} />
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
                  errorText={edit.errors.subdomain}
                  secondaryControl={<span>.{detail.name}</span>}
                >
                  <Input
                    ref={edit.fieldRef('subdomain')}
                    value={form.subdomain}
                    ariaLabel={`MAIL FROM domain (subdomain of ${detail.name})`}
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
