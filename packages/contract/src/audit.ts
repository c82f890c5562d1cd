import { z } from 'zod';

/**
 * How a recorded request ended. `unknown`: the change was allowed and its intent recorded before it
 * started, but no result has been recorded (yet): it is still running, or the BFF stopped (crash,
 * kill) before it finished, so whether it took effect is not known. An entry stays `unknown` until
 * the BFF records the result; it never turns into success or error by guessing.
 */
export const auditResultSchema = z.enum(['success', 'error', 'unknown']);
export type AuditResult = z.infer<typeof auditResultSchema>;

/** One state-changing request, as the audit log keeps it. Secrets are never stored (SHA-256 instead). */
export const auditEntrySchema = z.object({
  /** Increasing number; newer entries have larger ids. */
  id: z.string(),
  /** When the request was recorded: before the change ran (its intent), or when it was refused. */
  time: z.iso.datetime(),
  /**
   * Who made the request; null when it carried no valid sign-in (or was refused before anyone was
   * identified), so a user whose id happens to be `anonymous` is never confused with nobody.
   */
  actor: z.string().nullable(),
  actorName: z.string().optional(),
  action: z.string(),
  method: z.string(),
  path: z.string(),
  region: z.string().nullable(),
  /** The AWS account the request acted in (its `/api/accounts/{account}`, else the default account); null when not known. */
  account: z.string().nullable().optional(),
  identity: z.string().nullable(),
  /**
   * Path parameters and request body, with private keys and policy documents replaced by `sha256:<hex>`;
   * bounded (depth, members, text length), so very large or deep values are shortened with a note.
   * Refused requests (401, 403, 429) keep only the path parameters, never the body.
   */
  parameters: z.record(z.string(), z.unknown()),
  result: auditResultSchema,
  /** The HTTP status the request ended with; null while the result is `unknown`. */
  status: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  requestId: z.string(),
  /** When the result was recorded; null while it is `unknown`. */
  completedAt: z.iso.datetime().nullable(),
  /**
   * The caller was answered 504 (response deadline) before the request finished: `result` and
   * `status` are what really happened afterwards, not what the caller was told.
   */
  deadlineExceeded: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const optionalText = z.string().trim().min(1).max(320).optional();

/** At most this many bytes of entries (about, as JSON) in one page, whatever `limit` asks. */
export const AUDIT_PAGE_MAX_BYTES = 1_048_576;

/** The most rows one CSV export (`GET /api/audit.csv`) holds, newest first; narrow the filters for older ones. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

/** `GET /api/audit` filters; every filter is optional and they combine with AND. */
export const auditQuerySchema = z
  .object({
    actor: optionalText,
    action: optionalText,
    /** Entries of this account id only. */
    account: optionalText,
    /** Matches identities containing this text (case-insensitive). */
    identity: optionalText,
    result: auditResultSchema.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Most entries in one page; a page also stops at AUDIT_PAGE_MAX_BYTES (then `nextCursor` goes on). */
    limit: z.coerce.number().int().min(1).max(500).default(50),
    /** `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'cursor must be the nextCursor of a previous page')
      .optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['to'],
    message: 'to must not be before from',
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditQueryInput = z.input<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  /** Newest first; fewer than `limit` when the page reached AUDIT_PAGE_MAX_BYTES. */
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
