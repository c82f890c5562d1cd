import type { AuthMode } from '@ses-console/contract';
import type { Request } from 'express';
import type { Principal } from './principal.js';
import type { SessionData } from './sessions.js';

/**
 * How a mode finds out who is calling. `undefined` means nobody is signed in (401); a request that
 * must be refused outright (spoofed proxy headers) throws an AppError.
 */
export interface Authenticator {
  readonly mode: AuthMode;
  identify(req: Request, session: SessionData | undefined): Promise<Principal | undefined>;
  /** Where the console's "Sign out" goes. */
  readonly signOut: 'bff' | 'proxy' | 'none';
  readonly proxySignOutUrl?: string;
}
