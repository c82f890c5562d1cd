import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { RegionGate } from '../../components/region-gate';
import { configurationSetsQueryOptions } from '../../features/configuration-sets/api/configuration-set-queries';
import { IdentityDetails } from '../../features/identities/components/identity-details';
import { useAccount } from '../../hooks/use-account';
import { useRegion } from '../../hooks/use-region';
import { useUrlStateWriter } from '../../hooks/use-url-state';

const DEFAULTS = { tab: '' };

function IdentityPage({ region, identity }: { region: string; identity: string }) {
  const [searchParams] = useSearchParams();
  const write = useUrlStateWriter(DEFAULTS, { immediate: true });
  const { regions } = useRegion();
  const { account } = useAccount();
  const sets = useQuery(configurationSetsQueryOptions(account, region));
  return (
    <IdentityDetails
      region={region}
      regionName={regions.find((r) => r.code === region)?.name}
      identity={identity}
      tab={searchParams.get('tab')}
      onTabChange={(tab) => write({ tab })}
      configurationSets={sets.data ?? []}
      configurationSetsLoading={sets.isPending}
    />
  );
}

export default function IdentityRoute() {
  const { identity = '' } = useParams();
  return (
    <RegionGate>
      {(region) => <IdentityPage key={`${region}/${identity}`} region={region} identity={identity} />}
    </RegionGate>
  );
}
