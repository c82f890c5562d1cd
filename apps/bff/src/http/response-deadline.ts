import type { RequestHandler } from 'express';
import { requestIdOf } from '../errors/error-middleware.js';

/**
 * A client-visible time limit for API calls: if a handler has not answered within `ms` (SES or Route 53
 * slow or down, retries still running), the caller gets a 504 envelope saying so instead of a hanging
 * request. Whatever the handler produces later is dropped (the error middleware skips sent responses).
 */
export function responseDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(504).json({
        error: {
          code: 'RequestTimeout',
          message: `The request did not finish within ${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s (AWS is slow or not answering); try again later.`,
          requestId: requestIdOf(req),
        },
      });
    }, ms);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
