import path from 'node:path';
import { regionSchema } from '@ses-console/contract';
import { z } from 'zod';
import { checkDnsServers } from './clients/dns-resolver.js';
import { sesCommercialRegions } from './regions.js';

const regionListSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r.length > 0),
  )
  .pipe(z.array(regionSchema).min(1, 'REGIONS must name at least one region'));

const dnsServerListSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  )
  .superRefine((servers, ctx) => {
    try {
      checkDnsServers(servers);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'DNS_SERVERS must be a comma list of host[:port] IP addresses',
      });
    }
  });

/** Environment, parsed once at start-up. Every variable is documented in the README's configuration table. */
const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    SES_BACKEND: z.enum(['emulator', 'aws']).default('emulator'),
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4566),
    /** Account id the embedded emulator uses for the BFF's dummy access key. */
    EMULATOR_ACCOUNT_ID: z
      .string()
      .regex(/^\d{12}$/)
      .default('000000000000'),
    DATA_DIR: z.string().min(1).default('.data'),
    CONSOLE_DIST: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Regions offered in the console (comma-separated); default: the SES commercial regions. */
    REGIONS: regionListSchema.default(sesCommercialRegions.map((r) => r.code)),
    /** The console's default region. */
    AWS_REGION: regionSchema.default('us-east-1'),
    /** Account id for identity ARNs when the credentials do not carry one (aws backend). */
    AWS_ACCOUNT_ID: z
      .string()
      .regex(/^\d{12}$/, 'AWS_ACCOUNT_ID must be 12 digits')
      .optional(),
    /** Per-attempt timeout of SES and Route 53 requests. */
    AWS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /**
     * DNS servers the DNS diagnostics ask (`host[:port]`, comma-separated). Default: in emulator mode the
     * embedded emulator's DNS server (127.0.0.1:EMULATOR_DNS_PORT), else the host's resolvers.
     */
    DNS_SERVERS: dnsServerListSchema.optional(),
    /** Per-query timeout of the DNS diagnostics. */
    DNS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(3_000),
    /** Client-visible limit of an API call (a 504 envelope after it). */
    API_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(100_000),
    /** Largest JSON request body the API accepts. */
    JSON_BODY_LIMIT: z.string().min(1).default('2mb'),
  })
  .refine((env) => env.REGIONS.includes(env.AWS_REGION), {
    path: ['AWS_REGION'],
    message: 'AWS_REGION must be one of REGIONS',
  });

export type Config = z.infer<typeof envSchema> & { consoleDist: string };

export function loadConfig(env: NodeJS.ProcessEnv, defaultConsoleDist: string): Config {
  // Empty variables count as unset (a common shell habit: `REGIONS= node …`).
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(defined);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return { ...result.data, consoleDist: path.resolve(result.data.CONSOLE_DIST ?? defaultConsoleDist) };
}
