import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateEmailIdentityCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { type AuditEntry, apiPath, apiPaths } from '@ses-console/contract';
import { type RunningEmulator, startEmulator } from '@ses-console/emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bffEnvAgainstEmulator, startBffProcess } from './support/bff-process.js';
import { openSessionAt } from './support/console-session.js';
import { clearFaults, faultState, setFaults } from './support/faults.js';
import { type Harness, REGION, startHarness, testCredentials, unique } from './support/harness.js';

async function exists(ses: SESv2Client, identity: string): Promise<boolean> {
  try {
    await ses.send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'NotFoundException') return false;
    throw error;
  }
}

/** Waits for the emulator to have seen at least `count` calls of `operation` (the BFF is mid-request). */
async function untilCalled(emulator: RunningEmulator, operation: string, count: number): Promise<void> {
  await vi.waitFor(
    async () => {
      const calls = (await faultState(emulator)).calls[`sesv2:${operation}`] ?? 0;
      if (calls < count) throw new Error(`${operation} called ${calls} times so far`);
    },
    { timeout: 20_000, interval: 20 },
  );
}

describe('audit log across a crash (kill -9 of a BFF process, SQLite in DATA_DIR)', () => {
  let emulator: RunningEmulator;
  let ses: SESv2Client;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, verificationMode: 'auto' });
    ses = new SESv2Client({ region: REGION, endpoint: emulator.url, credentials: testCredentials });
  });

  afterAll(async () => {
    ses?.destroy();
    await emulator?.close();
  });

  /** Starts a BFF, lets `start` send its request, kills the process mid-way, and reads the log after a restart. */
  async function killedDuring(
    start: (url: string, headers: Record<string, string>) => Promise<unknown>,
    midway: () => Promise<void>,
  ): Promise<AuditEntry[]> {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-kill-'));
    const env = bffEnvAgainstEmulator(emulator.url, home);
    const bff = await startBffProcess(env);
    let outcome: unknown;
    try {
      const session = await openSessionAt(bff.url);
      const answer = start(bff.url, session.headers).then(
        (res) => res,
        (error: unknown) => error,
      );
      await midway();
      await bff.kill();
      outcome = await answer;
    } finally {
      await bff.kill();
      await clearFaults(emulator);
    }
    // The caller never got an answer: the connection died with the process.
    expect(outcome).toBeInstanceOf(Error);
    const restarted = await startBffProcess(env);
    try {
      const session = await openSessionAt(restarted.url);
      const res = await fetch(`${restarted.url}${apiPaths.audit}?limit=500`, { headers: session.headers });
      expect(res.status).toBe(200);
      return ((await res.json()) as { entries: AuditEntry[] }).entries;
    } finally {
      await restarted.stop();
    }
  }

  it('when the BFF is killed during a bulk delete, then the restarted BFF shows the request with its outcome unknown', async () => {
    const tag = unique('kill');
    const names = Array.from({ length: 200 }, (_, i) => `${tag}-${i}.example.com`);
    for (const name of names) await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    await setFaults(emulator, {
      rules: [{ service: 'sesv2', operation: 'DeleteEmailIdentity', latencyMs: 200 }],
    });
    const requestId = randomUUID();
    const entries = await killedDuring(
      (url, headers) =>
        fetch(`${url}${apiPath(apiPaths.deleteIdentities, { region: REGION })}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'x-request-id': requestId },
          body: JSON.stringify({ identities: names }),
        }),
      async () => {
        await untilCalled(emulator, 'DeleteEmailIdentity', 1);
        // Some deletes have run: the change is under way when the process dies.
        await vi.waitFor(
          async () => {
            const done = (await faultState(emulator)).succeeded['sesv2:DeleteEmailIdentity'] ?? {};
            if (Object.keys(done).length < 3) throw new Error('fewer than 3 deleted so far');
          },
          { timeout: 20_000, interval: 20 },
        );
      },
    );
    const mine = entries.filter((e) => e.requestId === requestId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      action: 'identities.delete',
      actor: 'local',
      result: 'unknown',
      status: null,
      errorCode: null,
      completedAt: null,
      deadlineExceeded: false,
    });
    expect(mine[0]?.identity).toContain(`${names[0]}, ${names[1]}`);
    let left = 0;
    for (const name of names) if (await exists(ses, name)) left += 1;
    // Part of the change happened; the log does not pretend to know how much.
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(names.length);
  }, 90_000);

  it('when the BFF is killed half-way through a create, then the restarted BFF shows the request with its outcome unknown', async () => {
    const name = `${unique('killcreate')}.example.com`;
    await setFaults(emulator, {
      rules: [{ service: 'sesv2', operation: 'PutEmailIdentityMailFromAttributes', latencyMs: 30_000 }],
    });
    const requestId = randomUUID();
    const entries = await killedDuring(
      (url, headers) =>
        fetch(`${url}${apiPath(apiPaths.identities, { region: REGION })}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'x-request-id': requestId },
          body: JSON.stringify({ type: 'DOMAIN', name, mailFrom: { domain: `mail.${name}` } }),
        }),
      () => untilCalled(emulator, 'PutEmailIdentityMailFromAttributes', 1),
    );
    // Half made: the identity exists, its MAIL FROM was never set…
    const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: name }));
    expect(identity.MailFromAttributes?.MailFromDomain ?? '').toBe('');
    // …and the log has the request, saying it does not know how it ended.
    expect(entries.filter((e) => e.requestId === requestId)).toEqual([
      expect.objectContaining({
        action: 'identity.create',
        identity: name,
        result: 'unknown',
        status: null,
        parameters: expect.objectContaining({ name, mailFrom: { domain: `mail.${name}` } }),
      }),
    ]);
  }, 90_000);
});

describe('audit log when the response deadline answers first', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto', apiTimeoutMs: 400 });
  });
  afterAll(() => h?.close());

  async function entryOf(requestId: string): Promise<AuditEntry> {
    const res = await request(h.app).get(apiPaths.audit).query({ limit: 500 });
    const mine = (res.body.entries as AuditEntry[]).filter((e) => e.requestId === requestId);
    expect(mine).toHaveLength(1);
    return mine[0] as AuditEntry;
  }

  /** The entry once its result is recorded (the handler finished after the 504). */
  function completed(requestId: string): Promise<AuditEntry> {
    return vi.waitFor(
      async () => {
        const entry = await entryOf(requestId);
        if (entry.result === 'unknown') throw new Error('no result recorded yet');
        return entry;
      },
      { timeout: 20_000, interval: 50 },
    );
  }

  it('when a delete outlasts the deadline, then the caller gets 504, the entry says so at once and is completed with what really happened', async () => {
    const identity = `${unique('late')}.example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: identity }));
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'DeleteEmailIdentity', latencyMs: 1500 }],
    });
    try {
      const requestId = randomUUID();
      const res = await request(h.app)
        .delete(apiPath(apiPaths.identity, { region: REGION, identity }))
        .set('x-request-id', requestId);
      expect(res.status).toBe(504);
      expect(res.body.error).toMatchObject({ code: 'RequestTimeout', requestId });
      expect(await entryOf(requestId)).toMatchObject({
        result: 'unknown',
        status: null,
        completedAt: null,
        deadlineExceeded: true,
      });

      const done = await completed(requestId);
      expect(done).toMatchObject({ result: 'success', status: 204, errorCode: null, deadlineExceeded: true });
      expect(Date.parse(done.completedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(done.time));
      expect(await exists(h.ses(), identity)).toBe(false);
    } finally {
      await clearFaults(h.emulator);
    }
  });

  it('when a change fails after the deadline answered, then its entry is completed with the failure', async () => {
    const missing = `${unique('latefail')}.example.com`;
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'PutEmailIdentityFeedbackAttributes', latencyMs: 1500 }],
    });
    try {
      const requestId = randomUUID();
      const res = await request(h.app)
        .put(apiPath(apiPaths.feedback, { region: REGION, identity: missing }))
        .set('x-request-id', requestId)
        .send({ emailForwardingEnabled: true });
      expect(res.status).toBe(504);
      expect(await completed(requestId)).toMatchObject({
        result: 'error',
        status: 404,
        errorCode: 'NotFound',
        deadlineExceeded: true,
      });
      // The BFF keeps serving, and the late answer went nowhere.
      expect((await request(h.app).get(apiPath(apiPaths.identities, { region: REGION }))).status).toBe(200);
    } finally {
      await clearFaults(h.emulator);
    }
  });
});
