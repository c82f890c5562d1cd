import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  type SESv2Client,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { advanceClock, failure, mailbox, sesClient, setAccount, startTestEmulator } from './helpers.js';

const REGION = 'eu-north-1';
const LIMIT_MESSAGE = `Maximum number of identities (10000) reached in region ${REGION}.`;

async function seed(url: string, identities: number, region = REGION): Promise<void> {
  const res = await fetch(`${url}/_emulator/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identities, regions: [region] }),
  });
  expect(res.status).toBe(200);
}

/** A verified sender (seeded SUCCESS) in `region`. */
async function seedSender(url: string, region: string): Promise<void> {
  const res = await fetch(`${url}/_emulator/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identities: 1, statuses: ['SUCCESS'], names: [SENDER], regions: [region] }),
  });
  expect(res.status).toBe(200);
}

const SENDER = 'sender@quota.example.com';

/** Counts against the quota: the mailbox simulator's addresses would not. */
function sendOne(client: SESv2Client, to: string[] = ['someone@example.net']) {
  return client.send(
    new SendEmailCommand({
      FromEmailAddress: SENDER,
      Destination: { ToAddresses: to },
      Content: { Simple: { Subject: { Data: 'quota' }, Body: { Text: { Data: 'counted' } } } },
    }),
  );
}

async function sentLast24Hours(client: SESv2Client): Promise<number | undefined> {
  return (await client.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours;
}

async function setClock(url: string, instant: string): Promise<void> {
  const res = await fetch(`${url}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ set: instant }),
  });
  expect(res.status).toBe(200);
}

/** All identity names of a Region, every page (the SDK's view of what the quota counts). */
async function countAll(client: ReturnType<typeof sesClient>): Promise<number> {
  let n = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListEmailIdentitiesCommand({ PageSize: 1000, NextToken: token }));
    n += page.EmailIdentities?.length ?? 0;
    token = page.NextToken;
  } while (token);
  return n;
}

describe('the 10,000 identities per Region quota (a maintained count, migration 011)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-quota-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when a Region fills to 10,000, then the 10,001st is refused, a delete frees room, and a restart keeps the count', async () => {
    const first = await startTestEmulator({ dataDir });
    const ses = sesClient(first, REGION);
    try {
      await seed(first.url, 9_998);
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'nine-nine-nine-nine@example.com' }));
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'ten-thousand.example.com' }));
      expect(
        await failure(ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'over@example.com' }))),
      ).toEqual({ name: 'LimitExceededException', message: LIMIT_MESSAGE, status: 400 });
      // A name the full Region already has is refused as taken, not as over the quota.
      expect(
        await failure(
          ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'nine-nine-nine-nine@example.com' })),
        ),
      ).toEqual({
        name: 'AlreadyExistsException',
        message: 'Email identity nine-nine-nine-nine@example.com already exist.',
        status: 400,
      });
      // Nothing of the refused create remains: no identity, no verification email.
      expect(
        await failure(ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'over@example.com' }))),
      ).toMatchObject({ name: 'NotFoundException' });
      const verificationMails = await mailbox(first, '?email=no-reply-aws@amazon.com');
      expect(verificationMails.filter((m) => m.Destination.ToAddresses.includes('over@example.com'))).toEqual(
        [],
      );
      expect(
        verificationMails.filter((m) =>
          m.Destination.ToAddresses.includes('nine-nine-nine-nine@example.com'),
        ),
      ).toHaveLength(1);
      // Another Region of the same account has its own quota.
      await sesClient(first, 'eu-west-3').send(
        new CreateEmailIdentityCommand({ EmailIdentity: 'elsewhere.example.com' }),
      );

      await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'ten-thousand.example.com' }));
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'after-delete@example.com' }));
      expect(
        await failure(ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'over@example.com' }))),
      ).toEqual({ name: 'LimitExceededException', message: LIMIT_MESSAGE, status: 400 });
      expect(await countAll(ses)).toBe(10_000);
    } finally {
      ses.destroy();
      await first.close();
    }

    const second = await startTestEmulator({ dataDir });
    const again = sesClient(second, REGION);
    try {
      expect(
        await failure(again.send(new CreateEmailIdentityCommand({ EmailIdentity: 'over@example.com' }))),
      ).toEqual({ name: 'LimitExceededException', message: LIMIT_MESSAGE, status: 400 });
      await again.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'after-delete@example.com' }));
      await again.send(new CreateEmailIdentityCommand({ EmailIdentity: 'after-restart@example.com' }));
      expect(await countAll(again)).toBe(10_000);
    } finally {
      again.destroy();
      await second.close();
    }
  }, 120_000);

  it('when a store written before migration 011 is opened, then the identity count and the sends of the last 24 hours are rebuilt from what it holds', async () => {
    const older = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-quota-old-'));
    try {
      const first = await startTestEmulator({ dataDir: older });
      await seed(first.url, 9_998);
      await seedSender(first.url, REGION);
      await setAccount(first, { productionAccess: true, region: REGION });
      const before = sesClient(first, REGION);
      await sendOne(before);
      await sendOne(before, ['x@example.net', 'y@example.net']);
      // The mailbox simulator's addresses do not count against the quota.
      await sendOne(before, ['success@simulator.amazonses.com']);
      before.destroy();
      await first.close();
      // Turn the file back into what an emulator without migration 011 left behind.
      const db = new Database(path.join(older, 'emulator.sqlite'));
      db.exec(`DROP TRIGGER ses_identity_counts_insert;
        DROP TRIGGER ses_identity_counts_delete;
        DROP TRIGGER ses_identity_counts_move;
        DROP TABLE ses_identity_counts;
        DROP INDEX ses_send_log_totals;
        ALTER TABLE ses_send_log DROP COLUMN cum_quota;
        ALTER TABLE ses_send_log DROP COLUMN cum_rate;
        CREATE INDEX ses_send_log_by_scope_at ON ses_send_log (account_id, region, at);
        DELETE FROM schema_migrations WHERE id = '011-quota-counts';`);
      db.close();

      const second = await startTestEmulator({ dataDir: older });
      const ses = sesClient(second, REGION);
      try {
        // The day's sends as they were logged before the upgrade, and the next one on top.
        expect(await sentLast24Hours(ses)).toBe(3);
        await sendOne(ses);
        expect(await sentLast24Hours(ses)).toBe(4);
        await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'last-one@example.com' }));
        expect(
          await failure(ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'over@example.com' }))),
        ).toEqual({ name: 'LimitExceededException', message: LIMIT_MESSAGE, status: 400 });
      } finally {
        ses.destroy();
        await second.close();
      }
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the 24-hour sending quota (running totals of the send log, migration 011)', () => {
  it('when sends leave the 24-hour window, or the clock is set back before some, then SentLast24Hours and the quota count only the window', async () => {
    const emulator = await startTestEmulator();
    const ses = sesClient(emulator, 'ap-south-1');
    try {
      await seedSender(emulator.url, 'ap-south-1');
      await setAccount(emulator, { productionAccess: true, max24HourSend: 5, region: 'ap-south-1' });
      const start = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as { now: string };
      await sendOne(ses, ['a@example.net', 'b@example.net']);
      await advanceClock(emulator, 3_600);
      await sendOne(ses);
      expect(await sentLast24Hours(ses)).toBe(3);
      // 23.5 hours after the first send both are still inside; 24.5 hours after, only the second.
      await advanceClock(emulator, 22.5 * 3_600);
      expect(await sentLast24Hours(ses)).toBe(3);
      await advanceClock(emulator, 3_600);
      expect(await sentLast24Hours(ses)).toBe(1);

      // Back to 30 minutes before the first send: none of the logged sends has happened yet.
      await setClock(emulator.url, new Date(Date.parse(start.now) - 30 * 60_000).toISOString());
      expect(await sentLast24Hours(ses)).toBe(0);
      await sendOne(ses, ['c@example.net', 'd@example.net', 'e@example.net']);
      expect(await sentLast24Hours(ses)).toBe(3);
      // Forward past all of them: the window holds the early send and the first two again.
      await advanceClock(emulator, 2 * 3_600);
      expect(await sentLast24Hours(ses)).toBe(6);
      expect(await failure(sendOne(ses))).toEqual({
        name: 'LimitExceededException',
        message: 'Daily message quota exceeded.',
        status: 400,
      });
    } finally {
      ses.destroy();
      await emulator.close();
    }
  });
});
