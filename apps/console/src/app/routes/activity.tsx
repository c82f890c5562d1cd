import { useSearchParams } from 'react-router';
import { ActivityTable } from '../../features/activity/components/activity-table';
import { defaultActivityFilters } from '../../features/activity/config/activity-filters';
import { filtersFromSearch } from '../../features/activity/model/audit-query';
import { useUrlStateWriter } from '../../hooks/use-url-state';

const urlDefaults = { ...defaultActivityFilters };

export default function ActivityRoute() {
  const [search] = useSearchParams();
  const write = useUrlStateWriter(urlDefaults);
  return <ActivityTable filters={filtersFromSearch(search)} onFiltersChange={write} />;
}
