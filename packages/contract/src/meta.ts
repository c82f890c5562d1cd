import { z } from 'zod';
import { accountInfoSchema } from './accounts.js';

export const regionInfoSchema = z.object({ code: z.string(), name: z.string() });
export type RegionInfo = z.infer<typeof regionInfoSchema>;

/** `GET /api/meta`: what the console needs to draw its shell. */
export const metaResponseSchema = z.object({
  backend: z.enum(['emulator', 'aws']),
  regions: z.array(regionInfoSchema),
  defaultRegion: z.string(),
  /** ACCOUNTS as configured, in order; absent when the console serves one account (no ACCOUNTS). */
  accounts: z.array(accountInfoSchema).optional(),
  /** The account the routes without `/api/accounts/{account}` serve (the first of ACCOUNTS); absent without ACCOUNTS. */
  defaultAccount: z.string().optional(),
});
export type MetaResponse = z.infer<typeof metaResponseSchema>;

export const listConfigurationSetsResponseSchema = z.object({ configurationSets: z.array(z.string()) });
export type ListConfigurationSetsResponse = z.infer<typeof listConfigurationSetsResponseSchema>;
