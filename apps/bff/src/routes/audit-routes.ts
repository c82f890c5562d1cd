import { type AuditQuery, apiPaths, auditPageSchema, auditQuerySchema } from '@ses-console/contract';
import { csvHeader, csvRow } from '../audit/audit-csv.js';
import type { Store } from '../store/store.js';
import type { RouteSpec } from './route-spec.js';
import { parseInput } from './validate.js';

/** The most rows one CSV export holds (newest first); narrow the filters for older ones. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

export function auditRoutes(deps: { store: Store }): RouteSpec[] {
  return [
    {
      method: 'get',
      path: apiPaths.audit,
      tag: 'Audit',
      summary: 'Audit log of state-changing requests, newest first, filtered and paginated',
      query: auditQuerySchema,
      responses: { 200: { description: 'One page of entries', schema: auditPageSchema } },
      handler: async (req, res) => {
        const query = parseInput(auditQuerySchema, req.query);
        res.json(await deps.store.audit.query(query));
      },
    },
    {
      method: 'get',
      path: apiPaths.auditCsv,
      tag: 'Audit',
      summary: `The audit log as CSV (same filters; newest first, at most ${AUDIT_CSV_MAX_ROWS} rows)`,
      query: auditQuerySchema,
      responses: { 200: { description: 'text/csv, one row per entry' } },
      handler: async (req, res) => {
        const { cursor: _ignored, ...filters } = parseInput(auditQuerySchema, req.query);
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', 'attachment; filename="ses-console-audit.csv"');
        res.write(csvHeader);
        let query: AuditQuery = { ...filters, limit: 500 };
        let written = 0;
        while (written < AUDIT_CSV_MAX_ROWS) {
          const page = await deps.store.audit.query(query);
          for (const entry of page.entries) res.write(csvRow(entry));
          written += page.entries.length;
          if (!page.nextCursor) break;
          query = { ...query, cursor: page.nextCursor };
        }
        res.end();
      },
    },
  ];
}
