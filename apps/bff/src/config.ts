import path from 'node:path';
import { authModeSchema, regionSchema } from '@ses-console/contract';
import { REGION_NAME_SOURCE } from '@ses-console/contract/region-name';
import { isLoopbackHost } from '@ses-console/emulator';
import { z } from 'zod';
import { type AccountSetting, parseAccountSettings } from './accounts/account-config.js';
import {
  defaultRoleGroups,
  type RoleGroups,
  RoleGroupsError,
  roleGroupsValueSchema,
  roleMapOf,
} from './auth/role-groups.js';
import { checkDnsServers } from './clients/dns-resolver.js';
import { parseAllowedHosts } from './http/allowed-hosts.js';
import { sesCommercialRegions } from './regions.js';

/** A comma-separated list (REGIONS, DNS_SERVERS, ALLOWED_HOSTS, TRUSTED_PROXIES): trimmed, empty items dropped. */
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
  .pipe(roleGroupsValueSchema);

const regionListSchema = listSchema.pipe(
  z.array(regionSchema).min(1, 'REGIONS must name at least one region'),
);

const dnsServerListSchema = listSchema.superRefine((servers, ctx) => {
  try {
    checkDnsServers(servers);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'DNS_SERVERS must be a comma list of host[:port] IP addresses',
    });
  }
});

const allowedHostsSchema = listSchema.superRefine((entries, ctx) => {
  try {
    parseAllowedHosts(entries);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** `arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>`. */
const ALB_ARN = new RegExp(
  `^arn:aws[a-z-]*:elasticloadbalancing:(${REGION_NAME_SOURCE}):\\d{12}:loadbalancer/app/[^/]+/[0-9a-f]+$`,
);

/** Environment, parsed once at start-up. Every variable is documented in docs/configuration.md. */
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
    /**
     * The AWS accounts the console serves (a JSON list; ACCOUNTS_FILE: the same as a YAML or JSON file),
     * checked by accounts/account-config.ts. Unset: one account, the BFF's own.
     */
    ACCOUNTS: z.string().optional(),
    ACCOUNTS_FILE: z.string().optional(),
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

    // ---- the HTTP edge: who may call, and for how long ----
    /**
     * Host names (`name` or `name:port`) the console answers to besides localhost and the address it
     * was reached on; the host of OIDC_REDIRECT_URL is added. Other Host headers get 421.
     */
    ALLOWED_HOSTS: allowedHostsSchema.optional(),
    /** A request's headers and body must have arrived within this (then 408 and the connection closes). */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    /** A request's headers must have arrived within this. */
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(10_000),
    /** Open connections at most; further ones are closed at once. */
    MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
    /** Address of the embedded emulator (checked here: AUTH_MODE=none keeps it on loopback). */
    EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
    /** Secret the emulator's control plane asks for (`x-emulator-control-token`); the BFF sends it. */
    EMULATOR_CONTROL_TOKEN: z
      .string()
      .min(16, 'EMULATOR_CONTROL_TOKEN must be at least 16 characters')
      .optional(),

    // ---- admin portal: sign-in, roles, sessions, audit ----
    AUTH_MODE: authModeSchema.default('none'),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The BFF's `/auth/callback` as browsers reach it; its scheme decides Secure cookies. */
    OIDC_REDIRECT_URL: z.url().optional(),
    OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
    OIDC_SCOPES: z.string().min(1).default('openid profile email'),
    /**
     * JSON object role → groups, e.g. {"admin":["ses-admins"],"viewer":["*"]}; an entry may scope the
     * role to accounts of ACCOUNTS: {"group":"staging-admins","accounts":["staging"]}.
     */
    ROLE_GROUPS: roleGroupsSchema.default(defaultRoleGroups),
    /**
     * IPs/CIDRs of the proxy in front: `proxy` mode believes its identity headers; in every mode its
     * X-Forwarded-For / -Proto / -Host (client address for rate limits, https for cookies).
     */
    TRUSTED_PROXIES: listSchema.optional(),
    /** Base URL of the ALB's public keys (`<url>/<kid>`); default from AWS_REGION. */
    ALB_PUBLIC_KEY_URL: z.url().optional(),
    /**
     * ALB mode: only tokens signed by this load balancer (its ARN) are believed, and only its token
     * (`x-amzn-oidc-data`), never `x-forwarded-user`. Without it, ALB tokens are refused.
     */
    ALB_SIGNER_ARN: z
      .string()
      .regex(
        ALB_ARN,
        'ALB_SIGNER_ARN must be an application load balancer ARN (arn:aws:elasticloadbalancing:…:loadbalancer/app/…)',
      )
      .optional(),
    /** ALB mode: the `iss` ALB tokens must carry (the issuer of the IdP the ALB signs users in with). */
    ALB_ISSUER: z.url().optional(),
    /** AUTH_MODE=proxy: where "Sign out" goes (e.g. oauth2-proxy's /oauth2/sign_out). */
    PROXY_SIGN_OUT_URL: z.string().min(1).optional(),
    /** AUTH_MODE=oidc: a session's roles are re-derived from the IdP (refresh token) at least this often. */
    OIDC_ROLES_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(3600),
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
  .refine((env) => env.HEADERS_TIMEOUT_MS <= env.REQUEST_TIMEOUT_MS, {
    path: ['HEADERS_TIMEOUT_MS'],
    message: 'HEADERS_TIMEOUT_MS must not be larger than REQUEST_TIMEOUT_MS',
  })
  .refine(
    (env) => env.AUTH_MODE !== 'none' || env.SES_BACKEND !== 'emulator' || isLoopbackHost(env.EMULATOR_HOST),
    {
      path: ['EMULATOR_HOST'],
      message:
        'AUTH_MODE=none keeps the embedded emulator on loopback too (127.0.0.1, ::1, localhost): anyone who reaches it can read and change everything. Set AUTH_MODE=oidc or proxy and EMULATOR_CONTROL_TOKEN to bind it elsewhere',
    },
  )
  .superRefine((env, ctx) => {
    if (env.ALB_SIGNER_ARN && !env.ALB_ISSUER) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALB_ISSUER'],
        message:
          'ALB_ISSUER (the issuer URL of the IdP your load balancer signs users in with) is required with ALB_SIGNER_ARN',
      });
    }
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

/** HOST values that only this machine can reach (the emulator's rule, so both agree). */
export { isLoopbackHost };

export type Config = z.infer<typeof envSchema> & {
  consoleDist: string;
  /** ACCOUNTS / ACCOUNTS_FILE as checked (the first is the default account); undefined: one account. */
  accounts?: AccountSetting[];
};

/** The region in an ALB ARN (`arn:aws:elasticloadbalancing:<region>:…`). */
export function albRegionOf(arn: string): string | undefined {
  return ALB_ARN.exec(arn)?.[1];
}

/** ROLE_GROUPS against ACCOUNTS (scoped entries name configured accounts): the problems name each entry. */
function checkRoleGroups(roleGroups: RoleGroups, accounts: readonly AccountSetting[]): void {
  try {
    roleMapOf(roleGroups, accounts);
  } catch (error) {
    if (error instanceof RoleGroupsError) throw new Error(`Invalid configuration: ${error.message}`);
    throw error;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv, defaultConsoleDist: string): Config {
  // Empty variables count as unset (a common shell habit: `REGIONS= node …`).
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(defined);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const data = result.data;
  const { accounts, problems } = parseAccountSettings(data, {
    regions: data.REGIONS,
    defaultRegion: data.AWS_REGION,
    backend: data.SES_BACKEND,
    emulatorAccountId: data.EMULATOR_ACCOUNT_ID,
    awsAccountId: data.AWS_ACCOUNT_ID,
  });
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  checkRoleGroups(data.ROLE_GROUPS, accounts ?? []);
  return {
    ...data,
    consoleDist: path.resolve(data.CONSOLE_DIST ?? defaultConsoleDist),
    ...(accounts ? { accounts } : {}),
  };
}
