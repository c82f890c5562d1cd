import fs from 'node:fs';
import path from 'node:path';
import { apiPaths, type RegionInfo } from '@ses-console/contract';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { AwsClients } from './clients/aws-clients.js';
import { createDnsResolver, type DnsResolver } from './clients/dns-resolver.js';
import { apiNotFound, createErrorMiddleware } from './errors/error-middleware.js';
import { requestLogging } from './http/request-logging.js';
import { responseDeadline } from './http/response-deadline.js';
import { securityHeaders } from './http/security-headers.js';
import { logger as defaultLogger } from './logger.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { allRegionsRoutes } from './routes/all-regions-routes.js';
import { dnsDiagnosticsRoutes } from './routes/dns-diagnostics-routes.js';
import { emulatorRoutes } from './routes/emulator-routes.js';
import { healthRouter } from './routes/health-routes.js';
import { identityEditRoutes } from './routes/identity-edit-routes.js';
import { identityRoutes } from './routes/identity-routes.js';
import { metaRoutes, sendingRoutes } from './routes/meta-routes.js';
import type { RouteDeps, RouteSpec } from './routes/route-spec.js';
import { createAccountIdResolver } from './services/account-id.js';
import { createEmulatorControl } from './services/emulator-control-service.js';

export interface AppDeps {
  backend: 'emulator' | 'aws';
  clients: AwsClients;
  regions: RegionInfo[];
  defaultRegion: string;
  /** Account id for identity ARNs when known up front (emulator: the emulator's account). */
  accountId?: string;
  /** Emulator mode: base URL of the emulator's control plane. */
  emulatorUrl?: string;
  /** Folder of the built console (index.html + assets); the SPA is served when it exists. */
  consoleDist?: string;
  jsonBodyLimit?: string;
  /** Client-visible limit of an API call; a 504 envelope after it (default DEFAULT_API_TIMEOUT_MS). */
  apiTimeoutMs?: number;
  logger?: Logger;
  /** Resolvers for the DNS diagnostics; default: the host's own, 5 s timeout. */
  dns?: DnsResolver;
}

/** Above the bulk delete's own 90 s budget, so a bulk delete reports per identity rather than timing out. */
export const DEFAULT_API_TIMEOUT_MS = 100_000;

export const API_VERSION = '1.0.0';

/** The API routes this app serves (emulator routes only with the emulator backend). */
export function apiRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    ...metaRoutes(deps),
    ...allRegionsRoutes(deps),
    ...identityRoutes(deps),
    ...dnsDiagnosticsRoutes(deps),
    ...identityEditRoutes(deps),
    ...sendingRoutes(deps),
    ...(deps.emulator ? emulatorRoutes(deps.emulator) : []),
  ];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const routeDeps: RouteDeps = {
    ctx: { clients: deps.clients, accountId: createAccountIdResolver(deps.clients, deps.accountId) },
    backend: deps.backend,
    regions: deps.regions,
    defaultRegion: deps.defaultRegion,
    emulator:
      deps.backend === 'emulator' && deps.emulatorUrl ? createEmulatorControl(deps.emulatorUrl) : undefined,
    dns: deps.dns ?? createDnsResolver({ servers: [], timeoutMs: 5_000 }),
  };
  const routes = apiRoutes(routeDeps);
  const openApi = buildOpenApiDocument(
    [
      ...routes,
      {
        method: 'get',
        path: apiPaths.openapi,
        tag: 'Meta',
        summary: 'This OpenAPI 3.1 document',
        responses: { 200: { description: 'OpenAPI document' } },
        handler: () => {},
      },
    ],
    { version: API_VERSION },
  );

  app.use(requestLogging(deps.logger ?? defaultLogger));
  app.use(securityHeaders());
  app.use(healthRouter(routeDeps));

  const api = express.Router();
  api.use('/api', responseDeadline(deps.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS));
  api.use(express.json({ limit: deps.jsonBodyLimit ?? '2mb' }));
  api.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });
  api.get(apiPaths.openapi, (_req, res) => {
    res.json(openApi);
  });
  for (const route of routes) api[route.method](route.path, route.handler);
  api.use('/api', apiNotFound);
  app.use(api);

  const dist = deps.consoleDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // SPA fallback: any GET that is not an API call gets the app shell.
    app.get(/^\/(?!api\/|api$|healthz|readyz).*/, (_req, res) => {
      res.sendFile(path.join(dist, 'index.html'), { headers: { 'cache-control': 'no-cache' } });
    });
  }
  app.use(createErrorMiddleware(routes.map((r) => r.path)));
  return app;
}
