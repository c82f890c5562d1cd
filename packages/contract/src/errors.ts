import { z } from 'zod';

/** One error envelope for every non-2xx BFF response. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
});

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fieldErrors: z.array(fieldErrorSchema).optional(),
    /** 403 for a missing role: the role the route needs. */
    requiredRole: z.enum(['viewer', 'operator', 'admin']).optional(),
    /** 403 for a missing role in an account (ACCOUNTS): that account's id. */
    account: z.string().optional(),
    /**
     * A change of several steps that failed part-way: the steps that were applied (one sentence
     * each, e.g. "Removed tags: env, team") and those that were not. Absent when nothing was applied.
     */
    applied: z.array(z.string()).optional(),
    notApplied: z.array(z.string()).optional(),
  }),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
