import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { authFromConfig, secureCookiesFromConfig } from './auth/auth-from-config.js';
import { type AwsClients, createAwsClients } from './clients/aws-clients.js';
import type { Config } from './config.js';
import { regionInfo } from './regions.js';
import type { Store } from './store/store.js';

/**
 * The app as configured by env (`loadConfig`): SDK clients for the backend, then `createApp`.
 * In emulator mode the clients talk to `emulatorUrl` with static dummy credentials; in aws mode
 * the SDK resolves credentials and endpoints itself.
 */
export function createAppFromConfig(
  config: Config,
  options: { emulatorUrl?: string; logger?: Logger; store?: Store; now?: () => Date } = {},
): { app: Express; clients: AwsClients } {
  if (config.SES_BACKEND === 'emulator' && !options.emulatorUrl) {
    throw new Error('SES_BACKEND=emulator needs the emulator URL');
  }
  const clients = createAwsClients({
    emulatorEndpoint: config.SES_BACKEND === 'emulator' ? options.emulatorUrl : undefined,
    requestTimeoutMs: config.AWS_REQUEST_TIMEOUT_MS,
  });
  const app = createApp({
    backend: config.SES_BACKEND,
    clients,
    regions: config.REGIONS.map(regionInfo),
    defaultRegion: config.AWS_REGION,
    accountId: config.SES_BACKEND === 'emulator' ? config.EMULATOR_ACCOUNT_ID : config.AWS_ACCOUNT_ID,
    emulatorUrl: options.emulatorUrl,
    consoleDist: config.consoleDist,
    jsonBodyLimit: config.JSON_BODY_LIMIT,
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
