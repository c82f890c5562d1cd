import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import { requestIdOf } from '../errors/error-middleware.js';
import type { NewAuditEntry, Store } from '../store/store.js';
import { auditIdentity, auditParameters } from './audit-parameters.js';

export interface AuditRecorder {
  /** Appends one entry; a store failure is logged, never thrown at the user (the action already ran). */
  record(entry: NewAuditEntry): Promise<void>;
  /** Middleware for a state-changing route: writes one entry before the response completes. */
  middleware(action: string): RequestHandler;
  /** The entry for a request that ended with `res.statusCode`. */
  entryFor(
    req: Request,
    res: Response,
    action: string,
    options?: { principal?: Principal; params?: Record<string, string> },
  ): NewAuditEntry;
}

export function createAuditRecorder(deps: { store: Store; now: () => Date; logger: Logger }): AuditRecorder {
  const recorder: AuditRecorder = {
    async record(entry) {
      try {
        await deps.store.audit.append(entry);
      } catch (err) {
        deps.logger.error(
          { err, action: entry.action, requestId: entry.requestId },
          'audit entry not written',
        );
      }
    },
    entryFor(req, res, action, options = {}) {
      const principal = options.principal ?? req.auth?.principal;
      const params = options.params ?? { ...(req.params as Record<string, string>) };
      const status = res.statusCode;
      return {
        time: deps.now().toISOString(),
        actor: principal?.id ?? 'anonymous',
        ...(principal && principal.name !== principal.id ? { actorName: principal.name } : {}),
        action,
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? req.originalUrl,
        region: params.region ?? null,
        identity: auditIdentity(params, req.body),
        parameters: auditParameters(params, req.body),
        result: status < 400 ? 'success' : 'error',
        status,
        errorCode: status < 400 ? null : (res.locals.errorCode ?? `HTTP${status}`),
        requestId: requestIdOf(req),
      };
    },
    middleware(action) {
      return (req, res, next) => {
        // Express resets req.params when an error leaves the route: keep the route's own.
        const params = { ...(req.params as Record<string, string>) };
        // Hold the end of the response until the entry is stored, so a client that saw the answer
        // can already find the entry (and two instances on one database agree).
        const end = res.end.bind(res) as (...args: unknown[]) => Response;
        let recorded = false;
        res.end = ((...args: unknown[]) => {
          if (recorded) return end(...args);
          recorded = true;
          void recorder.record(recorder.entryFor(req, res, action, { params })).finally(() => end(...args));
          return res;
        }) as Response['end'];
        next();
      };
    },
  };
  return recorder;
}
