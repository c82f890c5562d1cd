import type { Migration } from '../db.js';

/**
 * STS: the temporary credentials AssumeRole and GetSessionToken issued, by access key id — the account
 * each acts in, the role and session it is of, and when it expires (epoch ms on the emulator clock).
 * Every service's requests look their key up here (`protocol/session-credentials.ts`).
 */
export const stsCredentials: Migration = {
  id: '010-sts-credentials',
  sql: `
    CREATE TABLE sts_credentials (
      access_key_id TEXT PRIMARY KEY,
      secret_access_key TEXT NOT NULL,
      session_token TEXT NOT NULL,
      account_id TEXT NOT NULL,
      role_arn TEXT,
      session_name TEXT,
      principal_arn TEXT NOT NULL,
      principal_id TEXT NOT NULL,
      issued_at_ms INTEGER NOT NULL,
      expires_at_ms INTEGER NOT NULL
    );
    CREATE INDEX sts_credentials_expiry ON sts_credentials (expires_at_ms);
  `,
};
