import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetSendStatisticsCommand } from '@aws-sdk/client-ses';
import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { failure, sesClient, sesV1Client, startTestEmulator } from './helpers.js';

const SENDER = 'sender@indexes.example.com';

function indexesOf(file: string, table: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name")
        .all(table) as Array<{ name: string }>
    ).map((row) => row.name);
  } finally {
    db.close();
  }
}

describe('the indexes CreateEmailIdentity writes (migration 012)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-indexes-'));
  const file = path.join(dataDir, 'emulator.sqlite');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when a store written before migration 012 is opened, then the unused indexes are gone and DEED replicas and GetSendStatistics still find what they did', async () => {
    const first = await startTestEmulator({ dataDir, verificationMode: 'auto' });
    try {
      const seeded = await fetch(`${first.url}/_emulator/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          identities: 1,
          statuses: ['SUCCESS'],
          names: [SENDER],
          regions: ['eu-west-1'],
        }),
      });
      expect(seeded.status).toBe(200);
      const ses = sesClient(first, 'eu-west-1');
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: SENDER,
          Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
          Content: { Simple: { Subject: { Data: 'counted' }, Body: { Text: { Data: 'once' } } } },
        }),
      );
      ses.destroy();
      await sesClient(first, 'us-east-1').send(
        new CreateEmailIdentityCommand({ EmailIdentity: 'deed.example.com' }),
      );
      await sesClient(first, 'ap-south-1').send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'deed.example.com',
          DkimSigningAttributes: { DomainSigningAttributesOrigin: 'AWS_SES_US_EAST_1' },
        }),
      );
    } finally {
      await first.close();
    }
    // Turn the file back into what an emulator without migration 012 left behind.
    const db = new Database(file);
    db.exec(`DROP INDEX ses_mailbox_sent_by_scope;
      CREATE INDEX ses_mailbox_sent ON ses_mailbox (account_id, kind, timestamp);
      CREATE INDEX ses_identities_by_account_name ON ses_identities (account_id, name);
      DELETE FROM schema_migrations WHERE id = '012-create-path-indexes';`);
    db.close();

    const second = await startTestEmulator({ dataDir, verificationMode: 'auto' });
    try {
      const v1 = sesV1Client(second, 'eu-west-1');
      const stats = await v1.send(new GetSendStatisticsCommand({}));
      v1.destroy();
      expect(stats.SendDataPoints?.reduce((n, p) => n + (p.DeliveryAttempts ?? 0), 0)).toBe(1);
      const parent = sesClient(second, 'us-east-1');
      const refused = await failure(
        parent.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'deed.example.com' })),
      );
      expect(refused).toMatchObject({ name: 'BadRequestException', status: 400 });
      expect(refused.message).toContain('replicas in ap-south-1.');
      parent.destroy();
    } finally {
      await second.close();
    }
    // 014's partial index holds only identities with a custom MAIL FROM domain: a plain create adds no entry.
    expect(indexesOf(file, 'ses_identities')).toEqual([
      'ses_identities_by_mail_from',
      'ses_identities_by_scope_seq',
      'sqlite_autoindex_ses_identities_1',
    ]);
    expect(indexesOf(file, 'ses_mailbox')).toEqual([
      'ses_mailbox_sent_by_scope',
      'sqlite_autoindex_ses_mailbox_1',
    ]);
  });
});
