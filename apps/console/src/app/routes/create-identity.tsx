import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { RegionGate } from '../../components/region-gate';
import { paths } from '../../config/paths';
import { configurationSetsQueryOptions } from '../../features/configuration-sets/api/configuration-set-queries';
import { useCreateIdentity } from '../../features/identities/api/use-create-identity';
import { CreateIdentityForm } from '../../features/identities/components/create-identity-form';
import { createOutcomeNotifications } from '../../features/identities/model/create-outcome';
import { useAccount } from '../../hooks/use-account';
import { useNotifications } from '../../lib/notifications';

function CreateIdentityPage({ region }: { region: string }) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const { account, inAccount } = useAccount();
  const sets = useQuery(configurationSetsQueryOptions(account, region));
  const create = useCreateIdentity(region);
  const [search] = useSearchParams();
  return (
    <CreateIdentityForm
      initialEmail={search.get('email') ?? undefined}
      region={region}
      configurationSets={sets.data ?? []}
      configurationSetsLoading={sets.isPending}
      submitting={create.isPending}
      onCancel={() => navigate(paths.identities.href({ region }))}
      onSubmit={async (request) => {
        const result = await create.mutateAsync(request);
        for (const note of createOutcomeNotifications(result, request.type === 'DOMAIN', inAccount).reverse())
          notify(note);
        navigate(
          paths.identity.href(result.name, {
            region,
            tab: request.type === 'DOMAIN' ? 'authentication' : undefined,
          }),
        );
        return result;
      }}
    />
  );
}

export default function CreateIdentityRoute() {
  return <RegionGate>{(region) => <CreateIdentityPage key={region} region={region} />}</RegionGate>;
}
