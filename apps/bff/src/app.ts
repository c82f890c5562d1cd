import fs from 'node:fs';
import path from 'node:path';
import type { RegionInfo } from '@ses-console/contract';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { type AccountScopes, singleAccountScopes } from './accounts/account-scopes.js';
import { createAuditRecorder } from './audit/audit-recorder.js';
import { authenticate, authorize, identifyRequest, mayInAccount } from './auth/access-guard.js';
import type { AuthSetup } from './auth/auth-setup.js';
import { noneAuth } from './auth/none-auth.js';
import { createRateLimiter, defaultRateLimits, type RateLimits } from './auth/rate-limits.js';
import { Sessions } from './auth/sessions.js';
import type { AwsClients } from './clients/aws-clients.js';
import { createDnsResolver, type DnsResolver } from './clients/dns-resolver.js';
import { apiNotFound, createErrorMiddleware, lastResortErrorHandler } from './errors/error-middleware.js';
import { accountPrefix } from './http/account-prefix.js';
import { type AllowedHost, hostGuard } from './http/allowed-hosts.js';
import { jsonBody } from './http/json-body.js';
import { requestLogging } from './http/request-logging.js';
import { responseDeadline } from './http/response-deadline.js';
import { securityHeaders } from './http/security-headers.js';
import { logger as defaultLogger } from './logger.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { accountRoutes } from './routes/account-routes.js';
import { allAccountsRoutes } from './routes/all-accounts-routes.js';
import { allRegionsRoutes } from './routes/all-regions-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { configurationSetRoutes } from './routes/configuration-set-routes.js';
import { dnsDiagnosticsRoutes } from './routes/dns-diagnostics-routes.js';
import { emulatorRoutes } from './routes/emulator-routes.js';
import { globalIdentityRoutes } from './routes/global-identity-routes.js';
import { healthRouter } from './routes/health-routes.js';
import { hostedZoneRoutes } from './routes/hosted-zone-routes.js';
import { identityRoutes } from './routes/identity-routes.js';
import { identitySettingsRoutes } from './routes/identity-settings-routes.js';
import { metaRoutes, openApiRoutes } from './routes/meta-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import { paramRules } from './routes/params.js';
import { policyRoutes } from './routes/policy-routes.js';
import { publishDnsRoutes } from './routes/publish-dns-routes.js';
import { type RouteBinding, type RouteDeps, type RouteSpec, routeSpecOf } from './routes/route-spec.js';
import { route53ChangeRoutes } from './routes/route53-change-routes.js';
import { sendTestEmailRoutes } from './routes/send-test-email-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { snsTopicRoutes } from './routes/sns-topic-routes.js';
import { createEmulatorControl } from './services/emulator-control-service.js';
import { openSqliteStore } from './store/sqlite-store.js';
import type { Store } from './store/store.js';

export interface AppDeps {
  backend: 'emulator' | 'aws';
  clients: AwsClients;
  regions: RegionInfo[];
  defaultRegion: string;
  /** Account id for identity ARNs when known up front (emulator: the emulator's account). */
  accountId?: string;
  /**
   * ACCOUNTS: the accounts served, each with its clients (accounts/account-scopes.ts). Default: one
   * account, `clients` with `accountId`.
   */
  accounts?: AccountScopes;
  /** Emulator mode: base URL of the emulator's control plane. */
  emulatorUrl?: string;
  /** EMULATOR_CONTROL_TOKEN: sent to the emulator's control plane when set. */
  emulatorControlToken?: string;
  /**
   * ALLOWED_HOSTS (plus the public URL's host): names the console answers to besides localhost and
   * the address a request arrived on. Other Host headers get 421.
   */
  allowedHosts?: AllowedHost[];
  /** Folder of the built console (index.html + assets); the SPA is served when it exists. */
  consoleDist?: string;
  jsonBodyLimit?: string;
  /** Client-visible limit of an API call; a 504 envelope after it (default DEFAULT_API_TIMEOUT_MS). */
  apiTimeoutMs?: number;
  logger?: Logger;
  /** Resolvers for the DNS diagnostics; default: the host's own, 5 s timeout. */
  dns?: DnsResolver;
  /** Sessions and audit log; default: an in-memory SQLite store. */
  store?: Store;
  /** AUTH_MODE; default: none (everyone is the local admin; CSRF still applies). */
  auth?: AuthSetup;
  sessionTtlSeconds?: number;
  /** Secure cookies: true (https public URL), false, or 'auto' (when the request came over https). */
  secureCookies?: boolean | 'auto';
  rateLimits?: RateLimits;
  /** Clock of sessions and audit entries (tests move it). */
  now?: () => Date;
}

/** The bulk delete keeps 10 % of it (90 s of 100 s) to answer with per-identity results, not a 504. */
export const DEFAULT_API_TIMEOUT_MS = 100_000;

export const API_VERSION = '1.0.0';

/**
 * The routes of `bindings` as registered: contract schemas parse each request, which runs in its
 * account's scope, and `:region` must be offered there.
 */
function routeSpecs(bindings: readonly RouteBinding[], accounts: Pick<AccountScopes, 'of'>): RouteSpec[] {
  const rules = paramRules();
  return bindings.map((binding) => routeSpecOf(binding, accounts, rules));
}

/** The SES, Route 53 and emulator API routes this app serves (emulator routes only with the emulator backend). */
export function apiRoutes(deps: RouteDeps): RouteSpec[] {
  return routeSpecs(
    [
      ...metaRoutes(deps),
      ...allRegionsRoutes(),
      ...allAccountsRoutes(deps),
      ...identityRoutes(deps),
      ...globalIdentityRoutes(deps),
      ...publishDnsRoutes(),
      ...hostedZoneRoutes(),
      ...route53ChangeRoutes(),
      ...dnsDiagnosticsRoutes(deps),
      ...identitySettingsRoutes(),
      ...notificationRoutes(),
      ...policyRoutes(),
      ...configurationSetRoutes(),
      ...sendTestEmailRoutes(),
      ...snsTopicRoutes(deps),
      ...accountRoutes(),
      ...(deps.emulator ? emulatorRoutes(deps.emulator) : []),
    ],
    deps.accounts,
  );
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const accounts =
    deps.accounts ??
    singleAccountScopes(
      deps.clients,
      deps.regions.map((r) => r.code),
      deps.accountId,
    );
  const routeDeps: RouteDeps = {
    accounts,
    backend: deps.backend,
    regions: deps.regions,
    defaultRegion: deps.defaultRegion,
    emulator:
      deps.backend === 'emulator' && deps.emulatorUrl
        ? createEmulatorControl(deps.emulatorUrl, { token: deps.emulatorControlToken })
        : undefined,
    dns: deps.dns ?? createDnsResolver({ servers: [], timeoutMs: 5_000 }),
    apiTimeoutMs: deps.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS,
    // The All accounts list shows the accounts where the caller is a viewer (ROLE_GROUPS per account).
    mayViewAccount: (account, { req }) => mayInAccount(req.auth?.principal, account, 'viewer'),
  };
  const logger = deps.logger ?? defaultLogger;
  const now = deps.now ?? (() => new Date());
  const store = deps.store ?? openSqliteStore(':memory:');
  const auth = deps.auth ?? noneAuth();
  const sessions = new Sessions({
    store,
    now,
    ttlSeconds: deps.sessionTtlSeconds ?? 8 * 3600,
    secureCookies: deps.secureCookies ?? 'auto',
  });
  const audit = createAuditRecorder({ store, now, logger });
  const limits = deps.rateLimits ?? defaultRateLimits;
  const identifyCaller = identifyRequest(auth.authenticator, sessions);
  const mutationLimit = createRateLimiter(
    limits.mutations,
    limits.windowSeconds,
    'changes',
    async (req) => (await identifyCaller(req)).principal?.id,
  );
  const signInLimit = createRateLimiter(limits.signIn, limits.windowSeconds, 'sign-in attempts');
  const identify = authenticate(auth.authenticator, sessions);
  if (auth.trustProxy) {
    const trusted = auth.trustProxy;
    app.set('trust proxy', (address: string) => trusted(address));
  }

  const authorizeOptions = {
    accountName: (id: string) => accounts.of(id)?.info?.name,
    defaultAccount: accounts.defaultAccount,
  };
  /** Every API route passes the same guards, chosen by its access rule in the contract's route table. */
  function guarded(route: RouteSpec): RequestHandler[] {
    if (route.method === 'get') return [identify, authorize(route, authorizeOptions), route.handler];
    if (!route.action) {
      throw new Error(
        `No audit action for ${route.method.toUpperCase()} ${route.path}: add it to routeTable in packages/contract/src/access.ts`,
      );
    }
    // Refusals (429, 401, 403) get a small entry; an allowed change gets its intent recorded before
    // the handler runs (or is refused with 503 when it cannot be), completed when it ends.
    return [
      audit.refusals(route.action),
      mutationLimit,
      identify,
      authorize(route, authorizeOptions),
      audit.middleware(route.action),
      route.handler,
    ];
  }

  let openApi: object = {};
  const routes = [
    ...apiRoutes(routeDeps),
    ...routeSpecs(
      [
        ...sessionRoutes({
          authenticator: auth.authenticator,
          sessions,
          accountIds: accounts.accounts.map((a) => a.id),
        }),
        ...auditRoutes({ store }),
        ...openApiRoutes(() => openApi),
      ],
      accounts,
    ),
  ];
  openApi = buildOpenApiDocument(routes, { version: API_VERSION });

  app.use(requestLogging(logger));
  app.use(securityHeaders());
  app.use(healthRouter(routeDeps));
  // The HTTP edge: only allowed Host names, and no cross-site changes, before any session is touched.
  app.use(hostGuard({ allowedHosts: deps.allowedHosts ?? [], trustProxy: auth.trustProxy }));
  if (auth.routes) {
    app.use(auth.routes({ sessions, audit, signInLimit }));
  }

  const api = express.Router();
  api.use('/api', responseDeadline(deps.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS));
  // The account a request acts in; `/api/accounts/{account}` is stripped here, before any route matches.
  api.use(accountPrefix(accounts, async (req) => (await identifyCaller(req)).principal !== undefined));
  api.use(jsonBody(deps.jsonBodyLimit ?? '2mb'));
  api.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });
  for (const route of routes) api[route.method](route.path, ...guarded(route));
  api.use('/api', apiNotFound);
  app.use(api);

  const dist = deps.consoleDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // SPA fallback: any GET that is not an API call or a build asset gets the app shell. A missing
    // asset (a chunk of an earlier build, after a redeploy) is a plain 404, so the browser reports a
    // failed load instead of parsing the shell's HTML as JavaScript or CSS.
    app.get(/^\/assets\//, (_req, res) => {
      res.status(404).type('text/plain').set('cache-control', 'no-store').send('Not found');
    });
    app.get(/^\/(?!api\/|api$|auth\/|healthz|readyz).*/, (_req, res) => {
      res.sendFile(path.join(dist, 'index.html'), { headers: { 'cache-control': 'no-cache' } });
    });
  }
  app.use(createErrorMiddleware(routes.map((r) => r.path)));
  app.use(lastResortErrorHandler);
  return app;
}
