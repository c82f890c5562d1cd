import type { Principal } from './principal.js';
import type { LoadedSession } from './sessions.js';

/** What `authenticate` found out about a request. */
export interface RequestAuth {
  principal?: Principal;
  session?: LoadedSession;
}

declare global {
  namespace Express {
    interface Request {
      auth?: RequestAuth;
    }
  }
}
