import fs from 'node:fs';
import path from 'node:path';
import { accountIdSchema, regionSchema } from '@ses-console/contract';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * ACCOUNTS / ACCOUNTS_FILE: the AWS accounts one console serves (docs/configuration.md). Each is reached
 * through an IAM role the BFF assumes with STS (`roleArn`), or, for at most one entry, with the BFF's
 * own credentials (no `roleArn`).
 */
export interface AccountSetting {
  id: string;
  name: string;
  /** The role assumed with STS from the BFF's own credentials; absent: the BFF's own credentials. */
  roleArn?: string;
  externalId?: string;
  /** RoleSessionName of the AssumeRole call (CloudTrail shows it). */
  sessionName: string;
  /** The Regions offered in this account: its own `regions`, else REGIONS. */
  regions: string[];
}

/** RoleSessionName when an entry names none. */
export const DEFAULT_SESSION_NAME = 'ses-console';

/** `arn:aws:iam::<account>:role/<path/name>` (any partition); group 1 is the role's account. */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

const entrySchema = z
  .strictObject({
    id: accountIdSchema,
    name: z.string().trim().min(1, 'name must not be empty').max(64, 'name must be at most 64 characters'),
    roleArn: z
      .string()
      .regex(ROLE_ARN, 'roleArn must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>')
      .optional(),
    // STS's own rules for ExternalId and RoleSessionName.
    externalId: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, 'externalId must be 2-1224 letters, digits or +=,.@:/-')
      .optional(),
    sessionName: z
      .string()
      .regex(/^[\w+=,.@-]{2,64}$/, 'sessionName must be 2-64 letters, digits or +=,.@-')
      .optional(),
    regions: z.array(regionSchema).min(1, 'regions must name at least one Region').optional(),
  })
  .superRefine((entry, ctx) => {
    const roleAccount = entry.roleArn ? ROLE_ARN.exec(entry.roleArn)?.[1] : undefined;
    if (roleAccount && roleAccount !== entry.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['roleArn'],
        message: `the role is in account ${roleAccount}, not in this entry's account ${entry.id}`,
      });
    }
    for (const key of ['externalId', 'sessionName'] as const) {
      if (entry[key] !== undefined && !entry.roleArn) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} needs a roleArn to assume` });
      }
    }
  });

const listSchema = z.array(entrySchema).min(1, 'must list at least one account');

/** What the entries are checked against: the rest of the configuration. */
export interface AccountRules {
  /** REGIONS: every account's `regions` are a subset of it. */
  regions: readonly string[];
  /** AWS_REGION: the default (first) account must offer it, since `/api/meta`'s defaultRegion is its. */
  defaultRegion: string;
  backend: 'emulator' | 'aws';
  /** The emulator's own account (EMULATOR_ACCOUNT_ID): the only id the own-credentials entry may have there. */
  emulatorAccountId: string;
  /** AWS_ACCOUNT_ID, when set: the own-credentials entry must be that account. */
  awsAccountId?: string;
}

/** A problem, as `loadConfig` prints it: `ACCOUNTS[1].roleArn: …`. */
export type AccountProblem = string;

function where(source: string, issuePath: readonly PropertyKey[]): string {
  let text = source;
  for (const part of issuePath) text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return text;
}

/** The document ACCOUNTS or ACCOUNTS_FILE holds, or a problem naming the variable. */
function readDocument(env: {
  ACCOUNTS?: string;
  ACCOUNTS_FILE?: string;
}): { source: string; document: unknown } | AccountProblem | undefined {
  if (env.ACCOUNTS !== undefined && env.ACCOUNTS_FILE !== undefined) {
    return 'ACCOUNTS: set ACCOUNTS or ACCOUNTS_FILE, not both';
  }
  if (env.ACCOUNTS !== undefined) {
    try {
      return { source: 'ACCOUNTS', document: JSON.parse(env.ACCOUNTS) as unknown };
    } catch {
      return 'ACCOUNTS: must be a JSON list, e.g. [{"id":"111111111111","name":"production","roleArn":"arn:aws:iam::111111111111:role/ses-console"}]';
    }
  }
  if (env.ACCOUNTS_FILE !== undefined) {
    const file = path.resolve(env.ACCOUNTS_FILE);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return `ACCOUNTS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    try {
      // The failsafe schema reads every scalar as text: an unquoted id keeps its leading zeros
      // (YAML's core schema would read 012345678901 as the number 12345678901). JSON is YAML too.
      return { source: 'ACCOUNTS_FILE', document: parseYaml(text, { schema: 'failsafe' }) as unknown };
    } catch (error) {
      const first = ((error as Error).message ?? '').split('\n')[0];
      return `ACCOUNTS_FILE: ${file} is not valid YAML or JSON (${first})`;
    }
  }
  return undefined;
}

/**
 * ACCOUNTS (JSON) or ACCOUNTS_FILE (YAML or JSON), checked: undefined when neither is set (one account,
 * as before), else the accounts in order (the first is the default account) or the problems, each naming
 * its entry and field.
 */
export function parseAccountSettings(
  env: { ACCOUNTS?: string; ACCOUNTS_FILE?: string },
  rules: AccountRules,
): { accounts?: AccountSetting[]; problems: AccountProblem[] } {
  const read = readDocument(env);
  if (read === undefined) return { problems: [] };
  if (typeof read === 'string') return { problems: [read] };
  const parsed = listSchema.safeParse(read.document);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${where(read.source, i.path)}: ${i.message}`) };
  }
  const problems: AccountProblem[] = [];
  const add = (index: number, field: string, message: string) =>
    problems.push(`${where(read.source, [index, field])}: ${message}`);
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  let ownEntry: number | undefined;
  parsed.data.forEach((entry, index) => {
    const sameId = ids.get(entry.id);
    if (sameId !== undefined) add(index, 'id', `account ${entry.id} is already ${read.source}[${sameId}]`);
    else ids.set(entry.id, index);
    const nameKey = entry.name.toLowerCase();
    const sameName = names.get(nameKey);
    if (sameName !== undefined)
      add(index, 'name', `name ${entry.name} is already ${read.source}[${sameName}]'s`);
    else names.set(nameKey, index);
    for (const region of entry.regions ?? []) {
      if (!rules.regions.includes(region)) add(index, 'regions', `Region ${region} is not one of REGIONS`);
    }
    if (index === 0 && entry.regions && !entry.regions.includes(rules.defaultRegion)) {
      add(index, 'regions', `the default (first) account must offer AWS_REGION (${rules.defaultRegion})`);
    }
    if (entry.roleArn) return;
    if (ownEntry !== undefined) {
      add(
        index,
        'roleArn',
        `only one account can use the BFF's own credentials (${read.source}[${ownEntry}] already does): give this one a roleArn`,
      );
      return;
    }
    ownEntry = index;
    if (rules.backend === 'emulator' && entry.id !== rules.emulatorAccountId) {
      add(
        index,
        'id',
        `without a roleArn this is the embedded emulator's own account, EMULATOR_ACCOUNT_ID (${rules.emulatorAccountId}); give it a roleArn to reach account ${entry.id}`,
      );
    }
    if (rules.backend === 'aws' && rules.awsAccountId !== undefined && entry.id !== rules.awsAccountId) {
      add(
        index,
        'id',
        `without a roleArn this is the BFF's own account, AWS_ACCOUNT_ID (${rules.awsAccountId}); give it a roleArn to reach account ${entry.id}`,
      );
    }
  });
  if (problems.length > 0) return { problems };
  return {
    problems,
    accounts: parsed.data.map((entry) => ({
      id: entry.id,
      name: entry.name,
      ...(entry.roleArn ? { roleArn: entry.roleArn } : {}),
      ...(entry.externalId ? { externalId: entry.externalId } : {}),
      sessionName: entry.sessionName ?? DEFAULT_SESSION_NAME,
      regions: entry.regions ?? [...rules.regions],
    })),
  };
}
