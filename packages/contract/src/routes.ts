/**
 * Every BFF path, spelled once: the console builds URLs with these, and the route table
 * (`routeTable` in access.ts) gives each method on them its id and access rule.
 */
export const apiPaths = {
  meta: '/api/meta',
  openapi: '/api/openapi.json',
  allRegionsIdentities: '/api/identities',
  allAccountsIdentities: '/api/all-accounts/identities',
  session: '/api/session',
  audit: '/api/audit',
  auditCsv: '/api/audit.csv',
  identities: '/api/regions/:region/identities',
  identity: '/api/regions/:region/identities/:identity',
  deleteIdentities: '/api/regions/:region/identities/delete',
  dkim: '/api/regions/:region/identities/:identity/dkim',
  mailFrom: '/api/regions/:region/identities/:identity/mail-from',
  feedback: '/api/regions/:region/identities/:identity/feedback',
  configurationSet: '/api/regions/:region/identities/:identity/configuration-set',
  policies: '/api/regions/:region/identities/:identity/policies',
  policy: '/api/regions/:region/identities/:identity/policies/:policyName',
  tags: '/api/regions/:region/identities/:identity/tags',
  publishDns: '/api/regions/:region/identities/:identity/publish-dns',
  recreateIdentity: '/api/regions/:region/identities/:identity/recreate',
  replicateIdentity: '/api/regions/:region/identities/:identity/replicate',
  identityAcrossRegions: '/api/identities/:identity/regions',
  hostedZoneLookup: '/api/hosted-zones/lookup',
  route53Change: '/api/route53/changes/:changeId',
  dnsDiagnostics: '/api/regions/:region/identities/:identity/dns-diagnostics',
  notifications: '/api/regions/:region/identities/:identity/notifications',
  configurationSets: '/api/regions/:region/configuration-sets',
  snsTopics: '/api/regions/:region/sns-topics',
  sendTestEmail: '/api/regions/:region/send-test-email',
  account: '/api/regions/:region/account',
  emulatorMailbox: '/api/emulator/mailbox',
  emulatorVerifyEmail: '/api/emulator/verify-email',
  emulatorClock: '/api/emulator/clock',
  emulatorSnsTopics: '/api/emulator/regions/:region/sns-topics',
  emulatorSnsTopic: '/api/emulator/regions/:region/sns-topics/:topicName',
  emulatorSnsMessages: '/api/emulator/sns-messages',
  emulatorAccount: '/api/emulator/account',
} as const;

/** Fills `:param` placeholders, percent-encoding each value (identities contain `@` and `+`). */
export function apiPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/**
 * Paths that act in no particular AWS account: the shell, the session, the audit log (it spans every
 * account) and the emulator's global state (clock, mailbox, captured SNS messages). Every other path is
 * account-scoped: it also exists as `/api/accounts/{account}<path without /api>`, acting in that account;
 * without the prefix it acts in the default account.
 */
const globalPaths: ReadonlySet<string> = new Set([
  apiPaths.meta,
  apiPaths.openapi,
  apiPaths.session,
  apiPaths.audit,
  apiPaths.auditCsv,
  apiPaths.allAccountsIdentities,
  apiPaths.emulatorMailbox,
  apiPaths.emulatorVerifyEmail,
  apiPaths.emulatorClock,
  apiPaths.emulatorSnsMessages,
]);

/** Whether a route template (an `apiPaths` value) is account-scoped (see `globalPaths`). */
export function isAccountScoped(template: string): boolean {
  return template.startsWith('/api/') && !globalPaths.has(template);
}

/** The template of account-scoped paths' prefix (`:account`: a 12-digit account id of ACCOUNTS). */
export const ACCOUNT_PREFIX = '/api/accounts/:account';

/**
 * `apiPath`, in `account` when one is given and the route is account-scoped:
 * `/api/accounts/<account>/regions/…`. Without an account (one-account console) the path is unchanged.
 */
export function accountApiPath(
  account: string | undefined,
  template: string,
  params: Record<string, string> = {},
): string {
  const path = apiPath(template, params);
  if (account === undefined || !isAccountScoped(template)) return path;
  return `/api/accounts/${encodeURIComponent(account)}${path.slice('/api'.length)}`;
}
