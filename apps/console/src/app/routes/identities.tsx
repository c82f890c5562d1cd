import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useSearchParams } from 'react-router';
import { RegionGate } from '../../components/region-gate';
import { IdentitiesTable, type ListUrlState } from '../../features/identities/components/identities-table';
import { isSortField } from '../../features/identities/model/identity-status';
import { useAccount } from '../../hooks/use-account';
import { useRegion } from '../../hooks/use-region';
import { useUrlStateWriter } from '../../hooks/use-url-state';

const DEFAULTS = { filter: '', sort: 'name', desc: false, page: 1 };

function readListState(params: URLSearchParams): ListUrlState {
  // Validate what comes from the URL: a hand-edited link must never break the page.
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    filter: params.get('filter') ?? '',
    sort: isSortField(sort) ? sort : 'name',
    desc: params.get('desc') === '1',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function IdentitiesRoute() {
  const [searchParams] = useSearchParams();
  const write = useUrlStateWriter(DEFAULTS);
  const { allRegions } = useRegion();
  const { account, allAccounts } = useAccount();
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Verify the domains and email addresses you send from, and manage how they authenticate."
        >
          Verified identities
        </Header>
      }
    >
      <RegionGate>
        {(region) => (
          <IdentitiesTable
            key={`${allAccounts ? 'all' : (account ?? '')}/${allRegions ? 'all' : region}`}
            scope={
              allAccounts
                ? { kind: 'all-accounts', region: allRegions ? undefined : region }
                : allRegions
                  ? { kind: 'all', account }
                  : { kind: 'region', account, region }
            }
            region={region}
            urlState={readListState(searchParams)}
            onUrlStateChange={write}
          />
        )}
      </RegionGate>
    </ContentLayout>
  );
}

export default IdentitiesRoute;
