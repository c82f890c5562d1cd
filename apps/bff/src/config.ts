import path from 'node:path';
import { authModeSchema, regionSchema, roleSchema } from '@ses-console/contract';
import { z } from 'zod';
import { defaultRoleGroups } from './auth/principal.js';
import { checkDnsServers } from './clients/dns-resolver.js';
import { sesCommercialRegions } from './regions.js';

const listSchema = z.string().transform((v) =>
  v
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const roleGroupsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'ROLE_GROUPS must be JSON, e.g. {"admin":["ses-admins"]}' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(roleSchema, z.array(z.string().min(1))));

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

    // ---- admin portal: sign-in, roles, sessions, audit ----
    AUTH_MODE: authModeSchema.default('none'),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The BFF's `/auth/callback` as browsers reach it; its scheme decides Secure cookies. */
    OIDC_REDIRECT_URL: z.url().optional(),
    OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
    OIDC_SCOPES: z.string().min(1).default('openid profile email'),
    /** JSON object role → groups, e.g. {"admin":["ses-admins"],"viewer":["*"]}. */
    ROLE_GROUPS: roleGroupsSchema.default(defaultRoleGroups),
    TRUSTED_PROXIES: listSchema.optional(),
    /** Base URL of the ALB's public keys (`<url>/<kid>`); default from AWS_REGION. */
    ALB_PUBLIC_KEY_URL: z.url().optional(),
    /** When set, ALB tokens must be signed by this load balancer (its ARN). */
    ALB_SIGNER_ARN: z.string().min(1).optional(),
    /** AUTH_MODE=proxy: where "Sign out" goes (e.g. oauth2-proxy's /oauth2/sign_out). */
    PROXY_SIGN_OUT_URL: z.string().min(1).optional(),
    SESSION_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(8 * 3600),
    /** PostgreSQL for sessions and the audit log (several instances); default SQLite in DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
      .optional(),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_MUTATIONS: z.coerce.number().int().min(1).default(120),
    RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(20),
  })
  .refine((env) => env.REGIONS.includes(env.AWS_REGION), {
    path: ['AWS_REGION'],
    message: 'AWS_REGION must be one of REGIONS',
  })
  .refine((env) => env.AUTH_MODE !== 'none' || isLoopbackHost(env.HOST), {
    path: ['AUTH_MODE'],
    message:
      'AUTH_MODE=none gives everyone who reaches the port full admin rights, so it only listens on a loopback HOST (127.0.0.1, ::1, localhost). Set AUTH_MODE=oidc or AUTH_MODE=proxy to listen on another address',
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === 'oidc') {
      for (const key of [
        'OIDC_ISSUER',
        'OIDC_CLIENT_ID',
        'OIDC_CLIENT_SECRET',
        'OIDC_REDIRECT_URL',
      ] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required with AUTH_MODE=oidc` });
      }
    }
    if (env.AUTH_MODE === 'proxy' && (env.TRUSTED_PROXIES ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRUSTED_PROXIES'],
        message:
          'TRUSTED_PROXIES (IPs or CIDRs of the authenticating proxy) is required with AUTH_MODE=proxy',
      });
    }
  });

/** HOST values that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

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
