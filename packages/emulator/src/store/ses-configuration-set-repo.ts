import type { Db } from './db.js';
import type { ConfigurationSetRecord, Page, PageRequest, Scope } from './ses-records.js';

interface Row {
  seq: number;
  doc: string;
}

export class SesConfigurationSetRepo {
  constructor(private readonly db: Db) {}

  get(scope: Scope, name: string): ConfigurationSetRecord | undefined {
    const row = this.db
      .prepare('SELECT doc FROM ses_configuration_sets WHERE account_id = ? AND region = ? AND name = ?')
      .get(scope.accountId, scope.region, name) as Row | undefined;
    return row ? (JSON.parse(row.doc) as ConfigurationSetRecord) : undefined;
  }

  count(scope: Scope): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM ses_configuration_sets WHERE account_id = ? AND region = ?')
      .get(scope.accountId, scope.region) as { n: number };
    return row.n;
  }

  insert(set: ConfigurationSetRecord): void {
    this.db
      .prepare('INSERT INTO ses_configuration_sets (account_id, region, name, doc) VALUES (?, ?, ?, ?)')
      .run(set.accountId, set.region, set.name, JSON.stringify(set));
  }

  update(set: ConfigurationSetRecord): void {
    this.db
      .prepare('UPDATE ses_configuration_sets SET doc = ? WHERE account_id = ? AND region = ? AND name = ?')
      .run(JSON.stringify(set), set.accountId, set.region, set.name);
  }

  delete(scope: Scope, name: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM ses_configuration_sets WHERE account_id = ? AND region = ? AND name = ?')
        .run(scope.accountId, scope.region, name).changes > 0
    );
  }

  list(scope: Scope, nameContains: string | undefined, page: PageRequest): Page<ConfigurationSetRecord> {
    const rows = this.db
      .prepare(
        `SELECT seq, doc FROM ses_configuration_sets
         WHERE account_id = ? AND region = ? AND seq > ? AND (? IS NULL OR instr(lower(name), lower(?)) > 0)
         ORDER BY seq LIMIT ?`,
      )
      .all(
        scope.accountId,
        scope.region,
        page.afterSeq,
        nameContains ?? null,
        nameContains ?? null,
        page.pageSize + 1,
      ) as Row[];
    const more = rows.length > page.pageSize;
    const items = rows.slice(0, page.pageSize);
    return {
      items: items.map((r) => JSON.parse(r.doc) as ConfigurationSetRecord),
      lastSeq: more ? items[items.length - 1]?.seq : undefined,
    };
  }
}
