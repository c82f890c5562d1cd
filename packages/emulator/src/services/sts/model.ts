import { randomBytes } from 'node:crypto';
import type { SessionPrincipal } from '../../protocol/session-credentials.js';
import { TEMPORARY_KEY_PREFIX } from '../../protocol/session-credentials.js';
import type { IssuedCredentialRecord, StsCredentialRepo } from '../../store/sts-credential-repo.js';
import { assumedRoleArn, parseRoleArn, randomKeyCharacters, roleIdOf, rootArnOf } from './arns.js';
import {
  AccessDenied,
  Constraints,
  InvalidParameterValue,
  MalformedPolicyDocument,
  PackedPolicyTooLarge,
  pattern,
  ValidationError,
} from './errors.js';
import type { RoleDirectory } from './roles.js';

/** Who calls: the account the request acts in and, for temporary credentials, the session. */
export interface StsCaller {
  accountId: string;
  session?: SessionPrincipal;
}

export interface AssumeRoleInput {
  roleArn?: string;
  roleSessionName?: string;
  durationSeconds?: number;
  externalId?: string;
  policy?: string;
  policyArns?: string[];
  tags?: Array<{ key?: string; value?: string }>;
  transitiveTagKeys?: string[];
  serialNumber?: string;
  tokenCode?: string;
  sourceIdentity?: string;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface AssumeRoleResult {
  credentials: IssuedCredentials;
  assumedRoleId: string;
  arn: string;
  /** Only when session policies or tags were passed (a percentage of the allowed packed size). */
  packedPolicySize?: number;
  sourceIdentity?: string;
}

/** STS's model patterns [model: sts 2011-06-15]. */
const SESSION_NAME = pattern('[\\w+=,.@-]*');
const EXTERNAL_ID = pattern('[\\w+=,.@:\\/-]*');
const SERIAL_NUMBER = pattern('[\\w+=/:,.@-]*');
const TOKEN_CODE = pattern('[\\d]*');
const POLICY_TEXT = pattern('[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+');
/** The model's ARN characters (as AWS quotes them), checked per code point so astral characters pass. */
const ARN_TEXT = {
  source: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  regex: /^[\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u,
};
const TAG_KEY = { source: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u };
const TAG_VALUE = { source: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u };
const ACCESS_KEY_ID = pattern('[\\w]*');

/** AssumeRole's default session, and role chaining's cap [doc: AssumeRole DurationSeconds]. */
const DEFAULT_ROLE_SESSION = 3600;
const ROLE_CHAINING_LIMIT = 3600;
/** GetSessionToken: default 12 h, 900 s – 36 h; an account's root is held to 1 h [doc: GetSessionToken]. */
const DEFAULT_SESSION_TOKEN = 43200;
const ROOT_SESSION_LIMIT = 3600;
/**
 * [inf] The packed size of session policies and tags: AWS compresses them into the token and reports a
 * percentage of the room left; the emulator counts their plain characters against 2,048 (the documented
 * plaintext limit of session policies), so large inputs report large sizes and past 100 % are refused.
 */
const PACKED_BUDGET = 2048;
/** How long expired credentials are still known (then refused as never issued, as AWS does with old ones). */
const FORGET_EXPIRED_AFTER_MS = 7 * 24 * 3600 * 1000;

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * STS's rules: who may assume which role, for how long, and the temporary credentials that then act in
 * the role's account for every service (the dispatcher maps them: `protocol/session-credentials.ts`).
 * Testable without HTTP. Session policies, policy ARNs, tags, MFA and source identity are validated as
 * STS validates them and otherwise not enforced: the emulator evaluates no IAM policies.
 */
export class StsModel {
  constructor(
    private readonly deps: {
      store: StsCredentialRepo;
      roles: RoleDirectory;
      now: () => number;
      /** The account of a key that is neither issued nor 12 digits (EMULATOR_ACCOUNT_ID). */
      defaultAccountId: () => string;
    },
  ) {}

  assumeRole(caller: StsCaller, input: AssumeRoleInput): AssumeRoleResult {
    const c = new Constraints();
    if (c.required(input.roleArn, 'roleArn')) {
      c.text(input.roleArn, 'roleArn', { min: 20, max: 2048, pattern: ARN_TEXT });
    }
    if (c.required(input.roleSessionName, 'roleSessionName')) {
      c.text(input.roleSessionName, 'roleSessionName', { min: 2, max: 64, pattern: SESSION_NAME });
    }
    c.integer(input.durationSeconds, 'durationSeconds', 900, 43200);
    c.text(input.externalId, 'externalId', { min: 2, max: 1224, pattern: EXTERNAL_ID });
    c.text(input.policy, 'policy', { min: 1, pattern: POLICY_TEXT });
    c.count(input.policyArns?.length, 'policyArns', 10, `${input.policyArns?.length} policy ARNs`);
    input.policyArns?.forEach((arn, i) => {
      c.text(arn, `policyArns.${i + 1}.member.arn`, { min: 20, max: 2048, pattern: ARN_TEXT });
    });
    c.count(input.tags?.length, 'tags', 50, `${input.tags?.length} tags`);
    input.tags?.forEach((tag, i) => {
      if (c.required(tag.key, `tags.${i + 1}.member.key`)) {
        c.text(tag.key, `tags.${i + 1}.member.key`, { min: 1, max: 128, pattern: TAG_KEY });
      }
      if (c.required(tag.value, `tags.${i + 1}.member.value`)) {
        c.text(tag.value, `tags.${i + 1}.member.value`, { max: 256, pattern: TAG_VALUE });
      }
    });
    c.count(
      input.transitiveTagKeys?.length,
      'transitiveTagKeys',
      50,
      `${input.transitiveTagKeys?.length} keys`,
    );
    c.text(input.serialNumber, 'serialNumber', { min: 9, max: 256, pattern: SERIAL_NUMBER });
    c.text(input.tokenCode, 'tokenCode', { min: 6, max: 6, pattern: TOKEN_CODE });
    c.text(input.sourceIdentity, 'sourceIdentity', { min: 2, max: 64, pattern: SESSION_NAME });
    c.check();
    const roleArn = input.roleArn as string;
    const sessionName = input.roleSessionName as string;

    // AWS's own message for an ARN that passes the model but is no role ARN [obs: LS-snap 2025-07-21].
    const role = parseRoleArn(roleArn);
    if (!role) throw new ValidationError(`${roleArn} is invalid`);
    const packedPolicySize = this.packedPolicySize(input);

    // [inf] Decisions where the emulator has no IAM to ask: a long-term key is reported as its account's
    // root (GetCallerIdentity) yet may assume roles (AWS refuses roots: "Roles may not be assumed by root
    // accounts"; the console's callers are IAM users or roles, which may); roles match by exact ARN (IAM
    // compares role names case-insensitively); an ExternalId passed to a role that requires none is
    // accepted, as a trust policy without the condition accepts it.
    const known = this.deps.roles.lookup(roleArn);
    // [inf] A role that does not exist and an external id the trust policy does not accept are the same
    // refusal at AWS (it does not tell callers which roles exist) [obs: security_monkey#77 wording].
    if (!known || (known.externalId !== undefined && input.externalId !== known.externalId)) {
      const callerArn = caller.session?.arn ?? rootArnOf(caller.accountId);
      throw new AccessDenied(
        `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      );
    }
    const duration = input.durationSeconds ?? DEFAULT_ROLE_SESSION;
    if (caller.session?.roleArn !== undefined && duration > ROLE_CHAINING_LIMIT) {
      throw new ValidationError(
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      );
    }
    if (duration > known.maxSessionDuration) {
      throw new ValidationError(
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }
    const assumedRoleId = `${roleIdOf(roleArn)}:${sessionName}`;
    const arn = assumedRoleArn(role, sessionName);
    const credentials = this.issue({
      accountId: role.accountId,
      durationSeconds: duration,
      principalArn: arn,
      principalId: assumedRoleId,
      roleArn,
      sessionName,
    });
    return {
      credentials,
      assumedRoleId,
      arn,
      ...(packedPolicySize === undefined ? {} : { packedPolicySize }),
      ...(input.sourceIdentity === undefined ? {} : { sourceIdentity: input.sourceIdentity }),
    };
  }

  /**
   * Temporary credentials for the caller itself (same account, same principal). AWS refuses session
   * credentials here ("Cannot call GetSessionToken with session credentials", AccessDenied [inf: wording
   * as AWS's error]); an account's root gets at most one hour, silently [doc: GetSessionToken].
   */
  getSessionToken(
    caller: StsCaller,
    input: { durationSeconds?: number; serialNumber?: string; tokenCode?: string },
  ): IssuedCredentials {
    const c = new Constraints();
    c.integer(input.durationSeconds, 'durationSeconds', 900, 129600);
    c.text(input.serialNumber, 'serialNumber', { min: 9, max: 256, pattern: SERIAL_NUMBER });
    c.text(input.tokenCode, 'tokenCode', { min: 6, max: 6, pattern: TOKEN_CODE });
    c.check();
    if (caller.session) throw new AccessDenied('Cannot call GetSessionToken with session credentials');
    // The emulator reports a long-term key as its account's root (GetCallerIdentity), so the root's cap applies.
    const duration = Math.min(input.durationSeconds ?? DEFAULT_SESSION_TOKEN, ROOT_SESSION_LIMIT);
    return this.issue({
      accountId: caller.accountId,
      durationSeconds: duration,
      principalArn: rootArnOf(caller.accountId),
      principalId: caller.accountId,
    });
  }

  /** GetCallerIdentity: the session's principal, or the account's root for a long-term key. */
  callerIdentity(caller: StsCaller): { userId: string; account: string; arn: string } {
    if (caller.session) {
      return { userId: caller.session.userId, account: caller.accountId, arn: caller.session.arn };
    }
    return { userId: caller.accountId, account: caller.accountId, arn: rootArnOf(caller.accountId) };
  }

  /**
   * GetAccessKeyInfo: the account a key acts in — an issued key's session account, a 12-digit key's own
   * (the model's 16-character minimum keeps those out), any other the default account. [inf] AWS decodes
   * the account from the key id itself; the emulator answers where the key's calls land.
   */
  accessKeyInfo(accessKeyId: string | undefined): { account: string } {
    const c = new Constraints();
    if (c.required(accessKeyId, 'accessKeyId')) {
      c.text(accessKeyId, 'accessKeyId', { min: 16, max: 128, pattern: ACCESS_KEY_ID });
    }
    c.check();
    const key = accessKeyId as string;
    const issued = this.deps.store.find(key);
    if (issued) return { account: issued.accountId };
    return { account: /^\d{12}$/.test(key) ? key : this.deps.defaultAccountId() };
  }

  private packedPolicySize(input: AssumeRoleInput): number | undefined {
    if (input.policy !== undefined && !isJsonObject(input.policy)) {
      // [inf] IAM's message for a policy document that is not JSON.
      throw new MalformedPolicyDocument('Syntax errors in policy.');
    }
    const tags = input.tags ?? [];
    const keys = new Set<string>();
    for (const tag of tags) {
      const key = (tag.key as string).toLowerCase();
      if (keys.has(key)) {
        throw new InvalidParameterValue(
          'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
        );
      }
      keys.add(key);
    }
    for (const key of input.transitiveTagKeys ?? []) {
      if (!keys.has(key.toLowerCase())) {
        throw new InvalidParameterValue(
          'The specified transitive tag key must be included in the requested tags.',
        );
      }
    }
    const given = input.policy !== undefined || (input.policyArns?.length ?? 0) > 0 || tags.length > 0;
    if (!given) return undefined;
    const chars =
      (input.policy === undefined ? 0 : JSON.stringify(JSON.parse(input.policy)).length) +
      (input.policyArns ?? []).reduce((n, arn) => n + arn.length, 0) +
      tags.reduce((n, tag) => n + (tag.key?.length ?? 0) + (tag.value?.length ?? 0), 0);
    const percent = Math.max(1, Math.ceil((chars * 100) / PACKED_BUDGET));
    if (percent > 100) {
      throw new PackedPolicyTooLarge(
        `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
      );
    }
    return percent;
  }

  private issue(session: {
    accountId: string;
    durationSeconds: number;
    principalArn: string;
    principalId: string;
    roleArn?: string;
    sessionName?: string;
  }): IssuedCredentials {
    const now = this.deps.now();
    const record: IssuedCredentialRecord = {
      accessKeyId: `${TEMPORARY_KEY_PREFIX}${randomKeyCharacters(randomBytes(16), 16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(192).toString('base64'),
      accountId: session.accountId,
      principalArn: session.principalArn,
      principalId: session.principalId,
      ...(session.roleArn === undefined ? {} : { roleArn: session.roleArn }),
      ...(session.sessionName === undefined ? {} : { sessionName: session.sessionName }),
      issuedAtMs: now,
      expiresAtMs: now + session.durationSeconds * 1000,
    };
    this.deps.store.deleteExpiredBefore(now - FORGET_EXPIRED_AFTER_MS);
    this.deps.store.insert(record);
    return {
      accessKeyId: record.accessKeyId,
      secretAccessKey: record.secretAccessKey,
      sessionToken: record.sessionToken,
      expiration: new Date(record.expiresAtMs),
    };
  }
}
