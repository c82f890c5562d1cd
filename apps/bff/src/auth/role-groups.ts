import { highestRole, type Role, roleSchema, roles } from '@ses-console/contract';
import { z } from 'zod';

/**
 * `ROLE_GROUPS`: for each role, the groups that grant it. An entry is a group name (the role in every
 * account; `*` is every signed-in user) or `{"group": …, "accounts": […]}`: the role only in those
 * accounts (ids or names of ACCOUNTS), e.g. admin in staging and viewer in production.
 */
export type RoleGroupEntry = string | { group: string; accounts: string[] };
export type RoleGroups = Partial<Record<Role, RoleGroupEntry[]>>;

export const defaultRoleGroups: RoleGroups = {
  admin: ['ses-admins'],
  operator: ['ses-operators'],
  viewer: ['ses-viewers'],
};

const roleGroupEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    group: z.string().min(1),
    accounts: z.array(z.string().min(1)).min(1, 'accounts must name at least one account'),
  }),
]);

/** ROLE_GROUPS as parsed JSON (account names are checked against ACCOUNTS by `roleMapOf`). */
export const roleGroupsValueSchema = z.partialRecord(roleSchema, z.array(roleGroupEntrySchema));

/** How ROLE_GROUPS may name a configured account: its id or its display name. */
export interface AccountRef {
  id: string;
  name: string;
}

interface Grant {
  role: Role;
  group: string;
  /** Account ids the grant holds in; undefined: every account. */
  accounts?: ReadonlySet<string>;
}

/** ROLE_GROUPS checked against ACCOUNTS, account names resolved to ids: what principals' roles come from. */
export interface RoleMap {
  grants: readonly Grant[];
  /** ACCOUNTS' ids in order (the first is the default account); empty: the console serves one account. */
  accounts: readonly string[];
}

/** ROLE_GROUPS entries that cannot be used; each problem names its entry (`admin[1] (group "…"): …`). */
export class RoleGroupsError extends Error {
  constructor(readonly problems: string[]) {
    super(`ROLE_GROUPS: ${problems.join('; ')}`);
    this.name = 'RoleGroupsError';
  }
}

/**
 * Checks ROLE_GROUPS against ACCOUNTS and resolves account names: an account entry must name an id or
 * a name of ACCOUNTS, and scoped entries need ACCOUNTS at all (without it there is one account, and a
 * scope could only be a typo). Throws a RoleGroupsError naming every bad entry.
 */
export function roleMapOf(roleGroups: RoleGroups, accounts: readonly AccountRef[] = []): RoleMap {
  const byKey = new Map<string, string>();
  for (const account of accounts) {
    byKey.set(account.id, account.id);
    // Names are unique ignoring case in ACCOUNTS, so ROLE_GROUPS may spell them either way.
    byKey.set(account.name.toLowerCase(), account.id);
  }
  const problems: string[] = [];
  const grants: Grant[] = [];
  for (const role of roles) {
    for (const [index, entry] of (roleGroups[role] ?? []).entries()) {
      if (typeof entry === 'string') {
        grants.push({ role, group: entry });
        continue;
      }
      const where = `${role}[${index}] (group ${JSON.stringify(entry.group)})`;
      if (accounts.length === 0) {
        problems.push(`${where}: scopes the role to accounts, but ACCOUNTS is not set`);
        continue;
      }
      const ids = new Set<string>();
      for (const key of entry.accounts) {
        const id = byKey.get(key.toLowerCase());
        if (id) ids.add(id);
        else
          problems.push(
            `${where}: account ${JSON.stringify(key)} is not in ACCOUNTS (${accounts
              .map((a) => `${a.name} ${a.id}`)
              .join(', ')})`,
          );
      }
      grants.push({ role, group: entry.group, accounts: ids });
    }
  }
  if (problems.length > 0) throw new RoleGroupsError(problems);
  return { grants, accounts: accounts.map((a) => a.id) };
}

/** The highest granted role and the roles below it (an admin is also operator and viewer). */
function withLowerRoles(granted: readonly Role[]): Role[] {
  const top = highestRole(granted);
  return top ? roles.slice(0, roles.indexOf(top) + 1) : [];
}

function grantsTo(grant: Grant, groups: readonly string[]): boolean {
  return grant.group === '*' || groups.includes(grant.group);
}

/** The roles `groups` hold in `account` (undefined: the grants that hold in every account). */
function rolesIn(groups: readonly string[], map: RoleMap, account: string | undefined): Role[] {
  return withLowerRoles(
    map.grants
      .filter(
        (g) =>
          grantsTo(g, groups) &&
          (g.accounts === undefined || (account !== undefined && g.accounts.has(account))),
      )
      .map((g) => g.role),
  );
}

/** What a principal holds: `roles` in the default account, and with ACCOUNTS the roles in each account. */
export interface PrincipalRoles {
  /** Roles in the default account; without ACCOUNTS, the roles (there is one account). */
  roles: Role[];
  /** With ACCOUNTS: the roles in each configured account, by id. */
  accountRoles?: Record<string, Role[]>;
}

/** The roles `groups` (from the IdP's claim or the proxy's header) hold, per account when ACCOUNTS is set. */
export function principalRoles(groups: readonly string[], map: RoleMap): PrincipalRoles {
  if (map.accounts.length === 0) return { roles: rolesIn(groups, map, undefined) };
  const accountRoles = Object.fromEntries(map.accounts.map((id) => [id, rolesIn(groups, map, id)]));
  return { roles: accountRoles[map.accounts[0] as string] ?? [], accountRoles };
}
