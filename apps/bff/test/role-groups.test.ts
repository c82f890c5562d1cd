import { CreateEmailIdentityCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { accountApiPath, apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFromConfig } from '../src/auth/auth-from-config.js';
import { loadConfig } from '../src/config.js';
import { type Harness, REGION, startHarness, unique } from './support/harness.js';
import { proxyUserInGroups } from './support/proxy-users.js';

const STAGING = '000000000000';
const PRODUCTION = '111111111111';
/** Two accounts as an operator configures them (emulator mode: the own entry is the emulator's account). */
const accountList = [
  { id: STAGING, name: 'staging' },
  { id: PRODUCTION, name: 'production', roleArn: `arn:aws:iam::${PRODUCTION}:role/ses-console` },
];
const ACCOUNTS = JSON.stringify(accountList);

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

describe('AUTH_MODE=none with ACCOUNTS', () => {
  let h: Harness;
  let production: SESv2Client;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto', accounts: accountList });
    // The emulator maps a 12-digit access key id to that account: an independent view of production.
    production = new SESv2Client({
      region: REGION,
      endpoint: h.emulator.url,
      credentials: { accessKeyId: PRODUCTION, secretAccessKey: 'test' },
    });
  });
  afterAll(async () => {
    production?.destroy();
    await h?.close();
  });

  it('when the local user reads the session and deletes in an account that is not the default, then it is admin in every account and the identity is gone', async () => {
    const session = await request(h.app).get(apiPaths.session);
    expect(session.body.roles).toEqual(['viewer', 'operator', 'admin']);
    expect(session.body.accountRoles).toEqual({
      [STAGING]: ['viewer', 'operator', 'admin'],
      [PRODUCTION]: ['viewer', 'operator', 'admin'],
    });
    const name = `${unique('local')}.example.com`;
    await production.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    const res = await request(h.app).delete(
      accountApiPath(PRODUCTION, apiPaths.identity, { region: REGION, identity: name }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    await expect(production.send(new GetEmailIdentityCommand({ EmailIdentity: name }))).rejects.toMatchObject(
      {
        name: 'NotFoundException',
      },
    );
  });
});

describe('AUTH_MODE=proxy with ACCOUNTS and scoped ROLE_GROUPS from the environment', () => {
  let h: Harness;
  beforeAll(async () => {
    const config = loadConfig(
      {
        AUTH_MODE: 'proxy',
        TRUSTED_PROXIES: '127.0.0.1,::1',
        ACCOUNTS,
        ROLE_GROUPS: JSON.stringify({
          operator: [{ group: 'mail-team', accounts: ['production'] }],
          viewer: ['*'],
        }),
      },
      '/tmp/console',
    );
    h = await startHarness({ verificationMode: 'auto', accounts: accountList, auth: authFromConfig(config) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('when a user of the scoped group asks for the session, then it holds the scoped role in that account only', async () => {
    const user = await proxyUserInGroups(h.raw, 'mia', ['mail-team']);
    const res = await request(h.raw).get(apiPaths.session).set(user.headers);
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['viewer']);
    expect(res.body.accountRoles).toEqual({ [STAGING]: ['viewer'], [PRODUCTION]: ['viewer', 'operator'] });
    const other = await proxyUserInGroups(h.raw, 'otto', ['staff']);
    const otherSession = await request(h.raw).get(apiPaths.session).set(other.headers);
    expect(otherSession.body.accountRoles).toEqual({ [STAGING]: ['viewer'], [PRODUCTION]: ['viewer'] });
  });
});
