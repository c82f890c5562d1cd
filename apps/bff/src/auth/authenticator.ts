import type { AuthMode } from '@ses-console/contract';
import type { Request } from 'express';
import type { Principal } from './principal.js';
import type { LoadedSession, SessionData, Sessions } from './sessions.js';

/**
 * How a mode finds out who is calling. `undefined` means nobody is signed in (401); a request that
 * must be refused outright (spoofed proxy headers) throws an AppError.
 */
export interface Authenticator {
  readonly mode: AuthMode;
  identify(req: Request, session: SessionData | undefined): Promise<Principal | undefined>;
  /**
   * Modes whose principal lives in the session (oidc): brings a loaded session up to date (roles
   * re-derived when they are old) or ends it (`undefined`), before `identify` reads it.
   */
  renew?(session: LoadedSession, sessions: Sessions): Promise<LoadedSession | undefined>;
  /** Where the console's "Sign out" goes. */
  readonly signOut: 'bff' | 'proxy' | 'none';
  readonly proxySignOutUrl?: string;
}
