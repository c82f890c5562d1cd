import type { RequestHandler, Router } from 'express';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Authenticator } from './authenticator.js';
import type { Sessions } from './sessions.js';

export interface AuthRouteContext {
  sessions: Sessions;
  audit: AuditRecorder;
  /** Rate limiter for sign-in endpoints. */
  signInLimit: RequestHandler;
}

/** One AUTH_MODE, ready to plug into `createApp`. */
export interface AuthSetup {
  authenticator: Authenticator;
  /** Browser-facing endpoints (`/auth/*`), for modes that sign users in themselves. */
  routes?: (context: AuthRouteContext) => Router;
  /** Express `trust proxy`: which peers may set `x-forwarded-for` / `x-forwarded-proto`. */
  trustProxy?: (address: string) => boolean;
}
