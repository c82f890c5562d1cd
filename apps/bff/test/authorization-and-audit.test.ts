import { randomUUID } from 'node:crypto';
import {
  type AuditEntry,
  accessFor,
  apiPath,
  apiPaths,
  type HttpMethod,
  type Role,
  routeAccess,
} from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyAuth } from '../src/auth/proxy-auth.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { type Harness, startHarness } from './support/harness.js';
import { skipWithoutPostgres, startTestPostgres, type TestPostgres } from './support/postgres.js';
import { type ProxyUser, proxyUser, testRoleGroups } from './support/proxy-users.js';
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
