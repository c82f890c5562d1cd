import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const STAGING = '000000000000';
const PRODUCTION = '111111111111';
/** Two accounts as an operator configures them (emulator mode: the own entry is the emulator's account). */
const ACCOUNTS = JSON.stringify([
  { id: STAGING, name: 'staging' },
  { id: PRODUCTION, name: 'production', roleArn: `arn:aws:iam::${PRODUCTION}:role/ses-console` },
]);

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env, '/tmp/console');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('ROLE_GROUPS scoped to accounts (start-up checks)', () => {
  it('when ROLE_GROUPS has only group names, then it parses as before, with or without ACCOUNTS', () => {
    const roleGroups = '{"admin":["ops"],"viewer":["*"]}';
    expect(loadConfig({ ROLE_GROUPS: roleGroups }, '/tmp/c').ROLE_GROUPS).toEqual({
      admin: ['ops'],
      viewer: ['*'],
    });
    expect(loadConfig({ ROLE_GROUPS: roleGroups, ACCOUNTS }, '/tmp/c').ROLE_GROUPS).toEqual({
      admin: ['ops'],
      viewer: ['*'],
    });
  });

  it('when an entry scopes a role to accounts by name and by id, then the configuration is accepted', () => {
    const roleGroups = JSON.stringify({
      admin: [{ group: 'staging-team', accounts: ['staging'] }],
      viewer: [{ group: 'staging-team', accounts: [PRODUCTION] }, 'auditors'],
    });
    expect(configError({ ROLE_GROUPS: roleGroups, ACCOUNTS })).toBe('');
    // Names are unique ignoring case in ACCOUNTS, so either spelling names the account.
    expect(
      configError({
        ROLE_GROUPS: JSON.stringify({ admin: [{ group: 'x', accounts: ['Production'] }] }),
        ACCOUNTS,
      }),
    ).toBe('');
  });

  it('when a scoped entry names an account that is not in ACCOUNTS, then start-up is refused naming the entry and the account', () => {
    const message = configError({
      ROLE_GROUPS: JSON.stringify({
        viewer: ['auditors'],
        admin: ['ses-admins', { group: 'staging-team', accounts: ['staging', 'stagin'] }],
      }),
      ACCOUNTS,
    });
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain(
      'ROLE_GROUPS: admin[1] (group "staging-team"): account "stagin" is not in ACCOUNTS',
    );
    // The known accounts are listed, so the typo is easy to see.
    expect(message).toContain(`staging ${STAGING}, production ${PRODUCTION}`);
    expect(message).not.toContain('"staging" is not');
  });

  it('when a scoped entry is given without ACCOUNTS, then start-up is refused naming the entry', () => {
    const message = configError({
      ROLE_GROUPS: JSON.stringify({ operator: [{ group: 'ops', accounts: [PRODUCTION] }] }),
    });
    expect(message).toContain(
      'ROLE_GROUPS: operator[0] (group "ops"): scopes the role to accounts, but ACCOUNTS is not set',
    );
  });

  it.each([
    [
      'an empty accounts list',
      { admin: [{ group: 'x', accounts: [] }] },
      /accounts must name at least one account/,
    ],
    [
      'an unknown member',
      { admin: [{ group: 'x', accounts: ['staging'], region: 'us-east-1' }] },
      /ROLE_GROUPS/,
    ],
    ['an entry without a group', { admin: [{ accounts: ['staging'] }] }, /ROLE_GROUPS/],
    ['a number', { admin: [42] }, /ROLE_GROUPS/],
  ])('when an entry has %s, then start-up is refused naming ROLE_GROUPS', (_case, roleGroups, pattern) => {
    expect(configError({ ROLE_GROUPS: JSON.stringify(roleGroups), ACCOUNTS })).toMatch(pattern);
  });
});
