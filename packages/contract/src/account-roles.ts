import type { Role } from './access.js';

/**
 * The roles a session holds in `account` (undefined: the default account): `accountRoles` of the
 * session when ROLE_GROUPS scopes roles to accounts, else `roles` everywhere. Zod-free, in a module of
 * its own, so the console's shell can use it without pulling the session schemas (and zod) into its
 * initial chunk.
 */
export function rolesInAccount(
  session: { roles: Role[]; accountRoles?: Record<string, Role[]> },
  account: string | undefined,
): Role[] {
  if (account === undefined || !session.accountRoles) return session.roles;
  return session.accountRoles[account] ?? [];
}
