import { apiPaths, auditPageSchema, auditQuerySchema } from '@ses-console/contract';
import { writeAuditCsv } from '../audit/audit-csv.js';
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
      summary:
        'Audit log of state-changing requests, newest first, filtered and paginated (by count and by size)',
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
        const exported = await writeAuditCsv(
          res,
          (cursor) => deps.store.audit.query({ ...filters, limit: 500, ...(cursor ? { cursor } : {}) }),
          AUDIT_CSV_MAX_ROWS,
        );
        if (exported.complete) res.end();
        else req.log?.info({ rows: exported.rows }, 'audit CSV export stopped: the client went away');
      },
    },
  ];
}
