import type { Health } from '@ses-console/contract';
import { Router } from 'express';
import { AppError } from '../errors/app-error.js';
import { checkSesReachable } from '../services/readiness-service.js';
import type { RouteDeps } from './route-spec.js';

/** `/healthz`: the process answers. `/readyz`: SES answers in the default region (else 503 envelope). */
export function healthRouter(deps: RouteDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const body: Health = { status: 'ok', backend: deps.backend };
    res.json(body);
  });
  router.get('/readyz', async (_req, res) => {
    if (!(await checkSesReachable(deps.ctx, deps.defaultRegion))) {
      throw new AppError(503, 'NotReady', `SES is not reachable in ${deps.defaultRegion}`);
    }
    const body: Health = { status: 'ok', backend: deps.backend };
    res.json(body);
  });
  return router;
}
