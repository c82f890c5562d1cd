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

/** How the request of a recorded intent ended. */
export interface AuditOutcome {
  result: 'success' | 'error';
  status: number;
  errorCode: string | null;
  completedAt: string;
  deadlineExceeded: boolean;
  /** Who it was, when only the request itself found out (a sign-in); omitted: keep the intent's. */
  actor?: { id: string; name?: string };
}

export interface AuditRepository {
  /** Stores an entry (an intent has result `unknown`, status and completedAt null) and returns its id. */
  append(entry: NewAuditEntry): Promise<string>;
  /** Records the outcome of the intent `id` (in place: one entry per request). */
  complete(id: string, outcome: AuditOutcome): Promise<void>;
  /** The caller of `id` was answered 504 by the response deadline; its outcome follows later. */
  markDeadlineExceeded(id: string): Promise<void>;
  /**
   * Newest first, `query.limit` at a time and at most AUDIT_PAGE_MAX_BYTES (at least one entry);
   * `nextCursor` continues with older entries. Oversized values stored by older versions are
   * shortened on the way out.
   */
  query(query: AuditQuery): Promise<AuditPage>;
}
