/**
 * Every BFF path, spelled once: the console builds URLs with these, and the route table
 * (`routeTable` in access.ts) gives each method on them its id and access rule.
 */
export const apiPaths = {
  meta: '/api/meta',
  openapi: '/api/openapi.json',
  allRegionsIdentities: '/api/identities',
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
