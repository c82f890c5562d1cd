import Select, { type SelectProps } from '@cloudscape-design/components/select';
import type { Ref } from 'react';

/** Picks one of the Region's configuration sets (the create form and the identity's default). */
export function ConfigurationSetSelect({
  value,
  onChange,
  configurationSets,
  loading,
  selectRef,
}: {
  value: string | null;
  onChange(name: string | null): void;
  configurationSets: string[];
  loading: boolean;
  selectRef?: Ref<SelectProps.Ref>;
}) {
  return (
    <Select
      ref={selectRef}
      selectedOption={value ? { value, label: value } : null}
      onChange={({ detail }) => onChange(detail.selectedOption.value ?? null)}
      options={configurationSets.map((name) => ({ value: name, label: name }))}
      placeholder="Choose a configuration set"
      statusType={loading ? 'loading' : 'finished'}
      loadingText="Loading configuration sets"
      empty="No configuration sets in this Region"
    />
  );
}
