import { type AuditPage, apiPaths } from '@ses-console/contract';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ActivityFilters } from '../config/activity-filters';
import { auditQueryFor, auditSearch } from '../model/audit-query';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: ActivityFilters) => [...auditKeys.lists(), filters] as const,
};

const PAGE_SIZE = 50;

/** Newest entries first; each further page continues with older ones (`nextCursor`). */
export const auditListQueryOptions = (filters: ActivityFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => {
      const search = auditSearch({
        ...auditQueryFor(filters),
        limit: PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : {}),
      });
      return api.get<AuditPage>(`${apiPaths.audit}?${search}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
