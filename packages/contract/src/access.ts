/**
 * Who may do what: roles and the access table of every API route. Plain data without zod, so the
 * console's shell can ask `canCall` without loading the schema library.
 */
import { apiPaths } from './routes.js';

/** Roles, lowest first: each role may do everything the roles before it may. */
export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** The highest of `granted`, or undefined when there is none. */
export function highestRole(granted: readonly Role[]): Role | undefined {
  let best: Role | undefined;
  for (const role of granted) if (!best || roles.indexOf(role) > roles.indexOf(best)) best = role;
  return best;
}

/** Whether someone holding `granted` may do what `needed` allows (`null`: any signed-in user). */
export function hasRole(granted: readonly Role[], needed: Role | null): boolean {
  if (needed === null) return true;
  const best = highestRole(granted);
  return best !== undefined && roles.indexOf(best) >= roles.indexOf(needed);
}

/** Browser-facing sign-in endpoints (not under `/api`: they answer redirects, not JSON). */
export const authPaths = {
  login: '/auth/login',
  callback: '/auth/callback',
  logout: '/auth/logout',
} as const;

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/**
 * Who may call each API route, and the audit action a state-changing route records. The BFF refuses
 * to start when one of its routes is missing here, and the console asks `canCall` before offering a
 * button, so the rule lives in one place.
 */
export interface RouteAccess {
  method: HttpMethod;
  path: string;
  /** `null`: any signed-in user, whatever their roles. */
  role: Role | null;
  /** Audit action; every non-GET route has one. */
  action?: string;
}

export const routeAccess: readonly RouteAccess[] = [
  { method: 'get', path: apiPaths.meta, role: null },
  { method: 'get', path: apiPaths.openapi, role: null },
  { method: 'get', path: apiPaths.session, role: null },
  { method: 'get', path: apiPaths.identities, role: 'viewer' },
  { method: 'post', path: apiPaths.identities, role: 'admin', action: 'identity.create' },
  { method: 'post', path: apiPaths.deleteIdentities, role: 'admin', action: 'identities.delete' },
  { method: 'get', path: apiPaths.identity, role: 'viewer' },
  { method: 'get', path: apiPaths.allRegionsIdentities, role: 'viewer' },
  { method: 'get', path: apiPaths.dnsDiagnostics, role: 'viewer' },
  { method: 'delete', path: apiPaths.identity, role: 'admin', action: 'identity.delete' },
  { method: 'put', path: apiPaths.dkim, role: 'operator', action: 'dkim.update' },
  { method: 'put', path: apiPaths.mailFrom, role: 'operator', action: 'mail-from.update' },
  { method: 'put', path: apiPaths.feedback, role: 'operator', action: 'feedback.update' },
  { method: 'put', path: apiPaths.configurationSet, role: 'operator', action: 'configuration-set.update' },
  { method: 'put', path: apiPaths.tags, role: 'operator', action: 'tags.replace' },
  { method: 'post', path: apiPaths.policies, role: 'admin', action: 'policy.create' },
  { method: 'put', path: apiPaths.policy, role: 'admin', action: 'policy.update' },
  { method: 'delete', path: apiPaths.policy, role: 'admin', action: 'policy.delete' },
  { method: 'post', path: apiPaths.publishDns, role: 'operator', action: 'dns.publish' },
  { method: 'get', path: apiPaths.configurationSets, role: 'viewer' },
  { method: 'post', path: apiPaths.sendTestEmail, role: 'operator', action: 'email.send-test' },
  { method: 'get', path: apiPaths.audit, role: 'viewer' },
  { method: 'get', path: apiPaths.auditCsv, role: 'viewer' },
  { method: 'get', path: apiPaths.emulatorMailbox, role: 'viewer' },
  { method: 'post', path: apiPaths.emulatorVerifyEmail, role: 'operator', action: 'emulator.verify-email' },
  { method: 'get', path: apiPaths.emulatorClock, role: 'viewer' },
  { method: 'post', path: apiPaths.emulatorClock, role: 'operator', action: 'emulator.clock-advance' },
];

/** Audit actions of the browser-facing sign-in endpoints. */
export const sessionActions = { signIn: 'session.sign-in', signOut: 'session.sign-out' } as const;

export function accessFor(method: HttpMethod, path: string): RouteAccess | undefined {
  return routeAccess.find((r) => r.method === method && r.path === path);
}

/** Whether someone holding `granted` may call this route (false for a route missing from the table). */
export function canCall(granted: readonly Role[], method: HttpMethod, path: string): boolean {
  const access = accessFor(method, path);
  return access !== undefined && hasRole(granted, access.role);
}

/** Every audit action there is, for the Activity page's filter. */
export const auditActions: readonly string[] = [
  ...routeAccess.flatMap((r) => (r.action ? [r.action] : [])),
  sessionActions.signIn,
  sessionActions.signOut,
];
