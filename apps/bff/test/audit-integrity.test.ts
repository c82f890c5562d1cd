import { randomUUID } from 'node:crypto';
import { CreateEmailIdentityCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { AUDIT_PAGE_MAX_BYTES, type AuditEntry, apiPath, apiPaths } from '@ses-console/contract';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { proxyAuth } from '../src/auth/proxy-auth.js';
import { auditWriteFault, stopTestPostgres, storeBackends, type TestStore } from './support/audit-stores.js';
import { type Harness, REGION, startHarness, unique } from './support/harness.js';
import { proxyUser, testRoleGroups } from './support/proxy-users.js';

afterAll(async () => {
  await stopTestPostgres();
});

const SHA256 = /^sha256:[0-9a-f]{64}$/;

/** Every entry the API returns, following the cursor (as a client pages through the log). */
async function allEntries(app: Express, headers: Record<string, string> = {}): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const res = await request(app)
      .get(apiPaths.audit)
      .set(headers)
      .query({ limit: 500, ...(cursor ? { cursor } : {}) });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    entries.push(...res.body.entries);
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}

async function entryOf(app: Express, requestId: string, headers: Record<string, string> = {}) {
  const mine = (await allEntries(app, headers)).filter((e) => e.requestId === requestId);
  expect(mine, `entries of request ${requestId}`).toHaveLength(1);
  return mine[0] as AuditEntry;
}

async function exists(h: Harness, identity: string): Promise<boolean> {
  try {
    await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'NotFoundException') return false;
    throw error;
  }
}

async function newDomain(h: Harness, prefix: string): Promise<string> {
  const name = `${unique(prefix)}.example.com`;
  await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
  return name;
}

/** `{"<key>":[[[…]]]}` with `depth` levels: valid JSON that JSON.stringify cannot walk recursively. */
function deeplyNested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const proxySetup = (mutations = 10_000) => ({
  rateLimits: { windowSeconds: 60, mutations, signIn: 100 },
  auth: proxyAuth({
    trustedProxies: ['127.0.0.1', '::1'],
    roleGroups: testRoleGroups,
    groupsClaim: 'groups',
    albPublicKeyUrl: 'http://127.0.0.1:9',
  }),
});

describe.each(storeBackends)('audit log integrity ($name store)', (backend) => {
  const opened: Harness[] = [];
  async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<{
    h: Harness;
    db: TestStore;
  }> {
    const db = await backend.open();
    const h = await startHarness({ verificationMode: 'auto', store: db.store, ...options });
    opened.push(h);
    return { h, db };
  }

  afterAll(async () => {
    for (const h of opened) await h.close();
  });

  it.skipIf(backend.skip)(
    'when a change carries members nested 100,000 deep, then it is refused with a 400 before it runs and nothing is changed',
    async () => {
      const { h } = await harness();
      const kept = await newDomain(h, 'deep');
      const deleteId = randomUUID();
      const del = await request(h.app)
        .delete(apiPath(apiPaths.identity, { region: REGION, identity: kept }))
        .set({ 'content-type': 'application/json', 'x-request-id': deleteId })
        .send(`{"token":${deeplyNested(100_000)},"extra":${deeplyNested(100_000)}}`);
      expect(del.status, del.text.slice(0, 300)).toBe(400);
      expect(del.body.error.fieldErrors[0].field).toBe('body');
      expect(await exists(h, kept)).toBe(true);
      const entries = (await request(h.app).get(apiPaths.audit).query({ limit: 100 })).body
        .entries as AuditEntry[];
      expect(entries.filter((e) => e.requestId === deleteId && e.result === 'success')).toEqual([]);
    },
    60_000,
  );

  it.skipIf(backend.skip)(
    'when a change carries members nested as deep as the API allows, then it is applied and its entry keeps a bounded, hashed copy',
    async () => {
      const { h } = await harness();
      const deleted = await newDomain(h, 'deepok');
      const deleteId = randomUUID();
      const del = await request(h.app)
        .delete(apiPath(apiPaths.identity, { region: REGION, identity: deleted }))
        .set({ 'content-type': 'application/json', 'x-request-id': deleteId })
        .send(`{"token":${deeplyNested(30)},"extra":${deeplyNested(30)}}`);
      expect(del.status, del.text.slice(0, 300)).toBe(204);
      expect(await exists(h, deleted)).toBe(false);
      const deleteEntry = await entryOf(h.app, deleteId);
      expect(deleteEntry).toMatchObject({
        action: 'identity.delete',
        identity: deleted,
        result: 'success',
        status: 204,
        deadlineExceeded: false,
      });
      expect(deleteEntry.parameters.token).toMatch(SHA256);
      expect(JSON.stringify(deleteEntry.parameters.extra)).toContain('[nested too deep]');
      expect(deleteEntry.completedAt).not.toBeNull();
    },
    60_000,
  );

  it.skipIf(backend.skip)(
    'when a body carries NUL or lone surrogates, then it is refused before it runs; when the path does, the entry keeps them as U+FFFD',
    async () => {
      const { h } = await harness();
      const identity = await newDomain(h, 'nul');
      const editId = randomUUID();
      const edit = await request(h.app)
        .put(apiPath(apiPaths.feedback, { region: REGION, identity }))
        .set({ 'content-type': 'application/json', 'x-request-id': editId })
        // JSON escapes, as a client sends them: NUL, a lone high and a lone low surrogate.
        .send('{"emailForwardingEnabled":false,"note":"a\\u0000b\\ud800c","token":"t\\u0000"}');
      expect(edit.status, edit.text).toBe(400);
      expect(
        (await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: identity })))
          .FeedbackForwardingStatus,
      ).toBe(true);

      const badId = randomUUID();
      const bad = await request(h.app)
        .delete(`/api/regions/${REGION}/identities/bad%00name.example.com`)
        .set('x-request-id', badId);
      expect(bad.status).toBe(400);
      expect(await entryOf(h.app, badId)).toMatchObject({
        action: 'identity.delete',
        identity: 'bad\uFFFDname.example.com',
        result: 'error',
        status: 400,
      });
    },
    30_000,
  );

  it.skipIf(backend.skip)(
    'when the audit log cannot record the intent, then the change is refused with a 503 envelope before it runs',
    async () => {
      const { h, db } = await harness();
      const identity = await newDomain(h, 'closed');
      const fault = auditWriteFault(db);
      await fault.refuse();
      const refusedId = randomUUID();
      const refused = await request(h.app)
        .delete(apiPath(apiPaths.identity, { region: REGION, identity }))
        .set('x-request-id', refusedId);
      await fault.allow();
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({
        error: {
          code: 'AuditUnavailable',
          message: expect.stringContaining('The change was not made: the audit log could not record it.'),
          requestId: refusedId,
        },
      });
      expect(await exists(h, identity)).toBe(true);

      const retryId = randomUUID();
      const retry = await request(h.app)
        .delete(apiPath(apiPaths.identity, { region: REGION, identity }))
        .set('x-request-id', retryId);
      expect(retry.status).toBe(204);
      expect(await exists(h, identity)).toBe(false);
      expect(await entryOf(h.app, retryId)).toMatchObject({ result: 'success', status: 204 });
    },
    30_000,
  );

  it.skipIf(backend.skip)(
    'when entries are large, then a page stops at the byte budget and the cursor leads to the rest',
    async () => {
      const { h } = await harness();
      const tag = unique('budget');
      const ids: string[] = [];
      for (let i = 0; i < 24; i += 1) {
        const requestId = randomUUID();
        ids.push(requestId);
        // 2,000 names that fail validation (no SES call): the intent keeps them, bounded.
        const identities = Array.from({ length: 2000 }, (_, n) => `=${tag}-${i}-${n}.example.com`);
        const res = await request(h.app)
          .post(apiPath(apiPaths.deleteIdentities, { region: REGION }))
          .set('x-request-id', requestId)
          .send({ identities });
        expect(res.status).toBe(400);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await request(h.app)
          .get(apiPaths.audit)
          .query({ identity: tag, limit: 500, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(AUDIT_PAGE_MAX_BYTES);
        for (const entry of res.body.entries as AuditEntry[]) {
          seen.push(entry.requestId);
          expect(entry.identity).toMatch(/…\(\+\d+ more\)$/);
          expect(JSON.stringify(entry.parameters).length).toBeLessThan(20_000);
        }
        cursor = res.body.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBeGreaterThan(1);
      expect(seen).toEqual([...ids].reverse());
    },
    60_000,
  );

  it.skipIf(backend.skip)(
    'when callers without a session or a role send large bodies, then each refusal is a small entry without the body, and only the first 429 of a window is kept',
    async () => {
      const { h } = await harness(proxySetup(8));
      const viewer = await proxyUser(h.raw, 'viewer');
      const nobody = await proxyUser(h.raw, 'nobody');
      const big = { type: 'DOMAIN', name: `${'a'.repeat(1_900_000)}.example.com` };
      const sent: { requestId: string; status: number }[] = [];
      const post = async (headers: Record<string, string>) => {
        const requestId = randomUUID();
        const res = await request(h.raw)
          .post(apiPath(apiPaths.identities, { region: REGION }))
          .set({ ...headers, 'x-request-id': requestId })
          .send(big);
        sent.push({ requestId, status: res.status });
      };
      for (let i = 0; i < 6; i += 1) await post({});
      for (let i = 0; i < 2; i += 1) await post(nobody.headers);
      for (let i = 0; i < 4; i += 1) await post({});
      // Counted per signed-in user, else per address: `nobody`'s two requests do not use up the address's eight.
      expect(sent.map((s) => s.status)).toEqual([401, 401, 401, 401, 401, 401, 403, 403, 401, 401, 429, 429]);

      const entries = (await allEntries(h.raw, viewer.headers)).filter((e) =>
        sent.some((s) => s.requestId === e.requestId),
      );
      expect(entries.map((e) => [e.status, e.actor, e.errorCode]).reverse()).toEqual([
        ...Array.from({ length: 6 }, () => [401, null, 'Unauthenticated']),
        [403, nobody.id, 'Forbidden'],
        [403, nobody.id, 'Forbidden'],
        [401, null, 'Unauthenticated'],
        [401, null, 'Unauthenticated'],
        [429, null, 'TooManyRequests'],
      ]);
      for (const entry of entries) {
        expect(entry).toMatchObject({ parameters: { region: REGION }, identity: null, result: 'error' });
        expect(JSON.stringify(entry).length).toBeLessThan(1024);
      }
      expect(entries[0]?.requestId).toBe(sent[10]?.requestId);
    },
    60_000,
  );

  it.skipIf(backend.skip)(
    'when a real user is named anonymous, then their entries are not mistaken for requests without a sign-in',
    async () => {
      const { h } = await harness(proxySetup());
      const anonymous = await proxyUser(h.raw, 'admin', 'anonymous');
      const name = `${unique('anon')}.example.com`;
      const mine = randomUUID();
      const created = await request(h.raw)
        .post(apiPath(apiPaths.identities, { region: REGION }))
        .set({ ...anonymous.headers, 'x-request-id': mine })
        .send({ type: 'DOMAIN', name });
      expect(created.status).toBe(201);
      const nobodys = randomUUID();
      const refused = await request(h.raw)
        .post(apiPath(apiPaths.identities, { region: REGION }))
        .set('x-request-id', nobodys)
        .send({ type: 'DOMAIN', name: `other-${name}` });
      expect(refused.status).toBe(401);

      const byAnonymous = await request(h.raw)
        .get(apiPaths.audit)
        .set(anonymous.headers)
        .query({ actor: 'anonymous' });
      expect(byAnonymous.body.entries.map((e: AuditEntry) => [e.requestId, e.actor, e.status])).toEqual([
        [mine, 'anonymous', 201],
      ]);
      expect(await entryOf(h.raw, nobodys, anonymous.headers)).toMatchObject({ actor: null, status: 401 });
    },
    30_000,
  );
});
