import type { Db } from './db.js';
import type { Scope, VerificationToken } from './ses-records.js';

interface Row {
  token: string;
  account_id: string;
  region: string;
  identity: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Tokens of the links in verification emails. */
export class SesVerificationTokenRepo {
  constructor(private readonly db: Db) {}

  insert(token: VerificationToken): void {
    this.db
      .prepare(
        'INSERT INTO ses_verification_tokens (token, account_id, region, identity, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(token.token, token.accountId, token.region, token.identity, token.createdAt, token.expiresAt);
  }

  get(token: string): VerificationToken | undefined {
    const row = this.db.prepare('SELECT * FROM ses_verification_tokens WHERE token = ?').get(token) as
      | Row
      | undefined;
    if (!row) return undefined;
    return {
      token: row.token,
      accountId: row.account_id,
      region: row.region,
      identity: row.identity,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      usedAt: row.used_at ?? undefined,
    };
  }

  markUsed(token: string, at: number): void {
    this.db.prepare('UPDATE ses_verification_tokens SET used_at = ? WHERE token = ?').run(at, token);
  }

  deleteForIdentity(scope: Scope, identity: string): void {
    this.db
      .prepare('DELETE FROM ses_verification_tokens WHERE account_id = ? AND region = ? AND identity = ?')
      .run(scope.accountId, scope.region, identity);
  }
}
