import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const PROD = '111111111111';
const STAGING = '222222222222';
const role = (account: string, name = 'ses-console') => `arn:aws:iam::${account}:role/${name}`;

/** loadConfig in aws mode with ACCOUNTS as this list (JSON). */
function withAccounts(accounts: unknown, extra: Record<string, string> = {}) {
  return loadConfig({ SES_BACKEND: 'aws', ACCOUNTS: JSON.stringify(accounts), ...extra }, '/tmp/console');
}

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-accounts-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('ACCOUNTS and ACCOUNTS_FILE', () => {
  it('when neither is set, then the console serves one account (no accounts in the configuration)', () => {
    expect(loadConfig({}, '/tmp/console').accounts).toBeUndefined();
  });

  it('when ACCOUNTS lists roles, then each keeps its order, role, external id and regions, with defaults filled in', () => {
    const config = withAccounts(
      [
        { id: PROD, name: 'production', roleArn: role(PROD), externalId: 'ext-1234' },
        { id: STAGING, name: 'staging', roleArn: role(STAGING, 'team/ses'), regions: ['eu-west-1'] },
        { id: '333333333333', name: 'own' },
      ],
      { REGIONS: 'us-east-1,eu-west-1' },
    );
    expect(config.accounts).toEqual([
      {
        id: PROD,
        name: 'production',
        roleArn: role(PROD),
        externalId: 'ext-1234',
        sessionName: 'ses-console',
        regions: ['us-east-1', 'eu-west-1'],
      },
      {
        id: STAGING,
        name: 'staging',
        roleArn: role(STAGING, 'team/ses'),
        sessionName: 'ses-console',
        regions: ['eu-west-1'],
      },
      { id: '333333333333', name: 'own', sessionName: 'ses-console', regions: ['us-east-1', 'eu-west-1'] },
    ]);
  });

  it('when an entry has a bad role ARN, then the message names that entry and field', () => {
    const message = problemOf(() =>
      withAccounts([
        { id: PROD, name: 'production', roleArn: role(PROD) },
        { id: STAGING, name: 'staging', roleArn: 'arn:aws:iam::222222222222:user/bob' },
      ]),
    );
    expect(message).toContain('Invalid configuration: ACCOUNTS[1].roleArn: roleArn must be an IAM role ARN');
  });

  it("when a role is in another account than its entry's id, then the role ARN is refused naming both", () => {
    const message = problemOf(() => withAccounts([{ id: PROD, name: 'production', roleArn: role(STAGING) }]));
    expect(message).toContain(
      `ACCOUNTS[0].roleArn: the role is in account ${STAGING}, not in this entry's account ${PROD}`,
    );
  });

  it('when ids or names repeat, then the later entry is named', () => {
    expect(
      problemOf(() =>
        withAccounts([
          { id: PROD, name: 'production', roleArn: role(PROD) },
          { id: PROD, name: 'other', roleArn: role(PROD, 'other') },
        ]),
      ),
    ).toContain(`ACCOUNTS[1].id: account ${PROD} is already ACCOUNTS[0]`);
    expect(
      problemOf(() =>
        withAccounts([
          { id: PROD, name: 'production', roleArn: role(PROD) },
          { id: STAGING, name: 'Production', roleArn: role(STAGING) },
        ]),
      ),
    ).toContain('ACCOUNTS[1].name: name Production is already ACCOUNTS[0]');
  });

  it("when two entries have no role, then the second is told that only one can use the BFF's own credentials", () => {
    const message = problemOf(() =>
      withAccounts([
        { id: PROD, name: 'production' },
        { id: STAGING, name: 'staging' },
      ]),
    );
    expect(message).toContain("ACCOUNTS[1].roleArn: only one account can use the BFF's own credentials");
  });

  it('when the own-credentials entry is not AWS_ACCOUNT_ID, then its id is refused', () => {
    const message = problemOf(() =>
      withAccounts([{ id: PROD, name: 'production' }], { AWS_ACCOUNT_ID: STAGING }),
    );
    expect(message).toContain(
      `ACCOUNTS[0].id: without a roleArn this is the BFF's own account, AWS_ACCOUNT_ID (${STAGING})`,
    );
  });

  it('when the emulator backend has an own-credentials entry other than EMULATOR_ACCOUNT_ID, then it is refused', () => {
    const message = problemOf(() =>
      loadConfig({ ACCOUNTS: JSON.stringify([{ id: PROD, name: 'production' }]) }, '/tmp/console'),
    );
    expect(message).toContain(
      "ACCOUNTS[0].id: without a roleArn this is the embedded emulator's own account, EMULATOR_ACCOUNT_ID (000000000000)",
    );
    const ok = loadConfig(
      { ACCOUNTS: JSON.stringify([{ id: '000000000000', name: 'emulator' }]) },
      '/tmp/console',
    );
    expect(ok.accounts?.map((a) => a.id)).toEqual(['000000000000']);
  });

  it('when an entry offers a Region outside REGIONS, or the default account leaves out AWS_REGION, then regions is named', () => {
    expect(
      problemOf(() =>
        withAccounts([{ id: PROD, name: 'production', roleArn: role(PROD), regions: ['ap-south-1'] }], {
          REGIONS: 'us-east-1,eu-west-1',
        }),
      ),
    ).toContain('ACCOUNTS[0].regions: Region ap-south-1 is not one of REGIONS');
    expect(
      problemOf(() =>
        withAccounts([{ id: PROD, name: 'production', roleArn: role(PROD), regions: ['eu-west-1'] }], {
          REGIONS: 'us-east-1,eu-west-1',
        }),
      ),
    ).toContain('ACCOUNTS[0].regions: the default (first) account must offer AWS_REGION (us-east-1)');
  });

  it('when an entry misspells a field or is not a 12-digit id, then the entry and the rule are named', () => {
    expect(problemOf(() => withAccounts([{ id: PROD, name: 'production', rolearn: role(PROD) }]))).toMatch(
      /ACCOUNTS\[0\]: Unrecognized key: "rolearn"/,
    );
    expect(problemOf(() => withAccounts([{ id: '1234', name: 'x', roleArn: role(PROD) }]))).toContain(
      'ACCOUNTS[0].id: account must be a 12-digit AWS account id',
    );
    expect(problemOf(() => withAccounts([]))).toContain('ACCOUNTS: must list at least one account');
    expect(problemOf(() => loadConfig({ ACCOUNTS: '{not json' }, '/x'))).toContain(
      'ACCOUNTS: must be a JSON list',
    );
  });

  it('when ACCOUNTS_FILE is YAML, then its accounts load, an unquoted id keeping its leading zero', () => {
    const file = tempFile(
      'accounts.yaml',
      [
        '# the accounts of the console',
        '- id: 012345678901',
        '  name: production',
        '  roleArn: arn:aws:iam::012345678901:role/ses-console',
        '  externalId: prod-ext',
        '  sessionName: console-prod',
        '- id: "222222222222"',
        '  name: staging',
        '  roleArn: arn:aws:iam::222222222222:role/ses-console',
        '  regions: [eu-west-1]',
        '',
      ].join('\n'),
    );
    const config = loadConfig(
      { SES_BACKEND: 'aws', ACCOUNTS_FILE: file, REGIONS: 'us-east-1,eu-west-1' },
      '/tmp/console',
    );
    expect(config.accounts).toEqual([
      {
        id: '012345678901',
        name: 'production',
        roleArn: 'arn:aws:iam::012345678901:role/ses-console',
        externalId: 'prod-ext',
        sessionName: 'console-prod',
        regions: ['us-east-1', 'eu-west-1'],
      },
      {
        id: STAGING,
        name: 'staging',
        roleArn: role(STAGING),
        sessionName: 'ses-console',
        regions: ['eu-west-1'],
      },
    ]);
  });

  it('when ACCOUNTS_FILE is JSON with a bad entry, then the message names ACCOUNTS_FILE and the entry', () => {
    const file = tempFile(
      'accounts.json',
      JSON.stringify([{ id: PROD, name: 'production', roleArn: role(PROD), sessionName: 'x' }]),
    );
    expect(problemOf(() => loadConfig({ SES_BACKEND: 'aws', ACCOUNTS_FILE: file }, '/x'))).toContain(
      'ACCOUNTS_FILE[0].sessionName: sessionName must be 2-64 letters, digits or +=,.@-',
    );
  });

  it('when ACCOUNTS_FILE cannot be read or parsed, or both variables are set, then one line says so', () => {
    expect(problemOf(() => loadConfig({ ACCOUNTS_FILE: '/nonexistent/accounts.yaml' }, '/x'))).toContain(
      'ACCOUNTS_FILE: cannot read /nonexistent/accounts.yaml (ENOENT)',
    );
    const broken = tempFile('broken.yaml', '- id: [unclosed\n');
    expect(problemOf(() => loadConfig({ ACCOUNTS_FILE: broken }, '/x'))).toContain(
      `ACCOUNTS_FILE: ${broken} is not valid YAML or JSON`,
    );
    expect(problemOf(() => loadConfig({ ACCOUNTS: '[]', ACCOUNTS_FILE: broken }, '/x'))).toContain(
      'ACCOUNTS: set ACCOUNTS or ACCOUNTS_FILE, not both',
    );
  });
});
