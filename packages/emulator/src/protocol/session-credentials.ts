import type { IncomingHttpHeaders } from 'node:http';
import type { RequestContext } from './context.js';

/**
 * Temporary credentials (STS AssumeRole, GetSessionToken) as every service sees them: which account a
 * request signed with an issued key acts in, and whether its session token and expiry let it in. The
 * store keeps them (`store/sts-credential-repo.ts`); the dispatcher reads them through
 * `SessionCredentialSource` for every service, so this folder never imports a service.
 */
export interface SessionCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** The account the session acts in (the role ARN's account for AssumeRole). */
  accountId: string;
  /** Epoch ms on the emulator clock; from then on the credentials are refused. */
  expiresAtMs: number;
  /** What GetCallerIdentity reports: `arn:aws:sts::<acct>:assumed-role/<role>/<session>`, … */
  principalArn: string;
  /** … and `AROA…:<session>` (or the long-term caller's id for GetSessionToken). */
  principalId: string;
  /** The role the session is of (AssumeRole), for role-chaining rules. */
  roleArn?: string;
}

/** Where issued credentials are looked up by access key id. */
export interface SessionCredentialSource {
  find(accessKeyId: string): SessionCredential | undefined;
}

/** The caller a request's session credentials stand for (`RequestContext.session`). */
export interface SessionPrincipal {
  arn: string;
  userId: string;
  roleArn?: string;
}

/**
 * Why session credentials are refused: `expired` (past their Expiration on the emulator clock) or
 * `invalid` (an issued key without its token or with another one, or an unknown `ASIA…` key with a token).
 * The core answers each in the calling service's protocol (`WireProtocol.codes`).
 */
export type SessionFailure = 'expired' | 'invalid';

export class SessionCredentialError extends Error {
  constructor(
    readonly failure: SessionFailure,
    message: string,
  ) {
    super(message);
  }
}

/** AWS's messages for the two refusals [obs: cfn-sphere#55 (ExpiredToken), sigv4 unknown keys]. */
export const EXPIRED_TOKEN_MESSAGE = 'The security token included in the request is expired';
export const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

/** Temporary access key ids start with `ASIA` (long-term ones with `AKIA`). */
export const TEMPORARY_KEY_PREFIX = 'ASIA';

function securityToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers['x-amz-security-token'];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}

/**
 * Applies a request's session credentials to its context: an issued key (with its own token, before its
 * expiry) acts in the session's account as the session's principal. Throws `SessionCredentialError` for
 * an expired session, a missing or wrong token, and an unknown `ASIA…` key sent with a token (AWS knows
 * every key it issued, so such a pair is one it never issued). Any other key is left to the static rules
 * (`contextFromHeaders`: a 12-digit key is its account, anything else the default account).
 */
export function applySessionCredentials(
  ctx: RequestContext,
  headers: IncomingHttpHeaders,
  source: SessionCredentialSource,
  nowMs: number,
): SessionCredential | undefined {
  const accessKeyId = ctx.accessKeyId;
  if (!accessKeyId) return undefined;
  const token = securityToken(headers);
  // STS issues only `ASIA…` keys, so any other key cannot be in the store: skipping the lookup for
  // long-term keys saves a SQLite read on every request (2–3% of a GetEmailIdentity's CPU).
  const issued = accessKeyId.startsWith(TEMPORARY_KEY_PREFIX) ? source.find(accessKeyId) : undefined;
  if (!issued) {
    if (token !== undefined && accessKeyId.startsWith(TEMPORARY_KEY_PREFIX)) {
      throw new SessionCredentialError('invalid', INVALID_TOKEN_MESSAGE);
    }
    return undefined;
  }
  // [inf] AWS checks the token before the expiry: a token that is not the key's is simply invalid.
  if (token !== issued.sessionToken) throw new SessionCredentialError('invalid', INVALID_TOKEN_MESSAGE);
  if (nowMs >= issued.expiresAtMs) throw new SessionCredentialError('expired', EXPIRED_TOKEN_MESSAGE);
  ctx.accountId = issued.accountId;
  ctx.session = { arn: issued.principalArn, userId: issued.principalId, roleArn: issued.roleArn };
  return issued;
}
