import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { type AuditEntry, apiPath, apiPaths } from '@ses-console/contract';
import { type RunningEmulator, startEmulator } from '@ses-console/emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../src/audit/audit-parameters.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { type BffProcess, bffEnvAgainstEmulator, startBffProcess } from './support/bff-process.js';
import { openSessionAt } from './support/console-session.js';
import { type Harness, REGION, startHarness, unique } from './support/harness.js';
import { skipWithoutPostgres, startTestPostgres, type TestPostgres } from './support/postgres.js';
import { TestClock } from './support/test-clock.js';

const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'der' })
  .toString('base64');
const pgSkip = skipWithoutPostgres();
let postgres: TestPostgres | undefined;

afterAll(async () => {
  await postgres?.stop();
});

const backends = [
  {
    name: 'SQLite file',
    skip: false,
    open: async (): Promise<Store> =>
      openSqliteStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bff-audit-')), 'bff.sqlite')),
  },
  {
    name: 'PostgreSQL',
    skip: pgSkip,
    open: async (): Promise<Store> => {
      postgres ??= await startTestPostgres();
      return openPostgresStore(await postgres.createDatabase());
    },
  },
];

describe.each(backends)('audit log ($name store)', (backend) => {
  let h: Harness;
  const clock = new TestClock();
  let domain: string;

  beforeAll(async () => {
    if (backend.skip) return;
    h = await startHarness({ verificationMode: 'auto', store: await backend.open(), now: clock.now });
    domain = `${unique('audit')}.example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  async function latest(filter: Record<string, string> = {}): Promise<AuditEntry> {
    const res = await request(h.app)
      .get(apiPaths.audit)
      .query({ ...filter, limit: 1 });
    expect(res.status).toBe(200);
    return res.body.entries[0];
  }

  it.skipIf(backend.skip)(
    'when a BYODKIM key, a policy or a test email body is sent, then the entry keeps only its SHA-256',
    async () => {
      const identityPath = (template: string, extra: Record<string, string> = {}) =>
        apiPath(template, { region: REGION, identity: domain, ...extra });
      const dkim = await request(h.app)
        .put(identityPath(apiPaths.dkim))
        .send({ signing: { origin: 'EXTERNAL', selector: 'sel1', privateKey: PRIVATE_KEY } });
      expect(dkim.status, JSON.stringify(dkim.body)).toBe(200);
      const dkimEntry = await latest({ action: 'dkim.update' });
      expect(dkimEntry.parameters).toEqual({
        region: REGION,
        identity: domain,
        signing: { origin: 'EXTERNAL', selector: 'sel1', privateKey: sha256Of(PRIVATE_KEY) },
      });

      const document = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: ['123456789012'] },
            Action: ['ses:SendEmail'],
            Resource: `arn:aws:ses:${REGION}:000000000000:identity/${domain}`,
          },
        ],
      });
      expect(
        (await request(h.app).post(identityPath(apiPaths.policies)).send({ name: 'p1', document })).status,
      ).toBe(201);
      expect((await latest({ action: 'policy.create' })).parameters.document).toBe(sha256Of(document));

      await request(h.app)
        .post(apiPath(apiPaths.sendTestEmail, { region: REGION }))
        .send({ from: `me@${domain}`, scenario: 'success', subject: 'Hi', body: 'the quarterly numbers' });
      const sent = await latest({ action: 'email.send-test' });
      expect(sent).toMatchObject({ identity: `me@${domain}`, result: 'success', status: 200 });
      expect(sent.parameters.body).toBe(sha256Of('the quarterly numbers'));

      const csv = await request(h.app).get(apiPaths.auditCsv).query({ identity: domain });
      const everything =
        JSON.stringify((await request(h.app).get(apiPaths.audit).query({ limit: 500 })).body) + csv.text;
      expect(everything).not.toContain(PRIVATE_KEY);
      expect(everything).not.toContain('quarterly numbers');
      expect(everything).not.toContain('"Statement"');
    },
  );

  it.skipIf(backend.skip)(
    'when an action fails in SES, then the entry has result error with the code and status',
    async () => {
      const missing = `${unique('missing')}.example.com`;
      const res = await request(h.app)
        .put(apiPath(apiPaths.feedback, { region: REGION, identity: missing }))
        .send({ emailForwardingEnabled: true });
      expect(res.status).toBe(404);
      expect(await latest({ identity: missing })).toMatchObject({
        actor: 'local',
        action: 'feedback.update',
        result: 'error',
        status: 404,
        errorCode: 'NotFound',
        region: REGION,
        identity: missing,
        requestId: res.headers['x-request-id'],
      });
    },
  );

  it.skipIf(backend.skip)(
    'when entries are filtered by action, identity, result and time, then only matching ones come back, newest first, page by page',
    async () => {
      const tag = unique('page');
      const start = clock.now().toISOString();
      const names: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        clock.advance(60);
        const name = `${tag}-${i}.example.com`;
        names.push(name);
        await request(h.app).delete(apiPath(apiPaths.identity, { region: REGION, identity: name }));
      }
      const all = await request(h.app).get(apiPaths.audit).query({ identity: tag, limit: 2 });
      expect(all.body.entries.map((e: AuditEntry) => e.identity)).toEqual([names[4], names[3]]);
      const second = await request(h.app)
        .get(apiPaths.audit)
        .query({ identity: tag, limit: 2, cursor: all.body.nextCursor });
      expect(second.body.entries.map((e: AuditEntry) => e.identity)).toEqual([names[2], names[1]]);
      const third = await request(h.app)
        .get(apiPaths.audit)
        .query({ identity: tag, limit: 2, cursor: second.body.nextCursor });
      expect(third.body).toMatchObject({ entries: [{ identity: names[0] }], nextCursor: null });

      const window = await request(h.app)
        .get(apiPaths.audit)
        .query({
          identity: tag.toUpperCase(),
          from: new Date(Date.parse(start) + 90_000).toISOString(),
          to: new Date(Date.parse(start) + 210_000).toISOString(),
        });
      expect(window.body.entries.map((e: AuditEntry) => e.identity)).toEqual([names[2], names[1]]);

      const failures = await request(h.app)
        .get(apiPaths.audit)
        .query({ identity: tag, result: 'error', action: 'identity.delete', actor: 'local' });
      expect(failures.body.entries).toHaveLength(5); // none of them existed: SES answered NotFound
      expect(
        (await request(h.app).get(apiPaths.audit).query({ identity: tag, result: 'success' })).body.entries,
      ).toEqual([]);
      expect(
        (await request(h.app).get(apiPaths.audit).query({ identity: tag, actor: 'someone-else' })).body
          .entries,
      ).toEqual([]);
    },
  );

  it.skipIf(backend.skip)('when the filters are wrong, then 400 names the field', async () => {
    const bad = await request(h.app).get(apiPaths.audit).query({ result: 'maybe', from: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual([
      'from',
      'result',
    ]);
    const backwards = await request(h.app)
      .get(apiPaths.audit)
      .query({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(backwards.body.error.fieldErrors[0].field).toBe('to');
  });

  it.skipIf(backend.skip)(
    'when the log is exported as CSV, then it has a header, one row per entry and formulas are defused',
    async () => {
      const name = `=cmd${unique('csv')}.example.com`;
      await request(h.app)
        .post(apiPath(apiPaths.deleteIdentities, { region: REGION }))
        .send({ identities: [name] });
      const csv = await request(h.app).get(apiPaths.auditCsv).query({ action: 'identities.delete' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'time,actor,actorName,action,result,status,errorCode,region,identity,method,path,requestId,parameters,completedAt,deadlineExceeded,account',
      );
      // The bulk delete is a 400 (not a valid identity name), still one row, with the name defused.
      expect(lines.some((l) => l.includes(`'${name}`))).toBe(true);
    },
  );
});

describe.skipIf(pgSkip)('two BFF processes on one PostgreSQL', () => {
  let emulator: RunningEmulator;
  let a: BffProcess;
  let b: BffProcess;
  let databaseUrl: string;

  beforeAll(async () => {
    postgres ??= await startTestPostgres();
    databaseUrl = await postgres.createDatabase();
    emulator = await startEmulator({ port: 0, verificationMode: 'auto' });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-two-'));
    const env = (name: string) =>
      bffEnvAgainstEmulator(emulator.url, home, {
        DATA_DIR: path.join(home, name),
        DATABASE_URL: databaseUrl,
      });
    // Started together: both run the migrations, one waits for the other's lock.
    [a, b] = await Promise.all([startBffProcess(env('a')), startBffProcess(env('b'))]);
  }, 60_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await emulator?.close();
  });

  it('when a session opened on one instance is used on the other, then it works, and each sees the other entries', async () => {
    expect(a.output()).toContain('PostgreSQL');
    const session = await openSessionAt(a.url);
    const domain = `${unique('twoproc')}.example.com`;
    const created = await fetch(`${b.url}${apiPath(apiPaths.identities, { region: 'us-east-1' })}`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'DOMAIN', name: domain }),
    });
    expect(created.status).toBe(201);
    const deleted = await fetch(
      `${a.url}${apiPath(apiPaths.identity, { region: 'us-east-1', identity: domain })}`,
      {
        method: 'DELETE',
        headers: session.headers,
      },
    );
    expect(deleted.status).toBe(204);

    for (const instance of [a, b]) {
      const res = await fetch(`${instance.url}${apiPaths.audit}?identity=${domain}`, {
        headers: session.headers,
      });
      const body = (await res.json()) as { entries: AuditEntry[] };
      expect(body.entries.map((e) => [e.action, e.status])).toEqual([
        ['identity.delete', 204],
        ['identity.create', 201],
      ]);
    }
  });
});
