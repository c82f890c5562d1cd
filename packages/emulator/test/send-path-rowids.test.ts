import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetSendStatisticsCommand } from '@aws-sdk/client-ses';
import { GetAccountCommand, type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type CapturedMessage, mailbox, sesClient, sesV1Client, startTestEmulator } from './helpers.js';

const REGION = 'eu-west-1';
const SENDER = 'sender@rowids.example.com';

function send(client: SESv2Client, to: string, subject: string) {
  return client.send(
    new SendEmailCommand({
      FromEmailAddress: SENDER,
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: `body of ${subject}` } } } },
    }),
  );
}

/** What a client sees of the sending state: the mailbox, the day's sends and the statistics. */
async function observed(emulator: Awaited<ReturnType<typeof startTestEmulator>>) {
  const v2 = sesClient(emulator, REGION);
  const v1 = sesV1Client(emulator, REGION);
  try {
    return {
      messages: await mailbox(emulator),
      sentLast24Hours: (await v2.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours,
      statistics: (await v1.send(new GetSendStatisticsCommand({}))).SendDataPoints,
    };
  } finally {
    v2.destroy();
    v1.destroy();
  }
}

/** Turns the file back into what an emulator without migration 013 left behind (AUTOINCREMENT tables). */
function undoMigration013(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE ses_mailbox_old (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL,
      region TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL, timestamp INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    INSERT INTO ses_mailbox_old SELECT seq, id, account_id, region, kind, source, timestamp, doc FROM ses_mailbox;
    DROP TABLE ses_mailbox;
    ALTER TABLE ses_mailbox_old RENAME TO ses_mailbox;
    CREATE INDEX ses_mailbox_sent_by_scope ON ses_mailbox (account_id, region, timestamp) WHERE kind = 'sent';
    CREATE TABLE ses_send_log_old (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL, region TEXT NOT NULL,
      at INTEGER NOT NULL, quota_recipients INTEGER NOT NULL, rate_recipients INTEGER NOT NULL,
      cum_quota INTEGER NOT NULL DEFAULT 0, cum_rate INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO ses_send_log_old SELECT seq, account_id, region, at, quota_recipients, rate_recipients,
      cum_quota, cum_rate FROM ses_send_log;
    DROP TABLE ses_send_log;
    ALTER TABLE ses_send_log_old RENAME TO ses_send_log;
    CREATE INDEX ses_send_log_totals ON ses_send_log (account_id, region, at, seq, cum_quota, cum_rate);
    -- AUTOINCREMENT remembers a larger seq than the rows hold (a message deleted at the end).
    UPDATE sqlite_sequence SET seq = seq + 5 WHERE name = 'ses_mailbox';
    DELETE FROM schema_migrations WHERE id = '013-send-path-rowids';`);
  db.close();
}

function autoincrementTables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' AND name IN ('ses_mailbox', 'ses_send_log')",
        )
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
  } finally {
    db.close();
  }
}

describe('the tables SendEmail appends to (migration 013)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-rowids-'));
  const file = path.join(dataDir, 'emulator.sqlite');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when a store written before migration 013 is opened, then its mailbox, quota and statistics read as before and new sends follow the old ones', async () => {
    const first = await startTestEmulator({ dataDir, verificationMode: 'auto', sandbox: false });
    let before: Awaited<ReturnType<typeof observed>>;
    try {
      const seeded = await fetch(`${first.url}/_emulator/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identities: 1, statuses: ['SUCCESS'], names: [SENDER], regions: [REGION] }),
      });
      expect(seeded.status).toBe(200);
      const ses = sesClient(first, REGION);
      await send(ses, 'one@example.net', 'first');
      await send(ses, 'bounce@simulator.amazonses.com', 'second');
      const last = await send(ses, 'three@example.net', 'third');
      ses.destroy();
      // The newest message deleted: AUTOINCREMENT would never give its seq out again.
      const deleted = await fetch(`${first.url}/_aws/ses?id=${last.MessageId}`, { method: 'DELETE' });
      expect(deleted.status).toBe(204);
      before = await observed(first);
    } finally {
      await first.close();
    }
    const bounceReport = 'Delivery Status Notification (Failure)';
    expect(before.messages.map((m) => m.Subject)).toEqual(['first', 'second', bounceReport]);
    expect(before.sentLast24Hours).toBe(2);
    undoMigration013(file);
    expect(autoincrementTables(file)).toEqual(['ses_mailbox', 'ses_send_log']);

    const second = await startTestEmulator({ dataDir, verificationMode: 'auto', sandbox: false });
    let after: CapturedMessage[];
    try {
      const now = await observed(second);
      expect(now.messages).toEqual(before.messages);
      expect(now.sentLast24Hours).toBe(before.sentLast24Hours);
      expect(now.statistics).toEqual(before.statistics);
      const ses = sesClient(second, REGION);
      const fourth = await send(ses, 'four@example.net', 'fourth');
      ses.destroy();
      after = await mailbox(second);
      expect(after.map((m) => m.Subject)).toEqual(['first', 'second', bounceReport, 'fourth']);
      expect(after[3]?.Id).toBe(fourth.MessageId);
      expect((await observed(second)).sentLast24Hours).toBe(3);
    } finally {
      await second.close();
    }
    expect(autoincrementTables(file)).toEqual([]);

    // And across one more restart, the same.
    const third = await startTestEmulator({ dataDir, verificationMode: 'auto', sandbox: false });
    try {
      expect(await mailbox(third)).toEqual(after);
      expect((await observed(third)).sentLast24Hours).toBe(3);
    } finally {
      await third.close();
    }
  }, 60_000);
});
