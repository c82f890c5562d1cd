import { z } from 'zod';
import { regionSchema } from './validation.js';

/** Emulator-only routes (`SES_BACKEND=emulator`): captured mail and the clock, for demos and tests. */
export const mailboxMessageSchema = z.object({
  id: z.string(),
  region: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string().optional(),
  html: z.string().optional(),
  raw: z.string().optional(),
  configurationSetName: z.string().optional(),
  sentAt: z.string(),
  /**
   * For verification emails: the link as the email has it (the emulator's own URL, reachable only
   * where the emulator's port is; the console offers its own Verify button and link instead).
   */
  verificationLink: z.string().optional(),
  /** For verification emails: the token in that link. */
  verificationToken: z.string().optional(),
});
export type MailboxMessage = z.infer<typeof mailboxMessageSchema>;

export const mailboxResponseSchema = z.object({ messages: z.array(mailboxMessageSchema) });
export type MailboxResponse = z.infer<typeof mailboxResponseSchema>;

export const verifyEmailRequestSchema = z.object({ token: z.string().min(1, 'Token is required') });

/** Answer of `POST /api/emulator/verify-email` (added by the BFF; additive). */
export const verifyEmailResponseSchema = z.object({ verified: z.literal(true) });
export type VerifyEmailResponse = z.infer<typeof verifyEmailResponseSchema>;

/** Query of `GET /api/emulator/mailbox` (added by the BFF; additive). */
export const mailboxQuerySchema = z.object({
  email: z.string().max(320).optional(),
  id: z.string().max(200).optional(),
  /** Only mail sent in this Region (a verification email: the identity's Region). */
  region: regionSchema.optional(),
});

export const clockResponseSchema = z.object({ now: z.string() });
export type ClockResponse = z.infer<typeof clockResponseSchema>;

export const advanceClockRequestSchema = z.object({
  advanceSeconds: z
    .number()
    .int('advanceSeconds must be a whole number')
    .min(1)
    .max(10 * 365 * 24 * 3600),
});

/** `POST /api/emulator/account`: the emulator's stand-in for AWS's production-access review. */
export const setEmulatorAccountRequestSchema = z.object({
  region: regionSchema,
  productionAccess: z.boolean({ message: 'productionAccess must be true or false' }),
});
export type SetEmulatorAccountRequest = z.infer<typeof setEmulatorAccountRequestSchema>;
