import type { SessionCredential, SessionCredentialSource } from '../protocol/session-credentials.js';
import type { Db } from './db.js';

/** One issued set of temporary credentials, as STS keeps it. */
export interface IssuedCredentialRecord extends SessionCredential {
  /** AssumeRole's RoleSessionName; absent for GetSessionToken. */
  sessionName?: string;
  issuedAtMs: number;
}

interface Row {
  access_key_id: string;
  secret_access_key: string;
  session_token: string;
  account_id: string;
  role_arn: string | null;
  session_name: string | null;
  principal_arn: string;
  principal_id: string;
  issued_at_ms: number;
  expires_at_ms: number;
}

function toRecord(row: Row): IssuedCredentialRecord {
  return {
    accessKeyId: row.access_key_id,
    secretAccessKey: row.secret_access_key,
    sessionToken: row.session_token,
    accountId: row.account_id,
    ...(row.role_arn === null ? {} : { roleArn: row.role_arn }),
    ...(row.session_name === null ? {} : { sessionName: row.session_name }),
    principalArn: row.principal_arn,
    principalId: row.principal_id,
    issuedAtMs: row.issued_at_ms,
    expiresAtMs: row.expires_at_ms,
  };
}

/**
 * The temporary credentials STS issued (`sts_credentials`). The dispatcher reads them for every
 * service's requests (`SessionCredentialSource`); STS writes them.
 */
export class StsCredentialRepo implements SessionCredentialSource {
  constructor(private readonly db: Db) {}

  find(accessKeyId: string): IssuedCredentialRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sts_credentials WHERE access_key_id = ?').get(accessKeyId) as
      | Row
      | undefined;
    return row ? toRecord(row) : undefined;
  }

  insert(record: IssuedCredentialRecord): void {
    this.db
      .prepare(
        `INSERT INTO sts_credentials (access_key_id, secret_access_key, session_token, account_id, role_arn,
           session_name, principal_arn, principal_id, issued_at_ms, expires_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.accessKeyId,
        record.secretAccessKey,
        record.sessionToken,
        record.accountId,
        record.roleArn ?? null,
        record.sessionName ?? null,
        record.principalArn,
        record.principalId,
        record.issuedAtMs,
        record.expiresAtMs,
      );
  }

  /** Forgets credentials that expired before `ms` (older ones would only ever be refused). */
  deleteExpiredBefore(ms: number): number {
    return this.db.prepare('DELETE FROM sts_credentials WHERE expires_at_ms < ?').run(ms).changes;
  }
}
