import { randomUUID } from 'node:crypto';
import { CreateEmailIdentityCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import {
  type AuditEntry,
  accessFor,
  accountApiPath,
  apiPath,
  apiPaths,
  type HttpMethod,
  isAccountScoped,
  type Role,
  routeAccess,
} from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyAuth } from '../src/auth/proxy-auth.js';
import type { RoleGroups } from '../src/auth/role-groups.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { ACCOUNT_ID, type Harness, REGION, startHarness, unique } from './support/harness.js';
import { skipWithoutPostgres, startTestPostgres, type TestPostgres } from './support/postgres.js';
import { type ProxyUser, proxyUser, proxyUserInGroups, testRoleGroups } from './support/proxy-users.js';
import { caseKey, mutatingRouteCases, readRouteQueries } from './support/route-cases.js';

const roleBelow: Record<Role, Role | 'nobody'> = { viewer: 'nobody', operator: 'viewer', admin: 'operator' };

interface Backend {
  name: string;
  skip: boolean;
  open(): Promise<{ store: Store; stop(): Promise<void> }>;
}

let postgres: TestPostgres | undefined;
const backends: Backend[] = [
  {
    name: 'SQLite',
    skip: false,
    open: async () => {
      const store = openSqliteStore(':memory:');
      return { store, stop: async () => {} };
    },
  },
  {
    name: 'PostgreSQL',
    skip: skipWithoutPostgres(),
    open: async () => {
      postgres ??= await startTestPostgres();
      const store = await openPostgresStore(await postgres.createDatabase());
      return { store, stop: async () => {} };
    },
  },
];

afterAll(async () => {
  await postgres?.stop();
});

/** The API routes the app registers, read from its OpenAPI document (generated from the route specs). */
async function registeredRoutes(h: Harness, headers: Record<string, string>) {
  const doc = await request(h.raw).get(apiPaths.openapi).set(headers);
  expect(doc.status).toBe(200);
  return Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({
      method: method as HttpMethod,
      path: path.replace(/\{(\w+)\}/g, ':$1'),
    })),
  );
}

describe.each(backends)('authorization and audit of every route ($name store)', (backend) => {
  let h: Harness;
  let stopStore: () => Promise<void>;
  const users: Partial<Record<Role | 'nobody', ProxyUser>> = {};
  /** requestId → what the test expects the single audit entry of that request to say. */
  const expected = new Map<
    string,
    {
      actor: string | null;
      result: 'success' | 'error';
      status: number;
      errorCode: string | null;
      action: string;
    }
  >();
  /** requestId → the path parameters, all a refused request's entry may keep (never the body). */
  const refused = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    if (backend.skip) return;
    const opened = await backend.open();
    stopStore = opened.stop;
    h = await startHarness({
      verificationMode: 'auto',
      store: opened.store,
      rateLimits: { windowSeconds: 60, mutations: 10_000, signIn: 100 },
      auth: proxyAuth({
        trustedProxies: ['127.0.0.1', '::1'],
        roleGroups: testRoleGroups,
        groupsClaim: 'groups',
        albPublicKeyUrl: 'http://127.0.0.1:9',
      }),
    });
    for (const role of ['nobody', 'viewer', 'operator', 'admin'] as const)
      users[role] = await proxyUser(h.raw, role);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await stopStore?.();
  });

  it.skipIf(backend.skip)(
    'when the routes are listed, then each one has an access rule and each change a test case',
    async () => {
      const routes = await registeredRoutes(h, users.viewer?.headers ?? {});
      expect(routes.length).toBeGreaterThan(20);
      for (const route of routes) {
        const access = accessFor(route.method, route.path);
        expect(access, `${route.method} ${route.path} has no rule in routeAccess`).toBeDefined();
        if (route.method !== 'get') {
          expect(access?.action, `${route.method} ${route.path} has no audit action`).toBeTruthy();
          expect(
            mutatingRouteCases[caseKey(route.method, route.path)],
            `no case for ${route.method} ${route.path}`,
          ).toBeDefined();
        }
      }
      // And the other way round: the table names no route that does not exist (emulator backend here).
      const keys = new Set(routes.map((r) => caseKey(r.method, r.path)));
      for (const rule of routeAccess)
        expect(keys.has(caseKey(rule.method, rule.path)), caseKey(rule.method, rule.path)).toBe(true);
    },
  );

  it.skipIf(backend.skip)(
    'when each state-changing route is called without a session, below its role, without the CSRF token and as the right role, then it answers 401, 403, 403 and success, and audits each call once',
    async () => {
      const routes = (await registeredRoutes(h, users.viewer?.headers ?? {})).filter(
        (r) => r.method !== 'get',
      );
      for (const route of routes) {
        const access = accessFor(route.method, route.path);
        if (!access?.role || !access.action)
          throw new Error(`${route.method} ${route.path}: no role or action`);
        const call = await mutatingRouteCases[caseKey(route.method, route.path)]?.(h);
        if (!call) throw new Error('no case');
        const path = apiPath(route.path, call.params);
        const label = `${route.method.toUpperCase()} ${route.path}`;
        const send = (headers: Record<string, string>) => {
          const requestId = randomUUID();
          const req = request(h.raw)
            [route.method](path)
            .set({ ...headers, 'x-request-id': requestId });
          return { requestId, response: call.body === undefined ? req : req.send(call.body as object) };
        };
        const allowed = users[access.role] as ProxyUser;
        const below = users[roleBelow[access.role]] as ProxyUser;

        const anonymous = send({});
        const r401 = await anonymous.response;
        expect(r401.status, `${label} without a session`).toBe(401);
        expect(r401.body.error.code).toBe('Unauthenticated');
        // No sign-in: no actor (null), never a name a real user could have.
        expected.set(anonymous.requestId, {
          actor: null,
          result: 'error',
          status: 401,
          errorCode: 'Unauthenticated',
          action: access.action,
        });

        const lower = send(below.headers);
        const r403 = await lower.response;
        expect(r403.status, `${label} as ${roleBelow[access.role]}`).toBe(403);
        expect(r403.body.error).toMatchObject({ code: 'Forbidden', requiredRole: access.role });
        expect(r403.body.error.message).toContain(access.role);
        expected.set(lower.requestId, {
          actor: below.id,
          result: 'error',
          status: 403,
          errorCode: 'Forbidden',
          action: access.action,
        });

        const { 'x-csrf-token': _token, ...withoutCsrf } = allowed.headers;
        const noCsrf = send(withoutCsrf);
        const rCsrf = await noCsrf.response;
        expect(rCsrf.status, `${label} without x-csrf-token`).toBe(403);
        expect(rCsrf.body.error.code).toBe('CsrfTokenInvalid');
        expected.set(noCsrf.requestId, {
          actor: allowed.id,
          result: 'error',
          status: 403,
          errorCode: 'CsrfTokenInvalid',
          action: access.action,
        });

        for (const id of [anonymous.requestId, lower.requestId, noCsrf.requestId])
          refused.set(id, call.params ?? {});

        const ok = send(allowed.headers);
        const rOk = await ok.response;
        expect(rOk.status, `${label} as ${access.role}: ${JSON.stringify(rOk.body)}`).toBe(call.status);
        expected.set(ok.requestId, {
          actor: allowed.id,
          result: call.status < 400 ? 'success' : 'error',
          status: call.status,
          errorCode: call.errorCode ?? null,
          action: access.action,
        });
      }

      const entries: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await h.store.audit.query({ limit: 200, ...(cursor ? { cursor } : {}) });
        entries.push(...page.entries);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      for (const [requestId, want] of expected) {
        const mine = entries.filter((e) => e.requestId === requestId);
        expect(mine, `audit entries of request ${requestId} (${want.action})`).toHaveLength(1);
        expect(mine[0]).toMatchObject(want);
        const params = refused.get(requestId);
        if (params) expect(mine[0]?.parameters, `refused ${want.action} keeps no body`).toEqual(params);
      }
    },
  );

  it.skipIf(backend.skip)(
    'when a read-only route is called without a session or without a role, then 401 and 403; a viewer reads',
    async () => {
      const routes = (await registeredRoutes(h, users.viewer?.headers ?? {})).filter(
        (r) => r.method === 'get',
      );
      for (const route of routes) {
        const path =
          apiPath(route.path, {
            region: 'us-east-1',
            identity: 'nobody.example.com',
            changeId: 'CNOSUCHCHANGE1',
          }) + (readRouteQueries[route.path] ?? '');
        expect((await request(h.raw).get(path)).status, `${route.path} anonymous`).toBe(401);
        const access = accessFor('get', route.path);
        const nobody = await request(h.raw)
          .get(path)
          .set(users.nobody?.headers ?? {});
        expect(nobody.status, `${route.path} without a role`).toBe(access?.role ? 403 : 200);
        const viewer = await request(h.raw)
          .get(path)
          .set(users.viewer?.headers ?? {});
        expect([200, 404], `${route.path} as viewer`).toContain(viewer.status);
      }
    },
  );
});

/**
 * Roles per account: ACCOUNTS of two accounts, production first (the default account, reached with an
 * assumed role on the emulator's STS) and staging (the emulator's own account, where the route cases
 * seed their data). ROLE_GROUPS makes `split` admin in staging and viewer in production, and
 * `stagingViewer` viewer in staging only. A guard that ignored the account would use the default
 * account's roles (split could not change staging) or the best anywhere (split could change production).
 */
const STAGING = ACCOUNT_ID;
const PRODUCTION = '111111111111';
const scopedAccounts = [
  { id: PRODUCTION, name: 'production', roleArn: `arn:aws:iam::${PRODUCTION}:role/ses-console` },
  { id: STAGING, name: 'staging' },
];
const scopedRoleGroups: RoleGroups = {
  admin: [{ group: 'staging-team', accounts: ['staging'] }],
  viewer: [
    { group: 'staging-team', accounts: ['production'] },
    { group: 'staging-readers', accounts: [STAGING] },
  ],
};

describe.each(backends)(
  'authorization and audit of every route with roles per account ($name store)',
  (backend) => {
    let h: Harness;
    let stopStore: () => Promise<void>;
    let split: ProxyUser;
    let stagingViewer: ProxyUser;
    let production: SESv2Client;

    beforeAll(async () => {
      if (backend.skip) return;
      const opened = await backend.open();
      stopStore = opened.stop;
      h = await startHarness({
        verificationMode: 'auto',
        store: opened.store,
        accounts: scopedAccounts,
        rateLimits: { windowSeconds: 60, mutations: 10_000, signIn: 100 },
        auth: proxyAuth({
          trustedProxies: ['127.0.0.1', '::1'],
          roleGroups: scopedRoleGroups,
          accounts: scopedAccounts,
          groupsClaim: 'groups',
          albPublicKeyUrl: 'http://127.0.0.1:9',
        }),
      });
      split = await proxyUserInGroups(h.raw, 'split-user', ['staging-team']);
      stagingViewer = await proxyUserInGroups(h.raw, 'staging-reader', ['staging-readers']);
      // The emulator maps a 12-digit access key id to that account: an independent view of production.
      production = new SESv2Client({
        region: REGION,
        endpoint: h.emulator.url,
        credentials: { accessKeyId: PRODUCTION, secretAccessKey: 'test' },
      });
    }, 60_000);

    afterAll(async () => {
      production?.destroy();
      await h?.close();
      await stopStore?.();
    });

    it.skipIf(backend.skip)(
      'when the session is read, then it has the roles in the default account and in each account by id',
      async () => {
        const res = await request(h.raw).get(apiPaths.session).set(split.headers);
        expect(res.status).toBe(200);
        expect(res.body.roles).toEqual(['viewer']);
        expect(res.body.accountRoles).toEqual({
          [PRODUCTION]: ['viewer'],
          [STAGING]: ['viewer', 'operator', 'admin'],
        });
        const reader = await request(h.raw).get(apiPaths.session).set(stagingViewer.headers);
        expect(reader.body.roles).toEqual([]);
        expect(reader.body.accountRoles).toEqual({ [PRODUCTION]: [], [STAGING]: ['viewer'] });
      },
    );

    it.skipIf(backend.skip)(
      'when each state-changing route is called in each account, then it answers as its role rule says there, and each entry records its account',
      async () => {
        const routes = (await registeredRoutes(h, split.headers)).filter((r) => r.method !== 'get');
        const expected = new Map<string, { account: string | null; status: number; actor: string }>();
        const send = (path: string, method: HttpMethod, body: unknown) => {
          const requestId = randomUUID();
          const req = request(h.raw)
            [method](path)
            .set({ ...split.headers, 'x-request-id': requestId });
          return { requestId, response: body === undefined ? req : req.send(body as object) };
        };
        let scopedRoutes = 0;
        for (const route of routes) {
          const access = accessFor(route.method, route.path);
          if (!access?.role || !access.action)
            throw new Error(`${route.method} ${route.path}: no role or action`);
          // Every change needs more than viewer, which is all split holds in production.
          expect(access.role, `${route.method} ${route.path}`).not.toBe('viewer');
          const call = await mutatingRouteCases[caseKey(route.method, route.path)]?.(h);
          if (!call) throw new Error('no case');
          const label = `${route.method.toUpperCase()} ${route.path}`;
          const forbidden = async (path: string, account: string | undefined, where: string) => {
            const sent = send(path, route.method, call.body);
            const res = await sent.response;
            expect(res.status, `${label} ${where}: ${JSON.stringify(res.body)}`).toBe(403);
            expect(res.body.error).toMatchObject({ code: 'Forbidden', requiredRole: access.role });
            if (account) {
              expect(res.body.error.account).toBe(account);
              expect(res.body.error.message).toContain(
                `${access.role} role in account production (${PRODUCTION})`,
              );
            } else {
              // Outside any account the default account's roles apply, and the 403 says so.
              expect(res.body.error.account).toBe(PRODUCTION);
              expect(res.body.error.message).toContain(
                `${access.role} role in account production (${PRODUCTION}), the default account`,
              );
            }
            expected.set(sent.requestId, { account: account ?? null, status: 403, actor: split.id });
          };
          if (!isAccountScoped(route.path)) {
            // Outside any account (the emulator's clock, a captured mail): the default account's roles.
            await forbidden(apiPath(route.path, call.params), undefined, 'outside any account');
            continue;
          }
          scopedRoutes += 1;
          await forbidden(accountApiPath(PRODUCTION, route.path, call.params), PRODUCTION, 'in production');
          await forbidden(
            apiPath(route.path, call.params),
            PRODUCTION,
            'without a prefix (the default account)',
          );
          const ok = send(accountApiPath(STAGING, route.path, call.params), route.method, call.body);
          const rOk = await ok.response;
          expect(rOk.status, `${label} in staging: ${JSON.stringify(rOk.body)}`).toBe(call.status);
          expected.set(ok.requestId, { account: STAGING, status: call.status, actor: split.id });
        }
        expect(scopedRoutes).toBeGreaterThan(15);

        const entries: AuditEntry[] = [];
        let cursor: string | undefined;
        do {
          const page = await h.store.audit.query({ limit: 200, ...(cursor ? { cursor } : {}) });
          entries.push(...page.entries);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        for (const [requestId, want] of expected) {
          const mine = entries.filter((e) => e.requestId === requestId);
          expect(mine, `audit entries of request ${requestId}`).toHaveLength(1);
          expect(mine[0]).toMatchObject(want);
        }
      },
    );

    it.skipIf(backend.skip)(
      'when each read-only route is called in each account, then a viewer there reads and a user without a role there gets 403',
      async () => {
        const routes = (await registeredRoutes(h, split.headers)).filter((r) => r.method === 'get');
        const params = { region: REGION, identity: 'nobody.example.com', changeId: 'CNOSUCHCHANGE1' };
        for (const route of routes) {
          const access = accessFor('get', route.path);
          const query = readRouteQueries[route.path] ?? '';
          const status = async (path: string, user: ProxyUser) =>
            (await request(h.raw).get(path).set(user.headers)).status;
          if (!isAccountScoped(route.path)) {
            // The All accounts list needs viewer in some account; the other global routes the default's roles.
            const reader = await status(apiPath(route.path, params) + query, stagingViewer);
            const allowed = !access?.role || route.path === apiPaths.allAccountsIdentities;
            expect(allowed ? [200, 404] : [403], `${route.path} as staging viewer`).toContain(reader);
            continue;
          }
          for (const account of [STAGING, PRODUCTION]) {
            const path = accountApiPath(account, route.path, params) + query;
            expect([200, 404], `${path} as split (viewer in both)`).toContain(await status(path, split));
            const reader = await status(path, stagingViewer);
            if (account === STAGING || !access?.role)
              expect([200, 404], `${path} as staging viewer`).toContain(reader);
            else expect(reader, `${path} as staging viewer`).toBe(403);
          }
          const unprefixed = await status(apiPath(route.path, params) + query, stagingViewer);
          if (access?.role) expect(unprefixed, `${route.path} unprefixed as staging viewer`).toBe(403);
        }
      },
    );

    it.skipIf(backend.skip)(
      'when a user who is admin in staging and viewer in production deletes, then it is deleted in staging and 403 in production',
      async () => {
        const inStaging = `${unique('gone')}.example.com`;
        const inProduction = `${unique('kept')}.example.com`;
        await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: inStaging }));
        await production.send(new CreateEmailIdentityCommand({ EmailIdentity: inProduction }));
        const bulk = (account: string, name: string) =>
          request(h.raw)
            .post(accountApiPath(account, apiPaths.deleteIdentities, { region: REGION }))
            .set(split.headers)
            .send({ identities: [name] });

        const refused = await bulk(PRODUCTION, inProduction);
        expect(refused.status).toBe(403);
        expect(refused.body.error).toMatchObject({
          code: 'Forbidden',
          requiredRole: 'admin',
          account: PRODUCTION,
        });
        expect(refused.body.error.message).toMatch(
          /admin role in account production \(111111111111\).*viewer there/,
        );
        const single = await request(h.raw)
          .delete(accountApiPath(PRODUCTION, apiPaths.identity, { region: REGION, identity: inProduction }))
          .set(split.headers);
        expect(single.status).toBe(403);
        const kept = await production.send(new GetEmailIdentityCommand({ EmailIdentity: inProduction }));
        expect(kept.IdentityType).toBe('DOMAIN');

        const deleted = await bulk(STAGING, inStaging);
        expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
        await expect(
          h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: inStaging })),
        ).rejects.toMatchObject({
          name: 'NotFoundException',
        });
      },
    );

    it.skipIf(backend.skip)(
      "when the audit log is filtered by account, then the JSON page and the CSV hold only that account's entries, each naming it",
      async () => {
        // A user of its own, so the actor filter finds this test's entries only (a refusal keeps no body).
        const user = await proxyUserInGroups(h.raw, unique('auditor'), ['staging-team']);
        const name = `${unique('audited')}.example.com`;
        for (const account of [STAGING, PRODUCTION]) {
          const res = await request(h.raw)
            .post(accountApiPath(account, apiPaths.deleteIdentities, { region: REGION }))
            .set(user.headers)
            .send({ identities: [name] });
          expect(res.status).toBe(account === STAGING ? 200 : 403);
        }
        const page = async (account: string) =>
          (await request(h.raw).get(apiPaths.audit).query({ account, actor: user.id }).set(user.headers)).body
            .entries as AuditEntry[];
        const staging = await page(STAGING);
        expect(staging.map((e) => [e.account, e.status, e.region])).toEqual([[STAGING, 200, REGION]]);
        const prod = await page(PRODUCTION);
        expect(prod.map((e) => [e.account, e.status, e.errorCode])).toEqual([[PRODUCTION, 403, 'Forbidden']]);
        expect(prod[0]?.path).toBe(accountApiPath(PRODUCTION, apiPaths.deleteIdentities, { region: REGION }));

        const csv = await request(h.raw)
          .get(apiPaths.auditCsv)
          .query({ account: PRODUCTION, actor: user.id })
          .set(user.headers);
        expect(csv.status).toBe(200);
        const [header, ...rows] = csv.text.trim().split('\r\n');
        const columns = header?.split(',') ?? [];
        expect(columns.at(-1)).toBe('account');
        expect(rows).toHaveLength(1);
        expect(rows[0]?.split(',').at(-1)).toBe(PRODUCTION);
      },
    );

    it.skipIf(backend.skip)(
      'when the All accounts list is asked by a viewer of staging only, then it lists staging and not production',
      async () => {
        const name = `${unique('seen')}.example.com`;
        const hidden = `${unique('hidden')}.example.com`;
        await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
        await production.send(new CreateEmailIdentityCommand({ EmailIdentity: hidden }));
        const res = await request(h.raw)
          .get(apiPaths.allAccountsIdentities)
          .query({ region: REGION })
          .set(stagingViewer.headers);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const accounts = new Set(res.body.loads.map((l: { account: string }) => l.account));
        expect([...accounts]).toEqual([STAGING]);
        const names = res.body.identities.map((i: { name: string }) => i.name);
        expect(names).toContain(name);
        expect(names).not.toContain(hidden);
        // Split is a viewer in both: both accounts are listed.
        const both = await request(h.raw)
          .get(apiPaths.allAccountsIdentities)
          .query({ region: REGION })
          .set(split.headers);
        expect(both.status).toBe(200);
        expect(new Set(both.body.loads.map((l: { account: string }) => l.account))).toEqual(
          new Set([STAGING, PRODUCTION]),
        );
        expect(both.body.identities.map((i: { name: string }) => i.name)).toContain(hidden);
        // Viewer nowhere: refused, naming the rule.
        const outsider = await proxyUserInGroups(h.raw, 'outsider', ['staff']);
        const none = await request(h.raw).get(apiPaths.allAccountsIdentities).set(outsider.headers);
        expect(none.status).toBe(403);
        expect(none.body.error.message).toContain('viewer role in at least one account');
      },
    );
  },
);
