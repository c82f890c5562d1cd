import type { Health } from '@ses-console/contract';
import { Router } from 'express';
import { AppError } from '../errors/app-error.js';
import { createReadinessProbe } from '../services/readiness-service.js';
import type { RouteDeps } from './route-spec.js';

/**
 * `/healthz`: the process answers. `/readyz`: SES answers in the default account and region (else 503 envelope),
 * checked at most once per 10 s (readiness-service.ts), since anyone may call it.
 */
export function healthRouter(deps: RouteDeps): Router {
  const router = Router();
  const sesReady = createReadinessProbe(deps.accounts.default.ctx, deps.defaultRegion);
  router.get('/healthz', (_req, res) => {
    const body: Health = { status: 'ok', backend: deps.backend };
    res.json(body);
  });
  router.get('/readyz', async (_req, res) => {
    if (!(await sesReady())) {
      throw new AppError(503, 'NotReady', `SES is not reachable in ${deps.defaultRegion}`);
    }
    const body: Health = { status: 'ok', backend: deps.backend };
    res.json(body);
  });
  return router;
}
