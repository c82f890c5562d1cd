import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
} from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { failure, mailbox, sesClient, startTestEmulator } from './helpers.js';

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

  it('when a store written before migration 011 is opened, then the count is rebuilt from the stored identities', async () => {
    const older = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-quota-old-'));
    try {
      const first = await startTestEmulator({ dataDir: older });
      await seed(first.url, 9_999);
      await first.close();
      // Turn the file back into what an emulator without migration 011 left behind.
      const db = new Database(path.join(older, 'emulator.sqlite'));
      db.exec(`DROP TRIGGER ses_identity_counts_insert;
        DROP TRIGGER ses_identity_counts_delete;
        DROP TRIGGER ses_identity_counts_move;
        DROP TABLE ses_identity_counts;
        DELETE FROM schema_migrations WHERE id = '011-identity-counts';`);
      db.close();

      const second = await startTestEmulator({ dataDir: older });
      const ses = sesClient(second, REGION);
      try {
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
