import type { AuthSetup } from './auth-setup.js';
import { localPrincipal } from './principal.js';

/** AUTH_MODE=none (loopback only): everyone is the local administrator; CSRF still applies. */
export function noneAuth(): AuthSetup {
  return {
    authenticator: {
      mode: 'none',
      signOut: 'none',
      identify: async () => localPrincipal,
    },
  };
}
