import { z } from 'zod';

/** The DMARC record the console recommends for every sending domain (`_dmarc.{domain}`): monitor only. */
export const DMARC_RECOMMENDED_VALUE = '"v=DMARC1; p=none;"';

/**
 * What public DNS answers for one record SES asks for (or recommends):
 * - `found`: a record with the expected value is there;
 * - `missing`: the name has no record of this type (NXDOMAIN or NODATA);
 * - `wrong_value`: records of this type exist but none has the expected value (`found` lists them);
 * - `resolver_error`: no answer could be had (timeout, SERVFAIL, refused); nothing is known about the record.
 */
export const dnsCheckStateSchema = z.enum(['found', 'missing', 'wrong_value', 'resolver_error']);
export type DnsCheckState = z.infer<typeof dnsCheckStateSchema>;

export const dnsCheckSchema = z.object({
  purpose: z.enum(['DKIM', 'MAIL_FROM_MX', 'MAIL_FROM_SPF', 'DMARC']),
  type: z.enum(['CNAME', 'TXT', 'MX']),
  /** Fully qualified, no trailing dot. */
  name: z.string(),
  /** The value asked for, as entered in a DNS zone (TXT quoted, MX `10 host`). */
  expected: z.string(),
  /** False for recommendations (DMARC): a missing record is advice, not a verification problem. */
  required: z.boolean(),
  state: dnsCheckStateSchema,
  /** What DNS answered, in the same form as `expected` (TXT strings joined and quoted, MX `priority host`). */
  found: z.array(z.string()),
  /** Why the state is what it is, when the state alone does not say (resolver errors, how a value is compared). */
  detail: z.string().optional(),
});
export type DnsCheck = z.infer<typeof dnsCheckSchema>;

/** `GET /api/regions/{region}/identities/{identity}/dns-diagnostics`. */
export const dnsDiagnosticsResponseSchema = z.object({
  identity: z.string(),
  region: z.string(),
  /** When the lookups ran (ISO-8601). */
  checkedAt: z.string(),
  /** Resolvers asked (`host:port`), or `system` for the host's own resolvers. */
  servers: z.array(z.string()),
  checks: z.array(dnsCheckSchema),
});
export type DnsDiagnosticsResponse = z.infer<typeof dnsDiagnosticsResponseSchema>;
