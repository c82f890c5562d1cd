import type { AuditEntry, AuditPage, AuditQuery } from '@ses-console/contract';

/** What the BFF keeps between requests: sessions (and sign-ins in progress) and the audit log. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  sessions: SessionRepository;
  audit: AuditRepository;
  close(): Promise<void>;
}

/** Short-lived server-side records keyed by an opaque id (only its SHA-256 is stored). */
export type SessionKind = 'session' | 'login';

export interface SessionRepository {
  put(id: string, kind: SessionKind, data: unknown, expiresAt: Date): Promise<void>;
  /** The record's data, or undefined when it does not exist, is of another kind or expired at `now`. */
  get(id: string, kind: SessionKind, now: Date): Promise<unknown>;
  /** Like `get`, and deletes the record in the same step (one-time records such as a sign-in's PKCE state). */
  take(id: string, kind: SessionKind, now: Date): Promise<unknown>;
  delete(id: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<void>;
  /** Newest first, `query.limit` at a time; `nextCursor` continues with older entries. */
  query(query: AuditQuery): Promise<AuditPage>;
}
