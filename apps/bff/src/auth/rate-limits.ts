import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors/app-error.js';

export interface RateLimits {
  windowSeconds: number;
  /** State-changing API requests per client address and window. */
  mutations: number;
  /** Sign-in attempts (`/auth/login`, `/auth/callback`) per client address and window. */
  signIn: number;
}

export const defaultRateLimits: RateLimits = { windowSeconds: 60, mutations: 120, signIn: 20 };

/** Per-process counters (each instance behind a load balancer counts on its own). */
export function createRateLimiter(limit: number, windowSeconds: number, what: string): RequestHandler {
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // `trust proxy` is set from TRUSTED_PROXIES; the library's start-up checks would only log noise.
    validate: false,
    handler: (_req, _res, next, options) => {
      next(
        new AppError(
          429,
          'TooManyRequests',
          `Too many ${what} from this address: at most ${options.limit} per ${windowSeconds} s. Try again later.`,
        ),
      );
    },
  });
}
