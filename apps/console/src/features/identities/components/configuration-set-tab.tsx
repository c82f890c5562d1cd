import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { apiPaths, type IdentityDetail } from '@ses-console/contract';
import { useState } from 'react';
import { EditableContainer } from '../../../components/editable-container';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { useEditIdentity } from '../api/use-edit-identity';

export function ConfigurationSetTab({
  detail,
  configurationSets,
  configurationSetsLoading,
}: {
  detail: IdentityDetail;
  configurationSets: string[];
  configurationSetsLoading: boolean;
}) {
  const canEdit = useCan('put', apiPaths.configurationSet);
  const { notify } = useNotifications();
  const edit = useEditIdentity('configurationSet', detail.region, detail.name);
  const [form, setForm] = useState<{ assign: boolean; name: string | null } | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const missing =
    form?.assign && !form.name ? 'Choose a configuration set, or clear the checkbox' : undefined;

  return (
    <EditableContainer
      canEdit={canEdit}
      title="Default configuration set"
      description="The configuration set used for mail from this identity when the sender names none."
      editing={form !== null}
      saving={edit.isPending}
      error={edit.error ? describeError(edit.error) : undefined}
      onEdit={() => {
        edit.reset();
        setSubmitted(false);
        setForm({ assign: !!detail.configurationSetName, name: detail.configurationSetName ?? null });
      }}
      onCancel={() => setForm(null)}
      onSave={() => {
        if (!form) return;
        setSubmitted(true);
        if (missing) return;
        const configurationSetName = form.assign ? form.name : null;
        edit.mutate(
          { configurationSetName },
          {
            onSuccess: () => {
              setForm(null);
              notify({
                id: `configuration-set-${detail.name}`,
                type: 'success',
                content: configurationSetName
                  ? `${configurationSetName} is now the default configuration set of ${detail.name}.`
                  : `${detail.name} no longer has a default configuration set.`,
              });
            },
          },
        );
      }}
      view={
        <KeyValuePairs
          columns={1}
          items={[{ label: 'Default configuration set', value: detail.configurationSetName ?? '-' }]}
        />
      }
      form={
        form && (
          <SpaceBetween size="l">
            <Checkbox
              checked={form.assign}
              onChange={({ detail: d }) => setForm({ ...form, assign: d.checked })}
            >
              Assign a default configuration set
            </Checkbox>
            {form.assign && (
              <FormField label="Default configuration set" errorText={submitted ? missing : undefined}>
                <Select
                  selectedOption={form.name ? { value: form.name, label: form.name } : null}
                  onChange={({ detail: d }) => setForm({ ...form, name: d.selectedOption.value ?? null })}
                  options={configurationSets.map((name) => ({ value: name, label: name }))}
                  placeholder="Choose a configuration set"
                  statusType={configurationSetsLoading ? 'loading' : 'finished'}
                  loadingText="Loading configuration sets"
                  empty="No configuration sets in this Region"
                />
              </FormField>
            )}
          </SpaceBetween>
        )
      }
    />
  );
}
