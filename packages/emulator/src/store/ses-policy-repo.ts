import type { Db } from './db.js';
import type { Scope } from './ses-records.js';

/** Sending-authorization policies of identities: name → JSON document. */
export class SesPolicyRepo {
  constructor(private readonly db: Db) {}

  all(scope: Scope, identity: string): Record<string, string> {
    const rows = this.db
      .prepare(
        'SELECT name, document FROM ses_identity_policies WHERE account_id = ? AND region = ? AND identity = ? ORDER BY name',
      )
      .all(scope.accountId, scope.region, identity) as Array<{ name: string; document: string }>;
    return Object.fromEntries(rows.map((r) => [r.name, r.document]));
  }

  put(scope: Scope, identity: string, name: string, document: string): void {
    this.db
      .prepare(
        `INSERT INTO ses_identity_policies (account_id, region, identity, name, document) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account_id, region, identity, name) DO UPDATE SET document = excluded.document`,
      )
      .run(scope.accountId, scope.region, identity, name, document);
  }

  delete(scope: Scope, identity: string, name: string): boolean {
    return (
      this.db
        .prepare(
          'DELETE FROM ses_identity_policies WHERE account_id = ? AND region = ? AND identity = ? AND name = ?',
        )
        .run(scope.accountId, scope.region, identity, name).changes > 0
    );
  }

  deleteAll(scope: Scope, identity: string): void {
    this.db
      .prepare('DELETE FROM ses_identity_policies WHERE account_id = ? AND region = ? AND identity = ?')
      .run(scope.accountId, scope.region, identity);
  }
}
