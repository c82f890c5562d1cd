import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListConfigurationSetsCommand,
  ListEmailIdentitiesCommand,
} from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { failure, mailbox, sesClient, startTestEmulator } from './helpers.js';

async function post(emulator: RunningEmulator, path: string, body: unknown) {
  const res = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('control plane: clock', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it('when the clock is read, advanced and set, then it reports the emulated instant', async () => {
    const now = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as { now: string };
    expect(Math.abs(new Date(now.now).getTime() - Date.now())).toBeLessThan(5000);
    const advanced = await post(emulator, '/_emulator/clock', { advanceSeconds: 3600 });
    expect(advanced.status).toBe(200);
    expect(new Date(advanced.body.now as string).getTime() - Date.now()).toBeGreaterThan(3595_000);
    const set = await post(emulator, '/_emulator/clock', { set: '2030-01-01T00:00:00Z' });
    expect((set.body.now as string).startsWith('2030-01-01T00:00:0')).toBe(true);
  });

  it.each([
    [{}, /exactly one of advanceSeconds/],
    [{ advanceSeconds: 'soon' }, /advanceSeconds must be a non-negative number/],
    [{ advanceSeconds: -5 }, /advanceSeconds must be a non-negative number/],
    [{ set: 'tomorrow' }, /set must be an ISO-8601 instant/],
    [{ set: '2030-13-45T00:00:00Z' }, /set must be an ISO-8601 instant/],
    ['[1]', /must be a JSON object/],
    [{ advanceSeconds: 1e17 }, /advanceSeconds must be .* at most 3155760000 \(100 years\)/],
    [
      { set: '0001-01-01T00:00:00Z' },
      /set must be an instant between 1970-01-01T00:00:00.000Z and 9999-12-31/,
    ],
    [
      { set: '1969-12-31T23:59:59Z' },
      /set must be an instant between 1970-01-01T00:00:00.000Z and 9999-12-31/,
    ],
  ])('when the clock body is %j, then 400 names the field', async (body, message) => {
    const res = await post(emulator, '/_emulator/clock', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('when an advance would pass year 9999, then 400 names advanceSeconds and the range, and the clock is unchanged', async () => {
    const set = await post(emulator, '/_emulator/clock', { set: '9990-01-01T00:00:00Z' });
    expect(set.status).toBe(200);
    const refused = await post(emulator, '/_emulator/clock', { advanceSeconds: 20 * 365 * 24 * 3600 });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(
      /advanceSeconds 630720000 would move the clock past 9999-12-31T23:59:59.999Z; the clock must stay between 1970-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z/,
    );
    const now = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as { now: string };
    expect(now.now.startsWith('9990-01-01T00:00:')).toBe(true);
    await post(emulator, '/_emulator/reset', {});
  });
});

describe('control plane: clock range survives restarts', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-clock-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when advanceSeconds 1e17 is refused, then the clock still answers, before and after a restart', async () => {
    const first = await startTestEmulator({ dataDir });
    try {
      const refused = await post(first, '/_emulator/clock', { advanceSeconds: 1e17 });
      expect(refused.status).toBe(400);
      const now = await fetch(`${first.url}/_emulator/clock`);
      expect(now.status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startTestEmulator({ dataDir });
    try {
      const now = (await (await fetch(`${second.url}/_emulator/clock`)).json()) as { now: string };
      expect(Math.abs(Date.parse(now.now) - Date.now())).toBeLessThan(60_000);
    } finally {
      await second.close();
    }
  });

  it('when a data directory holds an offset that breaks every date (written before the range), then the clock starts from real time', async () => {
    const db = new Database(path.join(dataDir, 'emulator.sqlite'));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'clock_offset_ms'").run(String(1e20));
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('clock_offset_ms', ?)").run(String(1e20));
    db.close();
    const emulator = await startTestEmulator({ dataDir });
    try {
      const res = await fetch(`${emulator.url}/_emulator/clock`);
      expect(res.status).toBe(200);
      const { now } = (await res.json()) as { now: string };
      expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(60_000);
    } finally {
      await emulator.close();
    }
  });
});

describe('control plane: reset and seed', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator);
  });
  afterAll(() => emulator.close());

  it('when reset, then identities, sets, mailbox and the clock offset are gone', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'reset@example.com' }));
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'reset-set' }));
    await post(emulator, '/_emulator/clock', { advanceSeconds: 86400 * 10 });
    const res = await post(emulator, '/_emulator/reset', {});
    expect(res.status).toBe(200);
    expect((await ses.send(new ListEmailIdentitiesCommand({}))).EmailIdentities).toEqual([]);
    expect((await ses.send(new ListConfigurationSetsCommand({}))).ConfigurationSets).toEqual([]);
    expect(await mailbox(emulator)).toEqual([]);
    const now = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as { now: string };
    expect(Math.abs(new Date(now.now).getTime() - Date.now())).toBeLessThan(5000);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'reset@example.com' }));
  });

  it('when seeded, then identities spread over the regions and all five statuses, each honest', async () => {
    const res = await post(emulator, '/_emulator/seed', {
      identities: 20,
      regions: ['us-east-1', 'eu-central-1'],
      accountId: '111122223333',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      created: 20,
      byStatus: { SUCCESS: 4, PENDING: 4, FAILED: 4, TEMPORARY_FAILURE: 4, NOT_STARTED: 4 },
      byRegion: { 'us-east-1': 10, 'eu-central-1': 10 },
    });
    const client = sesClient(emulator, 'eu-central-1', '111122223333');
    for (const status of ['SUCCESS', 'PENDING', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED'] as const) {
      const list = await client.send(
        new ListEmailIdentitiesCommand({ Filter: { VERIFICATION_STATUS: status } }),
      );
      expect(list.EmailIdentities?.length).toBe(2);
    }
    const failed = await client.send(
      new ListEmailIdentitiesCommand({ Filter: { VERIFICATION_STATUS: 'FAILED' } }),
    );
    const got = await client.send(
      new GetEmailIdentityCommand({ EmailIdentity: failed.EmailIdentities?.[0]?.IdentityName }),
    );
    expect(got.VerificationInfo?.ErrorType).toBe('HOST_NOT_FOUND');
    expect(got.DkimAttributes?.Status).toBe('FAILED');
  });

  it('when seeded with statuses and names, then those names get those statuses', async () => {
    const res = await post(emulator, '/_emulator/seed', {
      identities: 2,
      regions: ['eu-west-3'],
      statuses: ['NOT_STARTED'],
      names: ['ops@acme-demo.com', 'billing@acme-demo.com'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, byStatus: { NOT_STARTED: 2 } });
    const got = await sesClient(emulator, 'eu-west-3').send(
      new GetEmailIdentityCommand({ EmailIdentity: 'ops@acme-demo.com' }),
    );
    expect(got.VerificationStatus).toBe('NOT_STARTED');
    const again = await post(emulator, '/_emulator/seed', {
      identities: 1,
      regions: ['eu-west-3'],
      statuses: ['NOT_STARTED'],
      names: ['ops@acme-demo.com'],
    });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/already an identity/);
  });

  it('when seed names do not suit their status, then 400 naming the rule', async () => {
    const wrongType = await post(emulator, '/_emulator/seed', {
      identities: 1,
      statuses: ['FAILED'],
      names: ['someone@acme-demo.com'],
    });
    expect(wrongType.body.message).toMatch(/FAILED identities are domains/);
    expect(
      (await post(emulator, '/_emulator/seed', { identities: 2, names: ['a.example.com'] })).body.message,
    ).toMatch(/one name per identity/);
    expect(
      (await post(emulator, '/_emulator/seed', { identities: 1, statuses: ['DONE'] })).body.message,
    ).toMatch(/statuses must be/);
  });

  it('when seed input is invalid or asks for hosted zones Route 53 cannot make, then 400 with a message', async () => {
    expect((await post(emulator, '/_emulator/seed', { identities: 0 })).body.message).toMatch(
      /identities must be an integer/,
    );
    expect(
      (await post(emulator, '/_emulator/seed', { identities: 1, regions: ['moon'] })).body.message,
    ).toMatch(/regions must be/);
    expect(
      (await post(emulator, '/_emulator/seed', { identities: 1, accountId: '12' })).body.message,
    ).toMatch(/accountId must be/);
  });

  it('when a region holds 10,000 identities, then the next create is LimitExceededException', async () => {
    const seeded = await post(emulator, '/_emulator/seed', {
      identities: 10_000,
      regions: ['ap-southeast-2'],
    });
    expect(seeded.status).toBe(200);
    const client = sesClient(emulator, 'ap-southeast-2');
    expect(
      await failure(
        client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'one-too-many.example.com' })),
      ),
    ).toEqual({
      name: 'LimitExceededException',
      message: 'Maximum number of identities (10000) reached in region ap-southeast-2.',
      status: 400,
    });
    const over = await post(emulator, '/_emulator/seed', { identities: 1, regions: ['ap-southeast-2'] });
    expect(over.status).toBe(400);
  });

  it('when an unknown control path is asked, then 404 JSON', async () => {
    const res = await fetch(`${emulator.url}/_emulator/nope`);
    expect(res.status).toBe(404);
  });

  it('when a control endpoint is called with a method it does not answer, then 405 names the methods and nothing changes', async () => {
    const before = emulator.inspectStore().digest;
    for (const [method, path, allow] of [
      ['PUT', '/_emulator/faults', 'GET, POST, DELETE'],
      ['DELETE', '/_emulator/clock', 'GET, POST'],
      ['POST', '/_aws/ses', 'GET, DELETE'],
      ['GET', '/_emulator/reset', 'POST'],
    ] as const) {
      const res = await fetch(`${emulator.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(((await res.json()) as { message: string }).message).toBe(
        `Use ${allow.replace(/, ([A-Z]+)$/, ' or $1')}`,
      );
    }
    expect(emulator.inspectStore().digest).toBe(before);
  });
});

describe('accounts', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it('when the access key is a 12-digit account id, then state is per account', async () => {
    const a = sesClient(emulator, 'us-east-1', '123456789012');
    const b = sesClient(emulator, 'us-east-1', '210987654321');
    await a.send(new CreateEmailIdentityCommand({ EmailIdentity: 'acct.example.com' }));
    expect((await b.send(new ListEmailIdentitiesCommand({}))).EmailIdentities).toEqual([]);
    await b.send(new CreateEmailIdentityCommand({ EmailIdentity: 'acct.example.com' }));
    expect((await sesClient(emulator).send(new ListEmailIdentitiesCommand({}))).EmailIdentities).toEqual([]);
  });
});
