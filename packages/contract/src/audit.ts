import { z } from 'zod';

export const auditResultSchema = z.enum(['success', 'error']);

/** One state-changing request, as the audit log keeps it. Secrets are never stored (SHA-256 instead). */
export const auditEntrySchema = z.object({
  /** Increasing number; newer entries have larger ids. */
  id: z.string(),
  time: z.iso.datetime(),
  actor: z.string(),
  actorName: z.string().optional(),
  action: z.string(),
  method: z.string(),
  path: z.string(),
  region: z.string().nullable(),
  identity: z.string().nullable(),
  /** Path parameters and request body, with private keys and policy documents replaced by `sha256:<hex>`. */
  parameters: z.record(z.string(), z.unknown()),
  result: auditResultSchema,
  status: z.number().int(),
  errorCode: z.string().nullable(),
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const optionalText = z.string().trim().min(1).max(320).optional();

/** `GET /api/audit` filters; every filter is optional and they combine with AND. */
export const auditQuerySchema = z
  .object({
    actor: optionalText,
    action: optionalText,
    /** Matches identities containing this text (case-insensitive). */
    identity: optionalText,
    result: auditResultSchema.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
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
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
