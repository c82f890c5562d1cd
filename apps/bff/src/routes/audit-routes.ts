import { AUDIT_CSV_MAX_ROWS } from '@ses-console/contract';
import { writeAuditCsv } from '../audit/audit-csv.js';
import type { Store } from '../store/store.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/audit` (a JSON page) and `/api/audit.csv` (the same filters, streamed). */
export function auditRoutes(deps: { store: Store }): RouteBinding[] {
  return [
    route('getAudit', ({ query }) => deps.store.audit.query(query)),
    route('getAuditCsv', async ({ query }, { req, res }) => {
      const { cursor: _ignored, ...filters } = query;
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="ses-console-audit.csv"');
      const exported = await writeAuditCsv(
        res,
        (cursor) => deps.store.audit.query({ ...filters, limit: 500, ...(cursor ? { cursor } : {}) }),
        AUDIT_CSV_MAX_ROWS,
      );
      if (exported.complete) res.end();
      else req.log?.info({ rows: exported.rows }, 'audit CSV export stopped: the client went away');
    }),
  ];
}
