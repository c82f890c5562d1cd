import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from '../errors/app-error.js';

export interface RateLimits {
  windowSeconds: number;
  /** State-changing API requests per signed-in user (else per client address) and window. */
  mutations: number;
  /** Sign-in attempts (`/auth/login`, `/auth/callback`) per client address and window. */
  signIn: number;
}

export const defaultRateLimits: RateLimits = { windowSeconds: 60, mutations: 120, signIn: 20 };

/**
 * Per-process counters (each instance behind a load balancer counts on its own). With `userOf`, a
 * request is counted against its signed-in user: behind a proxy every user arrives from the proxy's
 * address, and one busy user (or one attacker) must not use up everybody's allowance. A request without
 * a user is counted against its address (`req.ip`: the client's, when TRUSTED_PROXIES names the proxy).
 */
export function createRateLimiter(
  limit: number,
  windowSeconds: number,
  what: string,
  userOf?: (req: Request) => Promise<string | undefined>,
): RequestHandler {
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // `trust proxy` is set from TRUSTED_PROXIES; the library's start-up checks would only log noise.
    validate: false,
    async keyGenerator(req) {
      // A request whose identity is refused (spoofed headers) is counted by address; the guard that
      // runs after the limiter refuses it.
      const user = userOf ? await userOf(req).catch(() => undefined) : undefined;
      return user !== undefined ? `user:${user}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
    },
    handler: (req, _res, next, options) => {
      const who = userOf && req.auth?.principal ? 'for this user' : 'from this address';
      next(
        new AppError(
          429,
          'TooManyRequests',
          `Too many ${what} ${who}: at most ${options.limit} per ${windowSeconds} s. Try again later.`,
        ),
      );
    },
  });
}
