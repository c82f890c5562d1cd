import type { Role } from '@ses-console/contract';
import type { Express } from 'express';
import { openSession } from './console-session.js';

/** Groups per role as ROLE_GROUPS maps them in the authorization tests; `nobody` has no role. */
export const testRoleGroups = { admin: ['ses-admins'], operator: ['ses-operators'], viewer: ['ses-viewers'] };
const groupsOf: Record<Role | 'nobody', string> = {
  admin: 'ses-admins',
  operator: 'ses-operators',
  viewer: 'ses-viewers',
  nobody: 'staff',
};

export interface ProxyUser {
  id: string;
  /** What a trusted proxy adds to the user's requests. */
  identity: Record<string, string>;
  /** Identity plus session cookie and CSRF token: what the console sends. */
  headers: Record<string, string>;
}

/** Signs in (AUTH_MODE=proxy) a user holding exactly `role`'s group, the way the console does. */
export async function proxyUser(
  app: Express,
  role: Role | 'nobody',
  id = `${role}-user`,
): Promise<ProxyUser> {
  if (role === 'nobody') {
    const identity = { 'x-forwarded-user': id, 'x-forwarded-groups': groupsOf[role] };
    return { id, identity, headers: identity };
  }
  return proxyUserInGroups(app, id, [groupsOf[role]]);
}

/** Signs in (AUTH_MODE=proxy) user `id` whose proxy says it is in `groups`, the way the console does. */
export async function proxyUserInGroups(app: Express, id: string, groups: string[]): Promise<ProxyUser> {
  const identity = { 'x-forwarded-user': id, 'x-forwarded-groups': groups.join(',') };
  const session = await openSession(app, identity);
  return { id, identity, headers: { ...identity, ...session.headers } };
}
