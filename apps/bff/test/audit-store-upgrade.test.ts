import { AUDIT_PAGE_MAX_BYTES, type AuditEntry, apiPath, apiPaths } from '@ses-console/contract';
import Database from 'better-sqlite3';
import pg from 'pg';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../src/store/postgres-migrations.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { migrateSqlite } from '../src/store/sqlite-migrations.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import {
  stopTestPostgres,
  storeBackends,
  tempSqliteFile,
  testPostgresDatabase,
} from './support/audit-stores.js';
import { type Harness, REGION, startHarness, unique } from './support/harness.js';

afterAll(async () => {
  await stopTestPostgres();
});

/** Rows as the first schema version stored them (before intent → result): whole bodies, `anonymous`. */
interface LegacyRow {
  actor: string;
  action: string;
  status: number;
  identity: string;
  parameters: Record<string, unknown>;
  requestId: string;
}

const huge = 'a'.repeat(2_000_000);
const legacyRows: LegacyRow[] = [
  {
    actor: 'ada',
    action: 'identity.create',
    status: 201,
    identity: 'ok.example.com',
    parameters: { name: 'ok.example.com' },
    requestId: 'old-1',
  },
  // The refused 2 MB POSTs of an unauthenticated caller: the body stored twice.
  ...[2, 3, 4].map((n) => ({
    actor: 'anonymous',
    action: 'identity.create',
    status: 401,
    identity: huge,
    parameters: { type: 'DOMAIN', name: huge, region: REGION },
    requestId: `old-${n}`,
  })),
  // A 403 has a principal: this `anonymous` is a real user of that name.
  {
    actor: 'anonymous',
    action: 'feedback.update',
    status: 403,
    identity: 'x.example.com',
    parameters: {},
    requestId: 'old-5',
  },
];

function legacyTime(i: number): string {
  return new Date(Date.UTC(2025, 11, 1, 0, i)).toISOString();
}

async function sqliteWithLegacyRows(): Promise<Store> {
  const file = tempSqliteFile('bff-upgrade-');
  const db = new Database(file);
  migrateSqlite(db, 1);
  const insert = db.prepare(
    `INSERT INTO audit_log (time, time_ms, actor, actor_name, action, method, path, region, identity,
       parameters, result, status, error_code, request_id)
     VALUES (?, ?, ?, NULL, ?, 'POST', '/api/x', ?, ?, ?, ?, ?, ?, ?)`,
  );
  legacyRows.forEach((row, i) => {
    insert.run(
      legacyTime(i),
      Date.parse(legacyTime(i)),
      row.actor,
      row.action,
      REGION,
      row.identity,
      JSON.stringify(row.parameters),
      row.status < 400 ? 'success' : 'error',
      row.status,
      row.status < 400 ? null : `HTTP${row.status}`,
      row.requestId,
    );
  });
  db.close();
  return openSqliteStore(file);
}

async function postgresWithLegacyRows(): Promise<Store> {
  const url = await testPostgresDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migratePostgres(client, 1);
    for (const [i, row] of legacyRows.entries()) {
      await client.query(
        `INSERT INTO audit_log (time, actor, actor_name, action, method, path, region, identity,
           parameters, result, status, error_code, request_id)
         VALUES ($1, $2, NULL, $3, 'POST', '/api/x', $4, $5, $6, $7, $8, $9, $10)`,
        [
          new Date(legacyTime(i)),
          row.actor,
          row.action,
          REGION,
          row.identity,
          JSON.stringify(row.parameters),
          row.status < 400 ? 'success' : 'error',
          row.status,
          row.status < 400 ? null : `HTTP${row.status}`,
          row.requestId,
        ],
      );
    }
  } finally {
    await client.end();
  }
  return openPostgresStore(url);
}

describe.each(storeBackends)('audit log written by the previous version ($name store)', (backend) => {
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(backend.skip)(
    'when it is opened, then old entries are kept, old 401s lose the made-up actor, and oversized values are shortened on the way out',
    async () => {
      const store = backend.name === 'SQLite' ? await sqliteWithLegacyRows() : await postgresWithLegacyRows();
      h = await startHarness({ verificationMode: 'auto', store });

      const entries: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const res = await request(h.app)
          .get(apiPaths.audit)
          .query({ limit: 500, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(AUDIT_PAGE_MAX_BYTES);
        entries.push(...res.body.entries);
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);

      expect(entries.map((e) => [e.requestId, e.actor, e.status])).toEqual([
        ['old-5', 'anonymous', 403],
        ['old-4', null, 401],
        ['old-3', null, 401],
        ['old-2', null, 401],
        ['old-1', 'ada', 201],
      ]);
      for (const [i, entry] of [...entries].reverse().entries()) {
        expect(entry.completedAt).toBe(legacyTime(i));
        expect(entry.deadlineExceeded).toBe(false);
      }
      const big = entries.find((e) => e.requestId === 'old-2');
      expect(big?.parameters).toEqual({
        '[omitted]': expect.stringMatching(/^parameters of \d+ characters, too large to show$/),
      });
      expect(big?.identity).toMatch(/^a+…\[2000000 characters\]$/);
      expect((big?.identity ?? '').length).toBeLessThan(70_000);
      expect(entries.find((e) => e.requestId === 'old-1')?.parameters).toEqual({ name: 'ok.example.com' });

      // New entries continue after the old ones.
      const res = await request(h.app)
        .post(apiPath(apiPaths.identities, { region: REGION }))
        .set('x-request-id', 'new-1')
        .send({ type: 'DOMAIN', name: `${unique('upgrade')}.example.com` });
      expect(res.status).toBe(201);
      const newest = (await request(h.app).get(apiPaths.audit).query({ limit: 1 })).body
        .entries[0] as AuditEntry;
      expect(newest).toMatchObject({ requestId: 'new-1', result: 'success', status: 201 });
      expect(Number(newest.id)).toBeGreaterThan(Math.max(...entries.map((e) => Number(e.id))));
    },
    60_000,
  );
});

/** A store at schema version 2 (before accounts) holding one entry, opened by this version. */
async function storeAtVersion2WithOneEntry(backend: 'SQLite' | 'PostgreSQL'): Promise<Store> {
  const time = legacyTime(0);
  if (backend === 'SQLite') {
    const file = tempSqliteFile('bff-upgrade-v2-');
    const db = new Database(file);
    migrateSqlite(db, 2);
    db.prepare(
      `INSERT INTO audit_log (time, time_ms, actor, action, method, path, region, identity, parameters,
         result, status, error_code, request_id, completed_at, deadline_exceeded)
       VALUES (?, ?, 'ada', 'identity.delete', 'DELETE', '/api/x', ?, 'old.example.com', '{}',
         'success', 204, NULL, 'v2-1', ?, 0)`,
    ).run(time, Date.parse(time), REGION, time);
    db.close();
    return openSqliteStore(file);
  }
  const url = await testPostgresDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migratePostgres(client, 2);
    await client.query(
      `INSERT INTO audit_log (time, actor, action, method, path, region, identity, parameters, result,
         status, error_code, request_id, completed_at, deadline_exceeded)
       VALUES ($1, 'ada', 'identity.delete', 'DELETE', '/api/x', $2, 'old.example.com', '{}', 'success',
         204, NULL, 'v2-1', $1, false)`,
      [new Date(time), REGION],
    );
  } finally {
    await client.end();
  }
  return openPostgresStore(url);
}

describe.each(storeBackends)('audit log written before accounts were recorded ($name store)', (backend) => {
  it.skipIf(backend.skip)(
    'when it is opened, then old entries read back with account null and an account filter leaves them out',
    async () => {
      const store = await storeAtVersion2WithOneEntry(backend.name);
      try {
        const all = await store.audit.query({ limit: 10 });
        expect(all.entries).toHaveLength(1);
        expect(all.entries[0]).toMatchObject({ requestId: 'v2-1', account: null, status: 204 });
        const newId = await store.audit.append({
          time: legacyTime(1),
          actor: 'ada',
          action: 'identity.delete',
          method: 'DELETE',
          path: '/api/accounts/111111111111/regions/us-east-1/identities/new.example.com',
          region: REGION,
          account: '111111111111',
          identity: 'new.example.com',
          parameters: {},
          result: 'success',
          status: 204,
          errorCode: null,
          requestId: 'v3-1',
          completedAt: legacyTime(1),
          deadlineExceeded: false,
        });
        const inAccount = await store.audit.query({ limit: 10, account: '111111111111' });
        expect(inAccount.entries.map((e) => [e.id, e.requestId, e.account])).toEqual([
          [newId, 'v3-1', '111111111111'],
        ]);
      } finally {
        await store.close();
      }
    },
    60_000,
  );
});
