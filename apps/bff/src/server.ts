import type { Express } from 'express';
import type { Logger } from 'pino';
import { configuredAccountScopes } from './accounts/account-scopes.js';
import { createApp } from './app.js';
import { authFromConfig, secureCookiesFromConfig } from './auth/auth-from-config.js';
import { type AwsClients, createAwsClients } from './clients/aws-clients.js';
import { createDnsResolver } from './clients/dns-resolver.js';
import type { Config } from './config.js';
import { type AllowedHost, parseAllowedHosts, parseHost } from './http/allowed-hosts.js';
import { regionInfo } from './regions.js';
import type { Store } from './store/store.js';

/**
 * The app as configured by env (`loadConfig`): SDK clients for the backend, then `createApp`.
 * In emulator mode the clients talk to `emulatorUrl` with static dummy credentials; in aws mode
 * the SDK resolves credentials and endpoints itself.
 */
export function createAppFromConfig(
  config: Config,
  options: {
    emulatorUrl?: string;
    emulatorDnsPort?: number;
    logger?: Logger;
    store?: Store;
    now?: () => Date;
  } = {},
): { app: Express; clients: AwsClients } {
  if (config.SES_BACKEND === 'emulator' && !options.emulatorUrl) {
    throw new Error('SES_BACKEND=emulator needs the emulator URL');
  }
  const clientOptions = {
    emulatorEndpoint: config.SES_BACKEND === 'emulator' ? options.emulatorUrl : undefined,
    requestTimeoutMs: config.AWS_REQUEST_TIMEOUT_MS,
  };
  const ownClients = createAwsClients(clientOptions);
  // ACCOUNTS: each account's clients sign with its role, assumed with the BFF's own credentials.
  const accounts = config.accounts
    ? configuredAccountScopes({
        settings: config.accounts,
        ownClients,
        clientOptions,
        stsRegion: config.AWS_REGION,
      })
    : undefined;
  // What index.ts destroys on shutdown: every account's clients with the BFF's own.
  const clients: AwsClients = accounts ? { ...ownClients, destroy: () => accounts.destroy() } : ownClients;
  const app = createApp({
    dns: createDnsResolver({
      servers: dnsServersFor(config, options.emulatorDnsPort),
      timeoutMs: config.DNS_TIMEOUT_MS,
    }),
    backend: config.SES_BACKEND,
    clients: ownClients,
    accounts,
    regions: config.REGIONS.map(regionInfo),
    defaultRegion: config.AWS_REGION,
    accountId: config.SES_BACKEND === 'emulator' ? config.EMULATOR_ACCOUNT_ID : config.AWS_ACCOUNT_ID,
    emulatorUrl: options.emulatorUrl,
    emulatorControlToken: config.EMULATOR_CONTROL_TOKEN,
    allowedHosts: allowedHostsFor(config),
    consoleDist: config.consoleDist,
    jsonBodyLimit: config.JSON_BODY_LIMIT,
    apiTimeoutMs: config.API_TIMEOUT_MS,
    logger: options.logger,
    store: options.store,
    auth: authFromConfig(config),
    sessionTtlSeconds: config.SESSION_TTL_SECONDS,
    secureCookies: secureCookiesFromConfig(config),
    rateLimits: {
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      mutations: config.RATE_LIMIT_MUTATIONS,
      signIn: config.RATE_LIMIT_SIGN_IN,
    },
    now: options.now,
  });
  return { app, clients };
}

/**
 * `DNS_SERVERS` when set; in emulator mode the embedded emulator's DNS server, so diagnostics make a real
 * DNS query to it; otherwise the host's resolvers (empty list).
 */
export function dnsServersFor(config: Config, emulatorDnsPort: number | undefined): string[] {
  if (config.DNS_SERVERS) return config.DNS_SERVERS;
  if (config.SES_BACKEND === 'emulator' && emulatorDnsPort !== undefined)
    return [`127.0.0.1:${emulatorDnsPort}`];
  return [];
}

/**
 * ALLOWED_HOSTS, plus the host name browsers use in the OIDC redirect URL (the console's public name;
 * any port, since behind a TLS-terminating proxy the Host header does not say which).
 */
export function allowedHostsFor(config: Config): AllowedHost[] {
  const hosts = parseAllowedHosts(config.ALLOWED_HOSTS ?? []);
  if (config.AUTH_MODE === 'oidc' && config.OIDC_REDIRECT_URL) {
    const publicHost = parseHost(new URL(config.OIDC_REDIRECT_URL).host);
    if (publicHost) hosts.push({ hostname: publicHost.hostname });
  }
  return hosts;
}
