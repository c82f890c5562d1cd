import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { accountApiPath, apiPaths, authPaths, type SessionResponse } from '@ses-console/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcAuth } from '../src/auth/oidc-auth.js';
import type { RoleGroups } from '../src/auth/role-groups.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { type AppServer, startAppServer } from './support/app-server.js';
import { tempSqliteFile } from './support/audit-stores.js';
import { CookieJar } from './support/cookie-jar.js';
import { type Harness, startHarness, unique, url } from './support/harness.js';
import { TestClock } from './support/test-clock.js';
import { startTestIdp, type TestIdp } from './support/test-idp.js';

const roleGroups = { admin: ['ses-admins'], operator: ['ses-operators'], viewer: ['*'] };
const TTL_SECONDS = 600;
/** OIDC_ROLES_MAX_AGE_SECONDS of these tests: roles are re-derived from the IdP after 5 minutes. */
const ROLES_MAX_AGE_SECONDS = 300;

/**
 * AUTH_MODE=oidc against a real OpenID Connect provider (oidc-provider) on loopback: the browser's
 * part of the authorization code flow is played by a cookie jar following real redirects.
 */
describe('AUTH_MODE=oidc', () => {
  let server: AppServer;
  let idp: TestIdp;
  let h: Harness;
  const clock = new TestClock();
  const users = {
    alice: { name: 'Alice Admin', email: 'alice@example.com', groups: ['ses-admins', 'staff'] },
    oscar: { name: 'Oscar Operator', email: 'oscar@example.com', groups: ['ses-operators'] },
    vera: { name: 'Vera Viewer', email: 'vera@example.com', groups: ['staff'] },
    rita: { name: 'Rita Revoked', email: 'rita@example.com', groups: ['ses-admins'] },
    nora: { name: 'Nora NoRefresh', email: 'nora@example.com', groups: ['ses-admins'] },
  };

  beforeAll(async () => {
    server = await startAppServer();
    const redirectUri = `${server.url}${authPaths.callback}`;
    idp = await startTestIdp({
      redirectUri,
      users,
    });
    h = await startHarness({
      verificationMode: 'auto',
      now: clock.now,
      sessionTtlSeconds: TTL_SECONDS,
      rateLimits: { windowSeconds: 60, mutations: 1000, signIn: 1000 },
      auth: oidcAuth({
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        redirectUrl: redirectUri,
        groupsClaim: 'groups',
        scopes: 'openid profile email groups',
        roleGroups,
        rolesMaxAgeSeconds: ROLES_MAX_AGE_SECONDS,
      }),
    });
    server.serve(h.app);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await idp?.close();
    await h?.close();
  });

  /** Signs in at the IdP as `account` the way a browser does; returns the browser's cookie jar. */
  async function signIn(account: string, returnTo = '/identities?region=us-east-1'): Promise<CookieJar> {
    idp.signInAs(account);
    const jar = new CookieJar();
    const landed = await jar.follow(
      `${server.url}${authPaths.login}?returnTo=${encodeURIComponent(returnTo)}`,
      (u) => u.startsWith(`${server.url}/identities`),
    );
    expect(landed.url).toBe(`${server.url}${returnTo}`);
    return jar;
  }

  async function session(jar: CookieJar): Promise<{ status: number; body: SessionResponse }> {
    const res = await jar.fetch(`${server.url}${apiPaths.session}`);
    return { status: res.status, body: (await res.json()) as SessionResponse };
  }

  it('when nobody signed in, then the API answers 401 and /auth/login redirects to the IdP with PKCE', async () => {
    const jar = new CookieJar();
    const res = await jar.fetch(`${server.url}${apiPaths.session}`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Unauthenticated');
    const login = await jar.fetch(`${server.url}${authPaths.login}`);
    expect(login.status).toBe(302);
    const location = new URL(login.headers.get('location') ?? '');
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('ses_console_login='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('when a rebound DNS name (Host: attacker.example) starts a sign-in, then 421 and no login cookie is set', async () => {
    const { request: raw } = await import('node:http');
    const target = new URL(`${server.url}${authPaths.login}`);
    const res = await new Promise<{ status: number; cookies: string[] }>((resolve, reject) => {
      const req = raw(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          headers: { host: 'attacker.example' },
        },
        (answer) => {
          answer.resume();
          resolve({ status: answer.statusCode ?? 0, cookies: answer.headers['set-cookie'] ?? [] });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(421);
    expect(res.cookies).toEqual([]);
  });

  it('when an admin signs in, then the session names them, maps ses-admins to every role and sets a safe cookie', async () => {
    idp.signInAs('alice');
    const jar = new CookieJar();
    const login = await jar.fetch(`${server.url}${authPaths.login}`);
    let next = login.headers.get('location') ?? '';
    let callbackAnswer: Response | undefined;
    for (let hop = 0; hop < 10 && !callbackAnswer; hop += 1) {
      const res = await jar.fetch(next);
      if (next.startsWith(`${server.url}${authPaths.callback}`)) callbackAnswer = res;
      next = new URL(res.headers.get('location') ?? '', next).href;
    }
    const sessionCookie = callbackAnswer?.headers
      .getSetCookie()
      .find((c) => c.startsWith('ses_console_session='));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure/); // http://127.0.0.1 redirect URL; https makes it Secure

    const { status, body } = await session(jar);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      authMode: 'oidc',
      user: { id: 'alice', name: 'Alice Admin', email: 'alice@example.com' },
      roles: ['viewer', 'operator', 'admin'],
      signOut: 'bff',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('when users in different groups sign in, then each gets the roles ROLE_GROUPS maps', async () => {
    expect((await session(await signIn('oscar'))).body.roles).toEqual(['viewer', 'operator']);
    expect((await session(await signIn('vera'))).body.roles).toEqual(['viewer']);
  });

  it('when a viewer tries to delete an identity, then 403 names the admin role; an admin deletes it', async () => {
    const domain = `${unique('oidc')}.com`;
    await h
      .ses()
      .send(
        new (await import('@aws-sdk/client-sesv2')).CreateEmailIdentityCommand({ EmailIdentity: domain }),
      );
    const target = `${server.url}${url(apiPaths.identity, { region: 'us-east-1', identity: domain })}`;

    const vera = await signIn('vera');
    const veraToken = (await session(vera)).body.csrfToken;
    const denied = await vera.fetch(target, { method: 'DELETE', headers: { 'x-csrf-token': veraToken } });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { code: 'Forbidden', requiredRole: 'admin' } });

    const alice = await signIn('alice');
    const aliceToken = (await session(alice)).body.csrfToken;
    const deleted = await alice.fetch(target, { method: 'DELETE', headers: { 'x-csrf-token': aliceToken } });
    expect(deleted.status).toBe(204);

    const audit = await h.store.audit.query({ identity: domain, limit: 10 });
    expect(audit.entries.map((e) => [e.actor, e.actorName, e.result, e.status])).toEqual([
      ['alice', 'Alice Admin', 'success', 204],
      ['vera', 'Vera Viewer', 'error', 403],
    ]);
  });

  it('when a user signs out, then the session is gone and the answer points at the IdP end-session endpoint', async () => {
    const jar = await signIn('oscar');
    const { csrfToken } = (await session(jar)).body;

    const withoutToken = await jar.fetch(`${server.url}${authPaths.logout}`, { method: 'POST' });
    expect(withoutToken.status).toBe(403);
    expect((await session(jar)).status).toBe(200);

    const out = await jar.fetch(`${server.url}${authPaths.logout}`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(200);
    const { redirectTo } = (await out.json()) as { redirectTo: string };
    const endSession = new URL(redirectTo);
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    expect((await session(jar)).status).toBe(401);

    const entries = await h.store.audit.query({ actor: 'oscar', action: 'session.sign-out', limit: 5 });
    expect(entries.entries.map((e) => e.status)).toEqual([200, 403]);
  });

  it('when the session outlives SESSION_TTL_SECONDS, then the API answers 401 until the user signs in again', async () => {
    const jar = await signIn('vera');
    expect((await session(jar)).status).toBe(200);
    clock.advance(TTL_SECONDS + 1);
    expect((await session(jar)).status).toBe(401);
    const again = await signIn('vera');
    expect((await session(again)).status).toBe(200);
  });

  it('when the callback comes from another browser or is replayed, then the sign-in is refused', async () => {
    idp.signInAs('alice');
    const jar = new CookieJar();
    const { url: callback } = await jar.follow(`${server.url}${authPaths.login}`, (u) =>
      u.startsWith(`${server.url}${authPaths.callback}`),
    );
    // Another browser (no login cookie) presenting the same code and state:
    const stranger = await new CookieJar().fetch(callback);
    expect(stranger.status).toBe(400);
    expect(await stranger.json()).toMatchObject({ error: { code: 'SignInFailed' } });
    // The right browser completes it once; a replay has no pending sign-in any more.
    expect((await jar.fetch(callback)).status).toBe(302);
    const replay = await jar.fetch(callback);
    expect(replay.status).toBe(400);
  });

  it('when returnTo points to another site, then the user lands on / instead', async () => {
    idp.signInAs('vera');
    const jar = new CookieJar();
    const { url: landed } = await jar.follow(
      `${server.url}${authPaths.login}?returnTo=${encodeURIComponent('//evil.example/x')}`,
      (u) => u === `${server.url}/`,
    );
    expect(landed).toBe(`${server.url}/`);
  });

  it('when a signed-in admin is removed from the admin group at the IdP, then within OIDC_ROLES_MAX_AGE_SECONDS the session is re-derived: viewer only, same session, and a delete is refused', async () => {
    idp.issueRefreshTokens(true);
    try {
      const jar = await signIn('rita');
      const before = await session(jar);
      expect(before.body.roles).toEqual(['viewer', 'operator', 'admin']);
      users.rita.groups = ['staff'];
      // Within the bound the session keeps what the IdP said at sign-in.
      clock.advance(ROLES_MAX_AGE_SECONDS - 10);
      expect((await session(jar)).body.roles).toEqual(['viewer', 'operator', 'admin']);
      clock.advance(20);
      const after = await session(jar);
      expect(after.status).toBe(200);
      expect(after.body.roles).toEqual(['viewer']);
      expect(after.body.csrfToken).toBe(before.body.csrfToken);
      const domain = `${unique('roles')}.com`;
      await h
        .ses()
        .send(
          new (await import('@aws-sdk/client-sesv2')).CreateEmailIdentityCommand({ EmailIdentity: domain }),
        );
      const target = `${server.url}${url(apiPaths.identity, { region: 'us-east-1', identity: domain })}`;
      const denied = await jar.fetch(target, {
        method: 'DELETE',
        headers: { 'x-csrf-token': after.body.csrfToken },
      });
      expect(denied.status).toBe(403);
      expect(await denied.json()).toMatchObject({ error: { code: 'Forbidden', requiredRole: 'admin' } });
    } finally {
      idp.issueRefreshTokens(false);
    }
  });

  it('when the IdP gave no refresh token, then the session ends after OIDC_ROLES_MAX_AGE_SECONDS (401) and a new sign-in brings the current roles', async () => {
    const jar = await signIn('nora');
    expect((await session(jar)).body.roles).toEqual(['viewer', 'operator', 'admin']);
    users.nora.groups = ['ses-operators'];
    clock.advance(ROLES_MAX_AGE_SECONDS + 1);
    const expired = await session(jar);
    expect(expired.status).toBe(401);
    expect((await session(await signIn('nora'))).body.roles).toEqual(['viewer', 'operator']);
  });
});

/**
 * AUTH_MODE=oidc with ACCOUNTS and ROLE_GROUPS scoped to them: the IdP's groups give roles per account.
 * Two BFFs on one SQLite file stand for a restart with a new ROLE_GROUPS: the session opened while the
 * role held everywhere must not keep it in production once it is scoped to staging.
 */
describe('AUTH_MODE=oidc with roles per account', () => {
  const STAGING = '000000000000';
  const PRODUCTION = '111111111111';
  const accounts = [
    { id: PRODUCTION, name: 'production', roleArn: `arn:aws:iam::${PRODUCTION}:role/ses-console` },
    { id: STAGING, name: 'staging' },
  ];
  const users = { sam: { name: 'Sam Staging', email: 'sam@example.com', groups: ['staging-team'] } };
  let server: AppServer;
  let idp: TestIdp;
  let before: Harness;
  let after: Harness;

  async function harness(roleGroups: RoleGroups, file: string, redirectUri: string): Promise<Harness> {
    return startHarness({
      verificationMode: 'auto',
      store: openSqliteStore(file),
      accounts,
      auth: oidcAuth({
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        redirectUrl: redirectUri,
        groupsClaim: 'groups',
        scopes: 'openid profile email groups',
        roleGroups,
        accounts,
      }),
    });
  }

  beforeAll(async () => {
    server = await startAppServer();
    const redirectUri = `${server.url}${authPaths.callback}`;
    idp = await startTestIdp({ redirectUri, users });
    const file = tempSqliteFile('bff-oidc-accounts-');
    before = await harness({ admin: ['staging-team'] }, file, redirectUri);
    after = await harness(
      {
        admin: [{ group: 'staging-team', accounts: ['staging'] }],
        viewer: [{ group: 'staging-team', accounts: ['production'] }],
      },
      file,
      redirectUri,
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await idp?.close();
    await before?.close();
    await after?.close();
  });

  it('when a session opened while a role held everywhere meets a ROLE_GROUPS that scopes it, then the session has the scoped roles: delete in staging, 403 in production', async () => {
    server.serve(before.app);
    idp.signInAs('sam');
    const jar = new CookieJar();
    await jar.follow(`${server.url}${authPaths.login}?returnTo=/identities`, (u) =>
      u.startsWith(`${server.url}/identities`),
    );
    const opened = await jar.fetch(`${server.url}${apiPaths.session}`);
    expect(((await opened.json()) as SessionResponse).accountRoles).toEqual({
      [PRODUCTION]: ['viewer', 'operator', 'admin'],
      [STAGING]: ['viewer', 'operator', 'admin'],
    });

    server.serve(after.app);
    const res = await jar.fetch(`${server.url}${apiPaths.session}`);
    expect(res.status).toBe(200);
    const scoped = (await res.json()) as SessionResponse;
    expect(scoped.roles).toEqual(['viewer']);
    expect(scoped.accountRoles).toEqual({
      [PRODUCTION]: ['viewer'],
      [STAGING]: ['viewer', 'operator', 'admin'],
    });

    const domain = `${unique('oidc-scoped')}.com`;
    await after.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const del = (account: string) =>
      jar.fetch(
        `${server.url}${accountApiPath(account, apiPaths.identity, { region: 'us-east-1', identity: domain })}`,
        { method: 'DELETE', headers: { 'x-csrf-token': scoped.csrfToken } },
      );
    const denied = await del(PRODUCTION);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({
      error: { code: 'Forbidden', requiredRole: 'admin', account: PRODUCTION },
    });
    expect((await del(STAGING)).status).toBe(204);
  });
});
