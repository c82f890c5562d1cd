/**
 * Whether the parent identity's own policies deny replicating its DKIM key: the emulator's stand-in
 * for IAM's `ses:ReplicateEmailIdentityDkimSigningKey` check (a permission-only action on the parent
 * identity's ARN, condition key `ses:ReplicaRegion`; SES-V1-SNS-STS.md §1.8). The emulator has no IAM,
 * so the only policies it can consult are the identity policies stored on the parent; a Deny statement
 * there that covers the action, the parent's ARN, the caller's account and the replica Region makes the
 * replica fail with `REPLICATION_ACCESS_DENIED` [inf]. Only Deny statements count: with no IAM there is
 * nothing to grant, so everything not denied is allowed.
 */

export const REPLICATE_ACTION = 'ses:ReplicateEmailIdentityDkimSigningKey';

export interface ReplicationRequest {
  parentArn: string;
  accountId: string;
  replicaRegion: string;
}

type Json = unknown;

function asList(value: Json): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** IAM's wildcard match: `*` any run of characters, `?` one character; case-insensitive. */
function globMatches(pattern: unknown, value: string): boolean {
  if (typeof pattern !== 'string') return false;
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(value);
}

function anyMatches(patterns: Json, value: string): boolean {
  return asList(patterns).some((p) => globMatches(p, value));
}

function coversAction(statement: Record<string, Json>): boolean {
  if (statement.Action !== undefined) return anyMatches(statement.Action, REPLICATE_ACTION);
  if (statement.NotAction !== undefined) return !anyMatches(statement.NotAction, REPLICATE_ACTION);
  return false;
}

function coversResource(statement: Record<string, Json>, arn: string): boolean {
  if (statement.Resource !== undefined) return anyMatches(statement.Resource, arn);
  if (statement.NotResource !== undefined) return !anyMatches(statement.NotResource, arn);
  // An identity policy is attached to its identity: no Resource means this one.
  return true;
}

/** The caller is "someone in this account"; a principal of the account, its root or `*` covers it. */
function coversCaller(statement: Record<string, Json>, accountId: string): boolean {
  const principal = statement.Principal;
  if (principal === undefined || principal === '*') return true;
  if (statement.NotPrincipal !== undefined) return false;
  if (typeof principal !== 'object' || principal === null) return false;
  return asList((principal as Record<string, Json>).AWS).some(
    (p) =>
      p === '*' ||
      p === accountId ||
      (typeof p === 'string' && p.startsWith('arn:') && p.split(':')[4] === accountId),
  );
}

const STRING_OPERATORS: Record<string, (patterns: Json, value: string) => boolean> = {
  stringequals: (patterns, value) => asList(patterns).some((p) => p === value),
  stringnotequals: (patterns, value) => !asList(patterns).some((p) => p === value),
  stringequalsignorecase: (patterns, value) =>
    asList(patterns).some((p) => typeof p === 'string' && p.toLowerCase() === value.toLowerCase()),
  stringlike: (patterns, value) => anyMatches(patterns, value),
  stringnotlike: (patterns, value) => !anyMatches(patterns, value),
};

/**
 * The statement's conditions hold for this request. Only `ses:ReplicaRegion` with the String
 * operators (optionally `ForAllValues:` / `ForAnyValue:`, which for the one Region of a request mean
 * the same) can be evaluated; a statement with any other condition does not apply [inf] — the
 * emulator cannot know, and a Deny must not fire on a guess.
 */
function conditionsHold(statement: Record<string, Json>, replicaRegion: string): boolean {
  const condition = statement.Condition;
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null) return false;
  for (const [rawOperator, block] of Object.entries(condition as Record<string, Json>)) {
    const operator = rawOperator.toLowerCase().replace(/^forallvalues:|^foranyvalue:/, '');
    const test = STRING_OPERATORS[operator];
    if (!test || typeof block !== 'object' || block === null) return false;
    for (const [key, patterns] of Object.entries(block as Record<string, Json>)) {
      if (key.toLowerCase() !== 'ses:replicaregion') return false;
      if (!test(patterns, replicaRegion)) return false;
    }
  }
  return true;
}

/** Whether any of these policy documents (as stored: JSON text) denies the replication. */
export function replicationDenied(policies: Record<string, string>, request: ReplicationRequest): boolean {
  for (const document of Object.values(policies)) {
    let parsed: Json;
    try {
      parsed = JSON.parse(document);
    } catch {
      continue;
    }
    const statements = asList((parsed as Record<string, Json> | null)?.Statement);
    for (const statement of statements) {
      if (typeof statement !== 'object' || statement === null) continue;
      const s = statement as Record<string, Json>;
      if (s.Effect !== 'Deny') continue;
      if (
        coversAction(s) &&
        coversResource(s, request.parentArn) &&
        coversCaller(s, request.accountId) &&
        conditionsHold(s, request.replicaRegion)
      ) {
        return true;
      }
    }
  }
  return false;
}
