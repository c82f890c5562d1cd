/**
 * Who may do what: roles and the route table (every API route with its access rule). Plain data
 * without zod, so the console's shell can ask `canCall` without loading the schema library.
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
 * Who may call an API route, and the audit action a state-changing route records. The console asks
 * `canCall` before offering a button, and the BFF guards each route with its rule, so the rule lives in
 * one place.
 */
export interface RouteAccess {
  method: HttpMethod;
  path: string;
  /** `null`: any signed-in user, whatever their roles. */
  role: Role | null;
  /** Audit action; every non-GET route has one. */
  action?: string;
}

/**
 * Every API route, declared once: its id, method, path, who may call it and the audit action of a
 * change. The BFF registers exactly these (parsing each request with the schemas `route-schemas.ts`
 * keeps under the same id), `/api/openapi.json` documents them, and the console builds its URLs from
 * `apiPaths` and asks `canCall` / `canCallRoute`. Plain data, no zod.
 */
export const routeTable = {
  getMeta: { method: 'get', path: apiPaths.meta, role: null },
  getOpenApi: { method: 'get', path: apiPaths.openapi, role: null },
  getSession: { method: 'get', path: apiPaths.session, role: null },
  listIdentities: { method: 'get', path: apiPaths.identities, role: 'viewer' },
  createIdentity: { method: 'post', path: apiPaths.identities, role: 'admin', action: 'identity.create' },
  deleteIdentities: {
    method: 'post',
    path: apiPaths.deleteIdentities,
    role: 'admin',
    action: 'identities.delete',
  },
  getIdentity: { method: 'get', path: apiPaths.identity, role: 'viewer' },
  listAllRegionsIdentities: { method: 'get', path: apiPaths.allRegionsIdentities, role: 'viewer' },
  /** Lists only the accounts in which the caller is a viewer (ACCOUNTS, ROLE_GROUPS scoped per account). */
  listAllAccountsIdentities: { method: 'get', path: apiPaths.allAccountsIdentities, role: 'viewer' },
  getDnsDiagnostics: { method: 'get', path: apiPaths.dnsDiagnostics, role: 'viewer' },
  deleteIdentity: { method: 'delete', path: apiPaths.identity, role: 'admin', action: 'identity.delete' },
  recreateIdentity: {
    method: 'post',
    path: apiPaths.recreateIdentity,
    role: 'admin',
    action: 'identity.recreate',
  },
  replicateIdentity: {
    method: 'post',
    path: apiPaths.replicateIdentity,
    role: 'operator',
    action: 'identity.replicate',
  },
  getIdentityAcrossRegions: { method: 'get', path: apiPaths.identityAcrossRegions, role: 'viewer' },
  updateDkim: { method: 'put', path: apiPaths.dkim, role: 'operator', action: 'dkim.update' },
  updateMailFrom: { method: 'put', path: apiPaths.mailFrom, role: 'operator', action: 'mail-from.update' },
  updateFeedback: { method: 'put', path: apiPaths.feedback, role: 'operator', action: 'feedback.update' },
  updateConfigurationSet: {
    method: 'put',
    path: apiPaths.configurationSet,
    role: 'operator',
    action: 'configuration-set.update',
  },
  getNotifications: { method: 'get', path: apiPaths.notifications, role: 'viewer' },
  updateNotifications: {
    method: 'put',
    path: apiPaths.notifications,
    role: 'operator',
    action: 'notifications.update',
  },
  replaceTags: { method: 'put', path: apiPaths.tags, role: 'operator', action: 'tags.replace' },
  createPolicy: { method: 'post', path: apiPaths.policies, role: 'admin', action: 'policy.create' },
  updatePolicy: { method: 'put', path: apiPaths.policy, role: 'admin', action: 'policy.update' },
  deletePolicy: { method: 'delete', path: apiPaths.policy, role: 'admin', action: 'policy.delete' },
  publishDns: { method: 'post', path: apiPaths.publishDns, role: 'operator', action: 'dns.publish' },
  lookupHostedZone: { method: 'get', path: apiPaths.hostedZoneLookup, role: 'viewer' },
  getRoute53Change: { method: 'get', path: apiPaths.route53Change, role: 'viewer' },
  listConfigurationSets: { method: 'get', path: apiPaths.configurationSets, role: 'viewer' },
  listSnsTopics: { method: 'get', path: apiPaths.snsTopics, role: 'viewer' },
  sendTestEmail: {
    method: 'post',
    path: apiPaths.sendTestEmail,
    role: 'operator',
    action: 'email.send-test',
  },
  getAccount: { method: 'get', path: apiPaths.account, role: 'viewer' },
  getAudit: { method: 'get', path: apiPaths.audit, role: 'viewer' },
  getAuditCsv: { method: 'get', path: apiPaths.auditCsv, role: 'viewer' },
  getMailbox: { method: 'get', path: apiPaths.emulatorMailbox, role: 'viewer' },
  verifyEmail: {
    method: 'post',
    path: apiPaths.emulatorVerifyEmail,
    role: 'operator',
    action: 'emulator.verify-email',
  },
  getClock: { method: 'get', path: apiPaths.emulatorClock, role: 'viewer' },
  advanceClock: {
    method: 'post',
    path: apiPaths.emulatorClock,
    role: 'operator',
    action: 'emulator.clock-advance',
  },
  createSnsTopic: {
    method: 'post',
    path: apiPaths.emulatorSnsTopics,
    role: 'operator',
    action: 'emulator.sns-topic-create',
  },
  deleteSnsTopic: {
    method: 'delete',
    path: apiPaths.emulatorSnsTopic,
    role: 'operator',
    action: 'emulator.sns-topic-delete',
  },
  getSnsMessages: { method: 'get', path: apiPaths.emulatorSnsMessages, role: 'viewer' },
  setEmulatorAccount: {
    method: 'post',
    path: apiPaths.emulatorAccount,
    role: 'operator',
    action: 'emulator.account',
  },
} as const satisfies Record<string, RouteAccess>;

export type RouteId = keyof typeof routeTable;

/** The route table as a list (its order: the table's). */
export const routeAccess: readonly RouteAccess[] = Object.values(routeTable);

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

/** Whether someone holding `granted` may call the route with this id. */
export function canCallRoute(granted: readonly Role[], id: RouteId): boolean {
  return hasRole(granted, routeTable[id].role);
}

/** Every audit action there is, for the Activity page's filter. */
export const auditActions: readonly string[] = [
  ...routeAccess.flatMap((r) => (r.action ? [r.action] : [])),
  sessionActions.signIn,
  sessionActions.signOut,
];
