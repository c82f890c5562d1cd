import { z } from 'zod';
import { regionalIdentitySummarySchema } from './all-regions.js';
import { listIdentitiesQuerySchema } from './identities.js';
import { regionSchema } from './validation.js';

/**
 * Several AWS accounts in one console (ACCOUNTS / ACCOUNTS_FILE). Without ACCOUNTS the console serves
 * one account, as before: `accounts` in `/api/meta` is empty and no URL carries an account.
 */

/** An AWS account id: exactly 12 digits. */
export const ACCOUNT_ID_SOURCE = '\\d{12}';
export const accountIdSchema = z
  .string()
  .regex(new RegExp(`^${ACCOUNT_ID_SOURCE}$`), 'account must be a 12-digit AWS account id');

/** One configured account as the console sees it (never how it is reached: no role ARN, no external id). */
export const accountInfoSchema = z.object({
  id: accountIdSchema,
  /** Display name (e.g. "production"). */
  name: z.string(),
  /** The Regions offered in this account (the account's own `regions`, else REGIONS). */
  regions: z.array(z.string()),
});
export type AccountInfo = z.infer<typeof accountInfoSchema>;

/** Account × Region lists `GET /api/all-accounts/identities` loads at the same time. */
export const ALL_ACCOUNTS_CONCURRENCY = 6;

/** One row of the All accounts table: an identity, its Region and its account. */
export const accountIdentitySummarySchema = regionalIdentitySummarySchema.extend({
  account: z.string(),
});
export type AccountIdentitySummary = z.infer<typeof accountIdentitySummarySchema>;

/**
 * How loading one account (and Region) went. `region: null`: the account failed as a whole (its role
 * could not be assumed), so none of its Regions was asked; the other accounts still load.
 */
export const accountLoadResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    account: z.string(),
    region: z.string(),
    outcome: z.literal('loaded'),
    count: z.number().int(),
  }),
  z.object({
    account: z.string(),
    region: z.string().nullable(),
    outcome: z.literal('failed'),
    /** The error envelope's code and message, as the account's (Region's) own list would have answered. */
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type AccountLoadResult = z.infer<typeof accountLoadResultSchema>;

/** Query of `GET /api/all-accounts/identities`: one Region in every account, or (no `region`) all of them. */
export const listAllAccountsIdentitiesQuerySchema = listIdentitiesQuerySchema.extend({
  region: regionSchema.optional(),
});
export type ListAllAccountsIdentitiesQuery = z.infer<typeof listAllAccountsIdentitiesQuerySchema>;

export const listAllAccountsIdentitiesResponseSchema = z.object({
  identities: z.array(accountIdentitySummarySchema),
  /** One entry per account and Region loaded (one per account when the account failed as a whole). */
  loads: z.array(accountLoadResultSchema),
});
export type ListAllAccountsIdentitiesResponse = z.infer<typeof listAllAccountsIdentitiesResponseSchema>;
