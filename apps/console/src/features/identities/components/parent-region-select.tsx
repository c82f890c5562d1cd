import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { domainSchema } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import { useAccount } from '../../../hooks/use-account';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { describeError } from '../../../lib/api-client';
import { useMeta } from '../../../lib/meta-queries';
import { identityAcrossRegionsQueryOptions } from '../api/identity-queries';
import { HOSTED_ZONE_LOOKUP_DELAY_MS } from '../api/use-covering-hosted-zone';
import { failedLookups, parentCandidates } from '../model/global-identity';

/**
 * The create page's Parent region (Deterministic Easy DKIM): only the Regions where the domain is a
 * verified Easy DKIM identity, found by asking the BFF for the domain in every Region.
 */
export function ParentRegionSelect({
  domain,
  region,
  value,
  onChange,
  selectRef,
  invalid,
}: {
  domain: string;
  /** The Region the identity is created in (never its own parent). */
  region: string;
  value: string | null;
  onChange(region: string | null): void;
  selectRef?: Ref<SelectProps.Ref>;
  invalid?: boolean;
}) {
  const settled = useDebouncedValue(domain.trim().toLowerCase(), HOSTED_ZONE_LOOKUP_DELAY_MS);
  const valid = settled.length > 0 && domainSchema.safeParse(settled).success;
  const { account } = useAccount();
  const query = useQuery({ ...identityAcrossRegionsQueryOptions(account, settled), enabled: valid });
  const meta = useMeta();
  const nameOf = (code: string) => meta.data?.regions.find((r) => r.code === code)?.name;
  const label = (code: string) => (nameOf(code) ? `${nameOf(code)} (${code})` : code);
  const candidates = query.data ? parentCandidates(query.data, region) : [];
  const failed = query.data ? failedLookups(query.data) : [];
  const statusType: 'loading' | 'error' | 'finished' = !valid
    ? 'finished'
    : query.isPending
      ? 'loading'
      : query.isError
        ? 'error'
        : 'finished';

  return (
    <Select
      ref={selectRef}
      invalid={invalid}
      selectedOption={value ? { value, label: label(value) } : null}
      onChange={({ detail }) => onChange(detail.selectedOption.value ?? null)}
      options={candidates.map((c) => ({
        value: c.region,
        label: label(c.region),
        description: 'Verified, Easy DKIM',
      }))}
      placeholder={valid ? 'Choose a parent Region' : 'Enter the domain first'}
      statusType={statusType}
      loadingText={`Looking for ${settled} in every Region`}
      errorText={
        query.isError ? `The Regions could not be checked: ${describeError(query.error)}` : undefined
      }
      recoveryText="Retry"
      onLoadItems={() => void query.refetch()}
      finishedText={
        failed.length > 0
          ? `Not checked (could not be reached): ${failed.map((f) => f.region).join(', ')}`
          : undefined
      }
      empty={
        valid
          ? `No other Region has ${settled} as a verified Easy DKIM identity`
          : 'Enter the domain to see the Regions where it is verified'
      }
    />
  );
}
