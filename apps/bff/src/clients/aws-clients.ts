import { Route53Client } from '@aws-sdk/client-route-53';
import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import {
  type AccountRole,
  type AssumedRoleCredentials,
  type AssumedRoleOptions,
  assumedRoleCredentials,
  isStaleCredentialsError,
} from './assumed-role-credentials.js';
import { createRetryStrategy, MAX_ATTEMPTS } from './retry-policy.js';
import { tagUpstreamErrors } from './upstream-error-tag.js';

export interface AwsClientOptions {
  /**
   * Emulator mode: the embedded emulator's URL, used with static dummy credentials. Omitted (aws
   * mode): the SDK's own resolution applies — default credential chain and profiles, and
   * `AWS_ENDPOINT_URL_SESV2` / `AWS_ENDPOINT_URL_SES` / `AWS_ENDPOINT_URL_SNS` /
   * `AWS_ENDPOINT_URL_ROUTE_53`, which the SDK reads itself.
   */
  emulatorEndpoint?: string;
  /** Per-attempt timeout: an attempt without a response by then fails (TimeoutError) and may be retried. */
  requestTimeoutMs: number;
  /** Attempts per SDK call (default MAX_ATTEMPTS). */
  maxAttempts?: number;
  /**
   * An account's assumed-role credentials (`createAccountClients`): every client signs with them, and a
   * call refused because they expired is repeated once with fresh ones. Default: the emulator's dummy
   * credentials, or (aws mode) the SDK's default chain.
   */
  credentials?: AssumedRoleCredentials;
}

export interface AwsClients {
  /** SES v2 client of a region; the SDK retries throttling, 5xx and network errors (retry-policy.ts). */
  ses(region: string): SESv2Client;
  /**
   * SES v2 client that makes exactly one attempt per call: for work that paces and retries itself
   * (bulk delete), so it sees every throttle and decides what to repeat, and for calls that must not
   * draw on the retry quota users' calls share (the readiness probe). A single attempt never takes a
   * retry token.
   */
  sesSingleAttempt(region: string): SESv2Client;
  /**
   * SES v1 (query protocol) client of a region: only for what v2 has no call for, an identity's
   * feedback notification topics and headers (`GetIdentityNotificationAttributes`, `SetIdentity…`).
   */
  sesV1(region: string): SESClient;
  /** SNS client of a region: the topics feedback notifications can go to. */
  sns(region: string): SNSClient;
  /** Route 53 is global; one client serves every region. */
  route53(): Route53Client;
  /** The longest one attempt can take (its timeout), for work that plans around a deadline. */
  readonly attemptTimeoutMs: number;
  destroy(): void;
}

/** Emulator mode only: the emulator maps any non-12-digit key to its default account. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'ses-console-emulator', secretAccessKey: 'not-a-secret' };

/** The SDK client options every client of the BFF shares: retries, per-attempt timeouts, endpoint. */
function commonClientConfig(options: AwsClientOptions, maxAttempts: number) {
  return {
    maxAttempts,
    retryStrategy: createRetryStrategy(maxAttempts),
    // The SDK builds its NodeHttpHandler from these options. Without throwOnRequestTimeout the
    // handler only logs a warning when requestTimeout passes and keeps waiting (up to the 300 s
    // socket default): the option is what makes the per-attempt timeout real. socketTimeout covers
    // a response body that stalls after its headers.
    requestHandler: {
      connectionTimeout: Math.min(options.requestTimeoutMs, 5_000),
      requestTimeout: options.requestTimeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: options.requestTimeoutMs,
    },
    ...(options.emulatorEndpoint
      ? { endpoint: options.emulatorEndpoint, credentials: EMULATOR_CREDENTIALS }
      : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}

interface StackClient {
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string; priority: 'high' },
    ): void;
  };
}

/**
 * A call refused because the assumed-role credentials it was signed with expired (or the session is
 * unknown: the service's clock passed their expiry before ours did) is repeated once with fresh ones.
 * Such a refusal means nothing ran, so the repeat is safe; it runs outside the SDK's retry loop.
 */
function renewStaleCredentials<C>(client: C, credentials: AssumedRoleCredentials): C {
  (client as unknown as StackClient).middlewareStack.add(
    (next) => async (args) => {
      const used = await credentials();
      try {
        return await next(args);
      } catch (error) {
        if (!isStaleCredentialsError(error)) throw error;
        credentials.invalidate(used);
        return next(args);
      }
    },
    { step: 'initialize', name: 'sesConsoleRenewStaleCredentials', priority: 'high' },
  );
  return client;
}

/** Creates SDK clients lazily, once per region (a small cache), with bounded retries and timeouts. */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const common = (maxAttempts: number) => commonClientConfig(options, maxAttempts);
  const attempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const sesClients = new Map<string, SESv2Client>();
  const singleAttemptClients = new Map<string, SESv2Client>();
  const sesV1Clients = new Map<string, SESClient>();
  const snsClients = new Map<string, SNSClient>();
  let route53: Route53Client | undefined;
  /** The cached client of `region`, made by `create` on first use (upstream errors tagged). */
  const perRegion = <C extends SESv2Client | SESClient | SNSClient>(
    cache: Map<string, C>,
    region: string,
    create: () => C,
    service: string,
  ): C => {
    let client = cache.get(region);
    if (!client) {
      client = withCredentialRenewal(tagUpstreamErrors(create(), service));
      cache.set(region, client);
    }
    return client;
  };
  const withCredentialRenewal = <C>(client: C): C =>
    options.credentials ? renewStaleCredentials(client, options.credentials) : client;
  const sesFrom = (cache: Map<string, SESv2Client>, region: string, maxAttempts: number) =>
    perRegion(cache, region, () => new SESv2Client({ region, ...common(maxAttempts) }), 'SES');
  return {
    ses: (region) => sesFrom(sesClients, region, attempts),
    sesSingleAttempt: (region) => sesFrom(singleAttemptClients, region, 1),
    sesV1: (region) =>
      perRegion(sesV1Clients, region, () => new SESClient({ region, ...common(attempts) }), 'SES'),
    sns: (region) =>
      perRegion(snsClients, region, () => new SNSClient({ region, ...common(attempts) }), 'SNS'),
    route53() {
      // Route 53 signs with us-east-1 in the aws partition.
      route53 ??= withCredentialRenewal(
        tagUpstreamErrors(new Route53Client({ region: 'us-east-1', ...common(attempts) }), 'Route 53'),
      );
      return route53;
    },
    attemptTimeoutMs: options.requestTimeoutMs,
    destroy() {
      for (const client of [
        ...sesClients.values(),
        ...singleAttemptClients.values(),
        ...sesV1Clients.values(),
        ...snsClients.values(),
      ])
        client.destroy();
      route53?.destroy();
    },
  };
}

/**
 * The STS client the BFF assumes accounts' roles with, from its own credentials: the same retries and
 * timeouts as every client; emulator mode: the emulator's STS; aws mode: the SDK resolves the endpoint
 * (`AWS_ENDPOINT_URL_STS` honoured) and credentials itself. `region`: the regional STS endpoint's.
 */
export function createStsClient(options: AwsClientOptions, region: string): STSClient {
  return tagUpstreamErrors(
    new STSClient({
      region,
      ...commonClientConfig({ ...options, credentials: undefined }, options.maxAttempts ?? MAX_ATTEMPTS),
    }),
    'STS',
  );
}

/** One configured account's SDK clients: all sign with the credentials of its role, assumed once and shared. */
export interface AccountClients {
  clients: AwsClients;
  credentials: AssumedRoleCredentials;
}

export function createAccountClients(
  options: AwsClientOptions,
  sts: STSClient,
  role: AccountRole,
  credentialOptions: AssumedRoleOptions = {},
): AccountClients {
  const credentials = assumedRoleCredentials(sts, role, credentialOptions);
  return { clients: createAwsClients({ ...options, credentials }), credentials };
}
