import { type AuditQueryInput, type AuditResult, apiPaths, auditResultSchema } from '@ses-console/contract';
import {
  type ActivityFilters,
  defaultActivityFilters,
  type TimeRangeId,
  timeRanges,
} from '../config/activity-filters';

export function filtersFromSearch(search: URLSearchParams): ActivityFilters {
  const result = search.get('result');
  const range = search.get('range');
  return {
    actor: search.get('actor') ?? '',
    action: search.get('action') ?? '',
    identity: search.get('identity') ?? '',
    result: auditResultSchema.safeParse(result).success ? (result as AuditResult) : '',
    range: timeRanges.some((r) => r.id === range) ? (range as TimeRangeId) : defaultActivityFilters.range,
    entryAccount: search.get('entryAccount') ?? '',
  };
}

/** The API query for these filters, with `from` computed now (so "last hour" means the last hour). */
export function auditQueryFor(filters: ActivityFilters, now = Date.now()): AuditQueryInput {
  const seconds = timeRanges.find((r) => r.id === filters.range)?.seconds;
  return {
    ...(filters.actor.trim() ? { actor: filters.actor.trim() } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.identity.trim() ? { identity: filters.identity.trim() } : {}),
    ...(filters.result ? { result: filters.result } : {}),
    ...(filters.entryAccount ? { account: filters.entryAccount } : {}),
    ...(seconds ? { from: new Date(now - seconds * 1000).toISOString() } : {}),
  };
}

export function auditSearch(query: AuditQueryInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** The CSV export of the same filters. */
export function auditCsvHref(filters: ActivityFilters): string {
  const search = auditSearch(auditQueryFor(filters));
  return search ? `${apiPaths.auditCsv}?${search}` : apiPaths.auditCsv;
}
