import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { IdentityDetail } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { ConfigurationSetSelect } from '../../configuration-sets/components/configuration-set-select';
import { useConfigurationSetEdit } from '../hooks/use-identity-edits';

export function ConfigurationSetTab({
  detail,
  configurationSets,
  configurationSetsLoading,
}: {
  detail: IdentityDetail;
  configurationSets: string[];
  configurationSetsLoading: boolean;
}) {
  const edit = useConfigurationSetEdit(detail);
  const { draft: form, setDraft: setForm } = edit;

  return (
    <EditableContainer
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
