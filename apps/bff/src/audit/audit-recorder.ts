import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/app-error.js';
import { requestIdOf } from '../errors/error-middleware.js';
import { requestAccount } from '../http/request-account.js';
import { deadlineAnswered, handlerStatus, markAnswering, onDeadline } from '../http/response-deadline.js';
import type { AuditOutcome, NewAuditEntry, Store } from '../store/store.js';
import { auditIdentity, auditParameters, auditText, refusedParameters } from './audit-parameters.js';

/**
 * The audit log of state-changing requests, written in two steps so no change can go unrecorded:
 *
 * 1. `middleware(action)`, after the guards and before the handler: the intent (who, what, on
 *    which identity, the bounded and hashed parameters) with result `unknown`. If it cannot be
 *    stored, the change is refused with 503 `AuditUnavailable` and the handler never runs.
 * 2. When the response ends, the same entry is completed with its status (held until stored, so a
 *    client that saw the answer finds the entry). A crash or kill in between leaves it `unknown`,
 *    which is the truth. When the response deadline answered 504 first, the entry is marked so at
 *    once and completed with what the handler really did when it finishes.
 *
 * `refusals(action)` goes in front of the guards: a request they refuse (401, 403, the first 429 of
 * a rate-limit window) gets a small entry (method, path, actor, reason; never the body).
 */
export interface AuditRecorder {
  /** Records the intent, then the result (see above). */
  middleware(action: string): RequestHandler;
  /** Records a small entry for a request refused before its intent was recorded. */
  refusals(action: string): RequestHandler;
}

interface RequestAudit {
  action: string;
  /** Express resets req.params when an error leaves the route: the route's own, kept. */
  params: Record<string, string>;
  /** Id of the stored intent. */
  entryId?: string;
  ended: boolean;
}

const unidentified = { actor: null } as const;

function actorOf(principal: Principal | undefined): Pick<NewAuditEntry, 'actor' | 'actorName'> {
  if (!principal) return unidentified;
  return {
    actor: auditText(principal.id),
    ...(principal.name !== principal.id ? { actorName: auditText(principal.name) } : {}),
  };
}

/** A 429 is recorded once per client and window (the first refusal); a flood of them adds nothing. */
function firstRefusalOfWindow(req: Request): boolean {
  const info = (req as Request & { rateLimit?: { limit?: number; used?: number } }).rateLimit;
  if (!info || typeof info.limit !== 'number' || typeof info.used !== 'number') return true;
  return info.used === info.limit + 1;
}

export function createAuditRecorder(deps: { store: Store; now: () => Date; logger: Logger }): AuditRecorder {
  const audits = new WeakMap<Response, RequestAudit>();
  const log = (req: Request) => req.log ?? deps.logger;

  function base(req: Request, res: Response, audit: RequestAudit) {
    const account = requestAccount(res);
    return {
      time: deps.now().toISOString(),
      ...actorOf(req.auth?.principal),
      action: audit.action,
      method: auditText(req.method, 16),
      path: auditText(req.originalUrl.split('?')[0] ?? req.originalUrl, 2048),
      region: audit.params.region ? auditText(audit.params.region, 64) : null,
      // The account the request acts in (its prefix, else the default account), refused ones too.
      account: account ? auditText(account, 64) : null,
      requestId: auditText(requestIdOf(req), 128),
    };
  }

  function outcomeOf(req: Request, res: Response): AuditOutcome {
    const status = handlerStatus(res);
    const principal = req.auth?.principal;
    return {
      result: status < 400 ? 'success' : 'error',
      status,
      errorCode: status < 400 ? null : auditText(String(res.locals.errorCode ?? `HTTP${status}`), 128),
      completedAt: deps.now().toISOString(),
      deadlineExceeded: deadlineAnswered(res),
      ...(principal
        ? {
            actor: {
              id: auditText(principal.id),
              ...(principal.name !== principal.id ? { name: auditText(principal.name) } : {}),
            },
          }
        : {}),
    };
  }

  /** Called when the response ends: completes the intent, or records the refusal. Never throws. */
  async function settle(req: Request, res: Response, audit: RequestAudit): Promise<void> {
    try {
      if (audit.entryId) {
        await deps.store.audit.complete(audit.entryId, outcomeOf(req, res));
        return;
      }
      const status = handlerStatus(res);
      if (status < 400 || (status === 429 && !firstRefusalOfWindow(req))) return;
      await deps.store.audit.append({
        ...base(req, res, audit),
        identity: audit.params.identity
          ? auditIdentity({ identity: audit.params.identity }, undefined)
          : null,
        parameters: refusedParameters(audit.params),
        result: 'error',
        status,
        errorCode: auditText(String(res.locals.errorCode ?? `HTTP${status}`), 128),
        completedAt: deps.now().toISOString(),
        deadlineExceeded: deadlineAnswered(res),
      });
    } catch (err) {
      // The intent is stored (or there was none: a refusal): the entry stays `unknown`, which is true.
      log(req).error(
        { err, action: audit.action, requestId: requestIdOf(req), entryId: audit.entryId },
        audit.entryId ? 'audit result not written; the entry stays unknown' : 'audit refusal not written',
      );
    }
  }

  /** The per-request record, with `res.end` wrapped once to settle it before the answer leaves. */
  function track(req: Request, res: Response, action: string): RequestAudit {
    const known = audits.get(res);
    if (known) return known;
    const audit: RequestAudit = {
      action,
      params: { ...(req.params as Record<string, string>) },
      ended: false,
    };
    audits.set(res, audit);
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      if (audit.ended) return end(...args);
      audit.ended = true;
      markAnswering(res);
      void settle(req, res, audit).finally(() => end(...args));
      return res;
    }) as Response['end'];
    return audit;
  }

  function refusedByDeadline(): AppError {
    return new AppError(
      504,
      'RequestTimeout',
      'The request did not start before the response deadline; nothing was changed.',
    );
  }

  return {
    refusals(action) {
      return (req, res, next) => {
        track(req, res, action);
        next();
      };
    },
    middleware(action) {
      return async (req, res, next) => {
        const audit = track(req, res, action);
        // Answered 504 while the guards ran: too late to start a change the caller was told failed.
        if (deadlineAnswered(res)) throw refusedByDeadline();
        try {
          audit.entryId = await deps.store.audit.append({
            ...base(req, res, audit),
            identity: auditIdentity(audit.params, req.body),
            parameters: auditParameters(audit.params, req.body),
            result: 'unknown',
            status: null,
            errorCode: null,
            completedAt: null,
            deadlineExceeded: false,
          });
        } catch (err) {
          log(req).error(
            { err, action, requestId: requestIdOf(req) },
            'audit intent not written; the change is refused',
          );
          throw new AppError(
            503,
            'AuditUnavailable',
            "The change was not made: the audit log could not record it. Try again in a moment; if this persists, the BFF's database needs attention.",
          );
        }
        const entryId = audit.entryId;
        onDeadline(res, async () => {
          await deps.store.audit.markDeadlineExceeded(entryId).catch((err: unknown) => {
            log(req).error({ err, entryId }, 'audit deadline mark not written');
          });
        });
        if (deadlineAnswered(res)) throw refusedByDeadline();
        next();
      };
    },
  };
}
