import type { Db } from './db.js';
import type { Page, PageRequest, Scope, SuppressedDestinationRecord } from './ses-records.js';

interface Row {
  seq: number;
  doc: string;
}

/** The account suppression list per region; addresses compare case-insensitively. */
export class SesSuppressionRepo {
  constructor(private readonly db: Db) {}

  get(scope: Scope, address: string): SuppressedDestinationRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT doc FROM ses_suppressed_destinations WHERE account_id = ? AND region = ? AND address_key = ?',
      )
      .get(scope.accountId, scope.region, address.toLowerCase()) as Row | undefined;
    return row ? (JSON.parse(row.doc) as SuppressedDestinationRecord) : undefined;
  }

  put(entry: SuppressedDestinationRecord): void {
    this.db
      .prepare(
        `INSERT INTO ses_suppressed_destinations (account_id, region, address_key, reason, last_update_time, doc)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, region, address_key) DO UPDATE SET
           reason = excluded.reason, last_update_time = excluded.last_update_time, doc = excluded.doc`,
      )
      .run(
        entry.accountId,
        entry.region,
        entry.emailAddress.toLowerCase(),
        entry.reason,
        entry.lastUpdateTime,
        JSON.stringify(entry),
      );
  }

  delete(scope: Scope, address: string): boolean {
    return (
      this.db
        .prepare(
          'DELETE FROM ses_suppressed_destinations WHERE account_id = ? AND region = ? AND address_key = ?',
        )
        .run(scope.accountId, scope.region, address.toLowerCase()).changes > 0
    );
  }

  /** Entries in insertion order, filtered by reasons and `[start, end]` of their last update (epoch ms). */
  list(
    scope: Scope,
    filter: { reasons?: string[]; startMs?: number; endMs?: number },
    page: PageRequest,
  ): Page<SuppressedDestinationRecord> {
    const reasons = filter.reasons?.length ? filter.reasons : ['BOUNCE', 'COMPLAINT'];
    const rows = this.db
      .prepare(
        `SELECT seq, doc FROM ses_suppressed_destinations
         WHERE account_id = ? AND region = ? AND seq > ?
           AND reason IN (SELECT value FROM json_each(?))
           AND last_update_time >= ? AND last_update_time <= ?
         ORDER BY seq LIMIT ?`,
      )
      .all(
        scope.accountId,
        scope.region,
        page.afterSeq,
        JSON.stringify(reasons),
        filter.startMs ?? Number.MIN_SAFE_INTEGER,
        filter.endMs ?? Number.MAX_SAFE_INTEGER,
        page.pageSize + 1,
      ) as Row[];
    const more = rows.length > page.pageSize;
    const items = rows.slice(0, page.pageSize);
    return {
      items: items.map((r) => JSON.parse(r.doc) as SuppressedDestinationRecord),
      lastSeq: more ? items[items.length - 1]?.seq : undefined,
    };
  }
}
