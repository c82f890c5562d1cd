import { AssumeRoleCommand, type AssumeRoleCommandOutput, type STSClient } from '@aws-sdk/client-sts';
import { AccountUnavailableError } from '../errors/account-unavailable.js';
import { awsErrorName, type SdkErrorShape } from '../errors/aws-error-map.js';

/** The SDK's credential shape (AwsCredentialIdentity), spelled here: @smithy/types is not a direct dependency. */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  accountId?: string;
}

/** The role of one configured account and how to name it in errors. */
export interface AccountRole {
  accountId: string;
  accountName: string;
  roleArn: string;
  externalId?: string;
  sessionName: string;
}

/**
 * One account's temporary credentials: an AssumeRole call's, kept and shared by all of the account's SDK
 * clients, asked for again shortly before they expire (or at once when a service refused them as expired:
 * `invalidate`). Marked `memoized`, so the SDK calls it on every request and does no caching of its own.
 */
export interface AssumedRoleCredentials {
  (): Promise<AwsCredentialIdentity>;
  readonly memoized: true;
  /** Forget `stale` (the credentials a service refused); the next call assumes the role again. */
  invalidate(stale: AwsCredentialIdentity | undefined): void;
  /** AssumeRole calls made so far (tests, logs). */
  readonly assumeCount: number;
}

export interface AssumedRoleOptions {
  /** Lifetime asked for (DurationSeconds); STS's default is an hour. */
  durationSeconds?: number;
  /** Credentials are assumed again this long before they expire (the SDK's own window: 5 min). */
  refreshWindowMs?: number;
  /** Local clock (tests move it). */
  now?: () => number;
}

export const ASSUMED_ROLE_DURATION_SECONDS = 3600;
export const REFRESH_WINDOW_MS = 5 * 60_000;

/** The credentials of `role`, assumed with `sts` (the BFF's own credentials), cached until near expiry. */
export function assumedRoleCredentials(
  sts: STSClient,
  role: AccountRole,
  options: AssumedRoleOptions = {},
): AssumedRoleCredentials {
  const now = options.now ?? Date.now;
  const windowMs = options.refreshWindowMs ?? REFRESH_WINDOW_MS;
  let current: { credentials: AwsCredentialIdentity; refreshAt: number } | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  let assumeCount = 0;

  async function assume(): Promise<AwsCredentialIdentity> {
    assumeCount += 1;
    let out: AssumeRoleCommandOutput;
    try {
      out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: role.roleArn,
          RoleSessionName: role.sessionName,
          DurationSeconds: options.durationSeconds ?? ASSUMED_ROLE_DURATION_SECONDS,
          ...(role.externalId ? { ExternalId: role.externalId } : {}),
        }),
      );
    } catch (error) {
      // An answer from STS names its error code; without one (no connection, a timeout) STS was not reached.
      const answered = (error as SdkErrorShape | undefined)?.$metadata?.httpStatusCode !== undefined;
      throw AccountUnavailableError.assumeRoleFailed(role, answered ? awsErrorName(error) : undefined, error);
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) {
      throw AccountUnavailableError.assumeRoleFailed(role, 'NoCredentials', undefined);
    }
    const expiration = c.Expiration instanceof Date ? c.Expiration : undefined;
    const credentials: AwsCredentialIdentity = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(expiration ? { expiration } : {}),
      accountId: role.accountId,
    };
    // Expiration is on STS's clock; the STS client's systemClockOffset (the SDK corrects it from the
    // answers' Date header when the clocks differ by minutes) brings it onto ours.
    const offset = sts.config.systemClockOffset ?? 0;
    const lifetimeEnd = expiration
      ? expiration.getTime() - offset
      : now() + (options.durationSeconds ?? ASSUMED_ROLE_DURATION_SECONDS) * 1000;
    current = { credentials, refreshAt: lifetimeEnd - windowMs };
    return credentials;
  }

  const provider = (async () => {
    if (current && now() < current.refreshAt) return current.credentials;
    // Callers arriving while a call runs share it: one AssumeRole per refresh, whatever the traffic.
    inFlight ??= assume().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }) as AssumedRoleCredentials;
  Object.defineProperties(provider, {
    memoized: { value: true },
    assumeCount: { get: () => assumeCount },
    invalidate: {
      value: (stale: AwsCredentialIdentity | undefined) => {
        if (current && (!stale || current.credentials.accessKeyId === stale.accessKeyId)) current = undefined;
      },
    },
  });
  return provider;
}

/**
 * Errors that say the credentials a request was signed with are no longer good (expired, or a session
 * the service no longer knows), in the names SES v2 (JSON), SES v1 / SNS / STS (query) and Route 53 give
 * them. Such a request did nothing, so it may be repeated once with fresh credentials.
 */
const STALE_CREDENTIAL_ERRORS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
]);

export function isStaleCredentialsError(error: unknown): boolean {
  const name = awsErrorName(error);
  return name !== undefined && STALE_CREDENTIAL_ERRORS.has(name);
}
