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
  }),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
