import { createHash } from 'node:crypto';

/**
 * IAM role ARNs and the principals STS makes of them: `arn:<partition>:iam::<12-digit account>:role/<path/>
 * <RoleName>` [model example], the assumed-role ARN `arn:<partition>:sts::<acct>:assumed-role/<RoleName>/
 * <RoleSessionName>` (no path) and the role id `AROA…` [obs: LS-snap test_assume_role].
 */
export interface RoleArn {
  arn: string;
  partition: string;
  accountId: string;
  /** `/` or `/team/`. */
  path: string;
  name: string;
}

/** IAM: a path is `/` or `/…/` of printable ASCII (≤ 512), a role name `[\w+=,.@-]{1,64}`. */
const ROLE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::(\d{12}):role(\/(?:[\x21-\x7E]{0,510}\/)?)([\w+=,.@-]{1,64})$/;

export function parseRoleArn(value: string): RoleArn | undefined {
  const m = ROLE_ARN.exec(value);
  if (!m) return undefined;
  const [, partition, accountId, path, name] = m as unknown as [string, string, string, string, string];
  return { arn: value, partition, accountId, path, name };
}

/** The rule a role ARN must follow, for messages. */
export const ROLE_ARN_RULE = 'an IAM role ARN like arn:aws:iam::123456789012:role/ConsoleRole';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += BASE32[(bytes[i % bytes.length] as number) % 32];
  return out;
}

/**
 * The role's unique id: `AROA` + 17 characters, the same for the same role ARN (as a role keeps its id),
 * derived from the ARN so it needs no IAM store.
 */
export function roleIdOf(roleArn: string): string {
  return `AROA${base32(createHash('sha256').update(roleArn).digest(), 17)}`;
}

export function assumedRoleArn(role: RoleArn, sessionName: string): string {
  return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
}

/** What a long-term key of an account is reported as: the account's root user. */
export function rootArnOf(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

/** Random characters of the access-key alphabet (upper-case letters and 2–7). */
export function randomKeyCharacters(random: Uint8Array, length: number): string {
  return base32(random, length);
}
