import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { apiPaths, type IdentityDetail } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { useEditInPlace } from '../../../hooks/use-edit-in-place';
import { useCan } from '../../../lib/session-queries';
import { ConfigurationSetSelect } from '../../configuration-sets/components/configuration-set-select';
import { useEditIdentity } from '../api/use-edit-identity';

const fields = ['name'] as const;

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
  const mutation = useEditIdentity('configurationSet', detail.region, detail.name);
  const edit = useEditInPlace({
    initialDraft: () => ({
      assign: !!detail.configurationSetName,
      name: detail.configurationSetName ?? null,
    }),
    fields,
    validate: (draft) => ({
      name: draft.assign && !draft.name ? 'Choose a configuration set, or clear the checkbox' : undefined,
    }),
    fieldForPath: (path) => (path === 'configurationSetName' ? 'name' : undefined),
    toRequest: (draft) => ({ configurationSetName: draft.assign ? draft.name : null }),
    submit: mutation.mutateAsync,
    success: ({ configurationSetName }) => ({
      id: `configuration-set-${detail.name}`,
      type: 'success',
      content: configurationSetName
        ? `${configurationSetName} is now the default configuration set of ${detail.name}.`
        : `${detail.name} no longer has a default configuration set.`,
    }),
  });
  const { draft: form, setDraft: setForm } = edit;

  return (
    <EditableContainer
      canEdit={canEdit}
      title="Default configuration set"
      description="The configuration set used for mail from this identity when the sender names none."
      {...edit.container}
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
              <FormField label="Default configuration set" errorText={edit.errors.name}>
                <ConfigurationSetSelect
                  selectRef={edit.fieldRef('name')}
                  value={form.name}
                  onChange={(name) => setForm({ ...form, name })}
                  configurationSets={configurationSets}
                  loading={configurationSetsLoading}
                />
              </FormField>
            )}
          </SpaceBetween>
        )
      }
    />
  );
}
