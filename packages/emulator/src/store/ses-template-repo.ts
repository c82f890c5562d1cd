import type { Db } from './db.js';
import type { EmailTemplateRecord, Page, PageRequest, Scope } from './ses-records.js';

interface Row {
  seq: number;
  doc: string;
}

/** Email templates per account + region, in creation order. */
export class SesTemplateRepo {
  constructor(private readonly db: Db) {}

  get(scope: Scope, name: string): EmailTemplateRecord | undefined {
    const row = this.db
      .prepare('SELECT doc FROM ses_email_templates WHERE account_id = ? AND region = ? AND name = ?')
      .get(scope.accountId, scope.region, name) as Row | undefined;
    return row ? (JSON.parse(row.doc) as EmailTemplateRecord) : undefined;
  }

  count(scope: Scope): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM ses_email_templates WHERE account_id = ? AND region = ?')
      .get(scope.accountId, scope.region) as { n: number };
    return row.n;
  }

  insert(template: EmailTemplateRecord): void {
    this.db
      .prepare('INSERT INTO ses_email_templates (account_id, region, name, doc) VALUES (?, ?, ?, ?)')
      .run(template.accountId, template.region, template.name, JSON.stringify(template));
  }

  update(template: EmailTemplateRecord): void {
    this.db
      .prepare('UPDATE ses_email_templates SET doc = ? WHERE account_id = ? AND region = ? AND name = ?')
      .run(JSON.stringify(template), template.accountId, template.region, template.name);
  }

  delete(scope: Scope, name: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM ses_email_templates WHERE account_id = ? AND region = ? AND name = ?')
        .run(scope.accountId, scope.region, name).changes > 0
    );
  }

  list(scope: Scope, page: PageRequest): Page<EmailTemplateRecord> {
    const rows = this.db
      .prepare(
        `SELECT seq, doc FROM ses_email_templates WHERE account_id = ? AND region = ? AND seq > ?
         ORDER BY seq LIMIT ?`,
      )
      .all(scope.accountId, scope.region, page.afterSeq, page.pageSize + 1) as Row[];
    const more = rows.length > page.pageSize;
    const items = rows.slice(0, page.pageSize);
    return {
      items: items.map((r) => JSON.parse(r.doc) as EmailTemplateRecord),
      lastSeq: more ? items[items.length - 1]?.seq : undefined,
    };
  }
}
