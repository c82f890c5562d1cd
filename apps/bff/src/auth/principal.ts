import { type Role, roles } from '@ses-console/contract';

/** Whoever makes a request: from an OIDC session, a trusted proxy's headers, or the local user. */
export interface Principal {
  id: string;
  name: string;
  email?: string;
  groups: string[];
  roles: Role[];
}

/** `ROLE_GROUPS`: for each role, the groups that grant it; `*` grants it to every signed-in user. */
export type RoleGroups = Partial<Record<Role, string[]>>;

export const defaultRoleGroups: RoleGroups = {
  admin: ['ses-admins'],
  operator: ['ses-operators'],
  viewer: ['ses-viewers'],
};

/** The roles the groups grant, with the roles below each (an admin is also operator and viewer). */
export function rolesForGroups(groups: readonly string[], mapping: RoleGroups): Role[] {
  const granted = roles.filter((role) => {
    const granting = mapping[role] ?? [];
    return granting.includes('*') || granting.some((g) => groups.includes(g));
  });
  const top = granted.reduce((best, role) => Math.max(best, roles.indexOf(role)), -1);
  return roles.slice(0, top + 1);
}

/** AUTH_MODE=none: whoever reaches the loopback port is the local administrator. */
export const localPrincipal: Principal = {
  id: 'local',
  name: 'Local user (no sign-in)',
  groups: [],
  roles: ['viewer', 'operator', 'admin'],
};

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
