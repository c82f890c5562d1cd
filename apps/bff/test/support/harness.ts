import { Route53Client } from '@aws-sdk/client-route-53';
import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { type RunningEmulator, startEmulator, type VerificationMode } from '@ses-console/emulator';
import type { Express } from 'express';
import { type Logger, pino } from 'pino';
import { parseAccountSettings } from '../../src/accounts/account-config.js';
import { type AccountScopes, configuredAccountScopes } from '../../src/accounts/account-scopes.js';
import { createApp } from '../../src/app.js';
import type { AuthSetup } from '../../src/auth/auth-setup.js';
import type { RateLimits } from '../../src/auth/rate-limits.js';
import { type AwsClients, createAwsClients } from '../../src/clients/aws-clients.js';
import { createDnsResolver } from '../../src/clients/dns-resolver.js';
import type { AllowedHost } from '../../src/http/allowed-hosts.js';
import { regionInfo } from '../../src/regions.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { asConsole, openSession } from './console-session.js';

/** Static dummy credentials: tests only ever talk to the emulator on loopback. */
export const testCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };
export const ACCOUNT_ID = '000000000000';
export const REGION = 'us-east-1';

export interface Harness {
  /** The app as the console uses it in AUTH_MODE=none: session cookie and CSRF token on every request. */
  app: Express;
  /** The app itself: requests carry only what the test sets. */
  raw: Express;
  store: Store;
  emulator: RunningEmulator;
  /** SDK clients for seeding and checking state directly (same account as the BFF). */
  ses(region?: string): SESv2Client;
  /** SES v1 (notification topics) and SNS clients of a region, same account. */
  sesV1(region?: string): SESClient;
  sns(region?: string): SNSClient;
  route53: Route53Client;
  close(): Promise<void>;
}

/** A real emulator on an ephemeral port (in-memory store) and the BFF wired to it, as in emulator mode. */
export async function startHarness(
  options: {
    verificationMode?: VerificationMode;
    regions?: string[];
    consoleDist?: string;
    /** Start the emulator's DNS server (ephemeral port) and point the DNS diagnostics at it. */
    dns?: boolean;
    apiTimeoutMs?: number;
    /** The SDK clients' per-attempt timeout (AWS_REQUEST_TIMEOUT_MS); default 10 s. */
    requestTimeoutMs?: number;
    /** Where the BFF's SDK clients send their calls, instead of the emulator's own URL (a proxy). */
    awsEndpoint?: string;
    auth?: AuthSetup;
    store?: Store;
    now?: () => Date;
    sessionTtlSeconds?: number;
    rateLimits?: RateLimits;
    /** The BFF's logger (default: silent). */
    logger?: Logger;
    /** ALLOWED_HOSTS beyond localhost and the address a request arrived on. */
    allowedHosts?: AllowedHost[];
    /** ACCOUNTS (as its JSON would list them), checked as at start-up; roles are assumed on the emulator's STS. */
    accounts?: unknown[];
  } = {},
): Promise<Harness> {
  const emulator = await startEmulator({
    port: 0,
    verificationMode: options.verificationMode ?? 'realistic',
    ...(options.dns ? { dnsPort: 0 } : {}),
  });
  const clients: AwsClients = createAwsClients({
    emulatorEndpoint: options.awsEndpoint ?? emulator.url,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  });
  const store = options.store ?? openSqliteStore(':memory:');
  const regions = options.regions ?? ['us-east-1', 'eu-west-1'];
  let accounts: AccountScopes | undefined;
  if (options.accounts) {
    const parsed = parseAccountSettings(
      { ACCOUNTS: JSON.stringify(options.accounts) },
      { regions, defaultRegion: REGION, backend: 'emulator', emulatorAccountId: ACCOUNT_ID },
    );
    if (!parsed.accounts) throw new Error(parsed.problems.join('; '));
    accounts = configuredAccountScopes({
      settings: parsed.accounts,
      ownClients: clients,
      clientOptions: {
        emulatorEndpoint: options.awsEndpoint ?? emulator.url,
        requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      },
      stsRegion: REGION,
    });
  }
  const inner = createApp({
    backend: 'emulator',
    clients,
    accounts,
    regions: regions.map(regionInfo),
    defaultRegion: REGION,
    accountId: ACCOUNT_ID,
    emulatorUrl: emulator.url,
    consoleDist: options.consoleDist,
    apiTimeoutMs: options.apiTimeoutMs,
    logger: options.logger ?? pino({ level: 'silent' }),
    // Never the host's resolvers in tests: the emulator's DNS server, or nothing reachable at all.
    dns: createDnsResolver({
      servers: [emulator.dnsPort ? `127.0.0.1:${emulator.dnsPort}` : '127.0.0.1:9'],
      timeoutMs: 500,
      tries: 1,
    }),
    store,
    auth: options.auth,
    now: options.now,
    sessionTtlSeconds: options.sessionTtlSeconds,
    rateLimits: options.rateLimits,
    allowedHosts: options.allowedHosts,
  });
  const app = options.auth ? inner : asConsole(inner, await openSession(inner));
  const sesClients = new Map<string, SESv2Client>();
  const otherClients = new Map<string, SESClient | SNSClient>();
  const cached = <C extends SESClient | SNSClient>(key: string, create: () => C): C => {
    let client = otherClients.get(key) as C | undefined;
    if (!client) {
      client = create();
      otherClients.set(key, client);
    }
    return client;
  };
  const config = (region: string) => ({ region, endpoint: emulator.url, credentials: testCredentials });
  const route53 = new Route53Client({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: testCredentials,
  });
  return {
    app,
    raw: inner,
    store,
    emulator,
    ses(region = REGION) {
      let client = sesClients.get(region);
      if (!client) {
        client = new SESv2Client({ region, endpoint: emulator.url, credentials: testCredentials });
        sesClients.set(region, client);
      }
      return client;
    },
    sesV1: (region = REGION) => cached(`ses/${region}`, () => new SESClient(config(region))),
    sns: (region = REGION) => cached(`sns/${region}`, () => new SNSClient(config(region))),
    route53,
    async close() {
      if (accounts) accounts.destroy();
      else clients.destroy();
      for (const c of sesClients.values()) c.destroy();
      for (const c of otherClients.values()) c.destroy();
      route53.destroy();
      await emulator.close();
      await store.close();
    },
  };
}

/** `/api/regions/us-east-1/identities/a%40b.com` etc. */
export function url(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

let counter = 0;
/** A unique name per call, so tests never share data. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}
