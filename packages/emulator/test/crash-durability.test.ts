import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateEmailIdentityCommand, ListEmailIdentitiesCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startChildEmulator } from './child-emulator.js';

const TOTAL = 1000;

function client(url: string): SESv2Client {
  return new SESv2Client({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: { httpAgent: { maxSockets: 200 }, requestTimeout: 30_000 },
  });
}

async function allNames(ses: SESv2Client): Promise<Set<string>> {
  const names = new Set<string>();
  let NextToken: string | undefined;
  do {
    const out = await ses.send(new ListEmailIdentitiesCommand({ PageSize: 1000, NextToken }));
    for (const i of out.EmailIdentities ?? []) if (i.IdentityName) names.add(i.IdentityName);
    NextToken = out.NextToken || undefined;
  } while (NextToken);
  return names;
}

describe('crash durability of the emulator store (child process, SIGKILL)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-crash-'));
  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when the process is killed during 1,000 concurrent creates, then after a restart every acknowledged create exists and the store is intact', async () => {
    const first = await startChildEmulator(dataDir);
    const ses = client(first.url);
    const acknowledged = new Set<string>();
    let settled = 0;
    let killed = false;
    const killAt = TOTAL / 3;
    const names = Array.from({ length: TOTAL }, (_, i) =>
      i % 2 === 0 ? `crash-${i}.example` : `crash-${i}@example.org`,
    );
    const creates = names.map((name) =>
      ses
        .send(new CreateEmailIdentityCommand({ EmailIdentity: name }))
        .then(() => {
          acknowledged.add(name);
        })
        .catch(() => {})
        .finally(() => {
          settled += 1;
          if (!killed && acknowledged.size >= killAt) {
            killed = true;
            first.process.kill('SIGKILL');
          }
        }),
    );
    await Promise.all(creates);
    await first.exited;
    ses.destroy();
    expect(killed).toBe(true);
    expect(settled).toBe(TOTAL);
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAt);
    expect(acknowledged.size).toBeLessThan(TOTAL); // killed mid-way, not after the last answer

    const second = await startChildEmulator(dataDir);
    const again = client(second.url);
    try {
      const stored = await allNames(again);
      const lost = [...acknowledged].filter((name) => !stored.has(name));
      expect(lost).toEqual([]);
      // Nothing appears that was not asked for (unacknowledged creates may or may not have landed).
      expect([...stored].every((name) => names.includes(name))).toBe(true);
      const report = (await (await fetch(`${second.url}/_emulator/store?integrity=true`)).json()) as {
        integrity: string;
        tables: Record<string, number>;
      };
      expect(report.integrity).toBe('ok');
      expect(report.tables.ses_identities).toBe(stored.size);
    } finally {
      again.destroy();
      second.process.kill('SIGTERM');
      await second.exited;
    }

    const db = new Database(path.join(dataDir, 'emulator.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  }, 120_000);
});
