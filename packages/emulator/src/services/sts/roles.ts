import { parseRoleArn, ROLE_ARN_RULE } from './arns.js';

/**
 * Which roles exist and what each requires (EMULATOR_ROLES, `/_emulator/roles`). Without a list, any
 * well-formed role ARN can be assumed (as with LocalStack) with IAM's default maximum session of one
 * hour; with one, only the listed roles, each with the external id its trust policy would require.
 */
export interface RoleEntry {
  arn: string;
  /** AssumeRole must pass exactly this ExternalId (a trust policy's `sts:ExternalId` condition). */
  externalId?: string;
  /** The role's MaxSessionDuration in seconds: 3600–43200 as IAM allows (default 3600). */
  maxSessionDuration?: number;
}

/** IAM's default MaxSessionDuration and the range it allows. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;
const MIN_MAX_SESSION = 3600;
const MAX_MAX_SESSION = 43200;
/** STS's ExternalId constraint (model: 2–1224 of `[\w+=,.@:\/-]`). */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * A list of role entries, validated: an array of `{arn, externalId?, maxSessionDuration?}`, each ARN a
 * role ARN and listed once. `source` names where it came from (`EMULATOR_ROLES`, `roles`); the message
 * of a refusal names the entry and the rule.
 */
export function parseRoleEntries(value: unknown, source: string): RoleEntry[] {
  if (!Array.isArray(value)) {
    throw new Error(
      `${source} must be a JSON list of roles like [{"arn":"arn:aws:iam::123456789012:role/R"}]`,
    );
  }
  const seen = new Set<string>();
  return value.map((entry: unknown, i) => {
    const at = `${source} entry ${i + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new Error(`${at} must be an object {"arn", "externalId"?, "maxSessionDuration"?}`);
    }
    const { arn, externalId, maxSessionDuration, ...rest } = entry as Record<string, unknown>;
    const named = typeof arn === 'string' ? `${at} (${arn})` : at;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) {
      throw new Error(
        `${named} has unknown field ${unknown[0]}: only arn, externalId and maxSessionDuration are read`,
      );
    }
    if (typeof arn !== 'string' || !parseRoleArn(arn))
      throw new Error(`${named}: arn must be ${ROLE_ARN_RULE}`);
    if (seen.has(arn)) throw new Error(`${named}: the role is listed twice`);
    seen.add(arn);
    if (externalId !== undefined && (typeof externalId !== 'string' || !EXTERNAL_ID.test(externalId))) {
      throw new Error(`${named}: externalId must be 2–1224 characters of letters, digits and _+=,.@:/-`);
    }
    if (
      maxSessionDuration !== undefined &&
      (typeof maxSessionDuration !== 'number' ||
        !Number.isInteger(maxSessionDuration) ||
        maxSessionDuration < MIN_MAX_SESSION ||
        maxSessionDuration > MAX_MAX_SESSION)
    ) {
      throw new Error(
        `${named}: maxSessionDuration must be a whole number of seconds from ${MIN_MAX_SESSION} to ${MAX_MAX_SESSION}`,
      );
    }
    return {
      arn,
      ...(externalId === undefined ? {} : { externalId: externalId as string }),
      ...(maxSessionDuration === undefined ? {} : { maxSessionDuration: maxSessionDuration as number }),
    };
  });
}

/** A role as AssumeRole sees it. */
export interface KnownRole {
  externalId?: string;
  maxSessionDuration: number;
}

/** The roles in force: any (open) or a list. Kept in memory, like the fault rules; reset leaves it. */
export class RoleDirectory {
  private listed: Map<string, RoleEntry> | undefined;

  constructor(roles?: readonly RoleEntry[]) {
    this.replace(roles);
  }

  /** `undefined` lifts the restriction: every well-formed role ARN exists again. */
  replace(roles: readonly RoleEntry[] | undefined): void {
    this.listed = roles && new Map(roles.map((role) => [role.arn, role]));
  }

  current(): { restricted: boolean; roles: RoleEntry[] } {
    return { restricted: this.listed !== undefined, roles: [...(this.listed?.values() ?? [])] };
  }

  /** The role, if it exists. */
  lookup(arn: string): KnownRole | undefined {
    if (!this.listed) return { maxSessionDuration: DEFAULT_MAX_SESSION_DURATION };
    const role = this.listed.get(arn);
    return (
      role && {
        externalId: role.externalId,
        maxSessionDuration: role.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
      }
    );
  }
}
