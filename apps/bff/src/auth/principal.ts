import { type Role, roles } from '@ses-console/contract';
import { type PrincipalRoles, principalRoles, type RoleMap } from './role-groups.js';

/** Whoever makes a request: from an OIDC session, a trusted proxy's headers, or the local user. */
export interface Principal {
  id: string;
  name: string;
  email?: string;
  groups: string[];
  /** Roles in the default account (without ACCOUNTS: the roles); `rolesInAccount` reads both. */
  roles: Role[];
  /**
   * With ACCOUNTS: the roles in each configured account, by id (ROLE_GROUPS may scope a role to
   * accounts). Absent: `roles` hold in every account (the local administrator).
   */
  accountRoles?: Record<string, Role[]>;
}

/** AUTH_MODE=none: whoever reaches the loopback port is the local administrator, in every account. */
export const localPrincipal: Principal = {
  id: 'local',
  name: 'Local user (no sign-in)',
  groups: [],
  roles: [...roles],
};

/**
 * The principal with the roles its groups hold under `map` (ROLE_GROUPS and ACCOUNTS as configured
 * now): a session's principal keeps only its groups' word, so roles always follow the configuration.
 */
export function withRoles(principal: Principal, map: RoleMap): Principal {
  const { roles: _roles, accountRoles: _accountRoles, ...who } = principal;
  const held: PrincipalRoles = principalRoles(principal.groups, map);
  return { ...who, ...held };
}

/** A claim that may be a list, a comma-separated string or missing. */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g.length > 0);
  }
  return [];
}
