import { z } from 'zod';
import { configurationSetNameSchema, emailAddressSchema } from './validation.js';

/** Mailbox simulator scenarios of the SES console's "Send test email". */
export const simulatorScenarios = {
  success: 'success@simulator.amazonses.com',
  bounce: 'bounce@simulator.amazonses.com',
  complaint: 'complaint@simulator.amazonses.com',
  ooto: 'ooto@simulator.amazonses.com',
  suppressionlist: 'suppressionlist@simulator.amazonses.com',
} as const;
export type SimulatorScenario = keyof typeof simulatorScenarios;

export const sendTestEmailRequestSchema = z
  .object({
    /** The full from-address (for a domain identity: local part + `@` + domain). */
    from: emailAddressSchema,
    scenario: z.enum(['success', 'bounce', 'complaint', 'ooto', 'suppressionlist', 'custom']),
    /** Required when scenario is `custom`. */
    customRecipient: emailAddressSchema.optional(),
    subject: z.string().min(1, 'Subject is required').max(998, 'Subject must be at most 998 characters'),
    body: z.string().max(1_000_000, 'Body must be at most 1,000,000 characters').default(''),
    /** Overrides the identity's default configuration set for this message. */
    configurationSetName: configurationSetNameSchema.optional(),
  })
  .refine((v) => v.scenario !== 'custom' || v.customRecipient, {
    path: ['customRecipient'],
    message: 'Enter a custom recipient when the scenario is Custom',
  });
export type SendTestEmailRequest = z.input<typeof sendTestEmailRequestSchema>;

export const sendTestEmailResponseSchema = z.object({ messageId: z.string(), to: z.string() });
export type SendTestEmailResponse = z.infer<typeof sendTestEmailResponseSchema>;

/** `GET /api/regions/:region/account`: the SES account in one Region (GetAccount). */
export const accountSchema = z.object({
  /** false: the account is in the SES sandbox in this Region. */
  productionAccessEnabled: z.boolean(),
  sendingEnabled: z.boolean(),
  sendQuota: z.object({
    /** -1 = unlimited. */
    max24HourSend: z.number(),
    maxSendRate: z.number(),
    sentLast24Hours: z.number(),
  }),
});
export type Account = z.infer<typeof accountSchema>;
