import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateEmailIdentityCommand, ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sesClient, startTestEmulator } from './helpers.js';

const CREATES = 400;

describe('WAL checkpoints on a worker thread (store/background-checkpoint.ts)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-checkpoint-'));
  const file = path.join(dataDir, 'emulator.sqlite');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when many writes commit, then the worker copies them into the database file while the emulator runs, and after close the store is whole, has no WAL left and keeps every write across a restart', async () => {
    const first = await startTestEmulator({ dataDir });
    const ses = sesClient(first, 'eu-central-1');
    const names = Array.from({ length: CREATES }, (_, i) => `checkpoint-${i}@example.com`);
    try {
      const sizeBefore = fs.statSync(file).size;
      // One at a time: each create is its own commit, so the worker is asked for checkpoints.
      for (const EmailIdentity of names) await ses.send(new CreateEmailIdentityCommand({ EmailIdentity }));
      // The database file itself grows only by checkpoints (commits go to the WAL).
      await expect.poll(() => fs.statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(sizeBefore);
    } finally {
      ses.destroy();
      await first.close();
    }
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    const second = await startTestEmulator({ dataDir });
    const again = sesClient(second, 'eu-central-1');
    try {
      const page = await again.send(new ListEmailIdentitiesCommand({ PageSize: 1000 }));
      expect(page.EmailIdentities?.map((i) => i.IdentityName)).toEqual(names);
    } finally {
      again.destroy();
      await second.close();
    }
  });
});
