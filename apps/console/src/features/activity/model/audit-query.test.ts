import { describe, expect, it } from 'vitest';
import { defaultActivityFilters } from '../config/activity-filters';
import { auditCsvHref, auditQueryFor, filtersFromSearch } from './audit-query';

describe('activity filters', () => {
  it('when the URL has filters, then they are read and unknown values fall back to the defaults', () => {
    expect(filtersFromSearch(new URLSearchParams('actor=ada&result=error&range=24h'))).toEqual({
      ...defaultActivityFilters,
      actor: 'ada',
      result: 'error',
      range: '24h',
    });
    expect(filtersFromSearch(new URLSearchParams('result=maybe&range=forever'))).toEqual(
      defaultActivityFilters,
    );
    expect(filtersFromSearch(new URLSearchParams('result=unknown')).result).toBe('unknown');
  });

  it('when a time range is chosen, then the query asks from that long before now; All time asks no bound', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(auditQueryFor({ ...defaultActivityFilters, range: '1h', identity: ' a.example ' }, now)).toEqual({
      identity: 'a.example',
      from: '2026-05-01T11:00:00.000Z',
    });
    expect(auditQueryFor({ ...defaultActivityFilters, range: 'all' }, now)).toEqual({});
  });

  it('when the CSV is exported, then the link carries the same filters', () => {
    const href = auditCsvHref({
      ...defaultActivityFilters,
      range: 'all',
      action: 'identity.delete',
      actor: 'ada',
    });
    expect(href).toBe('/api/audit.csv?actor=ada&action=identity.delete');
  });
});
