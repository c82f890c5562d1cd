import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Change, ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutEmailIdentityMailFromAttributesCommand,
} from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { sesClient, startTestEmulator } from './helpers.js';
import { createZone, route53Client } from './route53-helpers.js';

/**
 * A change batch re-checks the identities whose checks ask a name it wrote (found by the domain
 * above the name, or by MAIL FROM domain: migration 014), in every Region of the account, and the
 * outcome is what a check of the whole account gave: these are the cases a narrower look could miss.
 */
const mx = (action: 'UPSERT' | 'DELETE', name: string, region: string): Change => ({
  Action: action,
  ResourceRecordSet: {
    Name: name,
    Type: 'MX',
    TTL: 300,
    ResourceRecords: [{ Value: `10 feedback-smtp.${region}.amazonses.com` }],
  },
});

async function change(emulator: RunningEmulator, zoneId: string, changes: Change[]): Promise<void> {
  const r53 = route53Client(emulator.url);
  try {
    await r53.send(
      new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } }),
    );
  } finally {
    r53.destroy();
  }
}

async function mailFromStatus(emulator: RunningEmulator, name: string, region = 'us-east-1') {
  const ses = sesClient(emulator, region);
  try {
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: name }));
    return got.MailFromAttributes?.MailFromDomainStatus;
  } finally {
    ses.destroy();
  }
}

describe('verification when Route 53 records change', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it("when an address's MAIL FROM MX is published and then deleted, then its MAIL FROM status is SUCCESS, then TEMPORARY_FAILURE", async () => {
    const { zoneId } = await createZone(route53Client(emulator.url), 'addr-mail-from.example.com');
    const ses = sesClient(emulator);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'sender@addr-mail-from.example.com' }));
    await ses.send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: 'sender@addr-mail-from.example.com',
        MailFromDomain: 'bounce.addr-mail-from.example.com',
      }),
    );
    ses.destroy();
    expect(await mailFromStatus(emulator, 'sender@addr-mail-from.example.com')).toBe('PENDING');
    // A record elsewhere in the zone moves nothing.
    await change(emulator, zoneId, [mx('UPSERT', 'other.addr-mail-from.example.com', 'us-east-1')]);
    expect(await mailFromStatus(emulator, 'sender@addr-mail-from.example.com')).toBe('PENDING');
    await change(emulator, zoneId, [mx('UPSERT', 'bounce.addr-mail-from.example.com', 'us-east-1')]);
    expect(await mailFromStatus(emulator, 'sender@addr-mail-from.example.com')).toBe('SUCCESS');
    await change(emulator, zoneId, [mx('DELETE', 'bounce.addr-mail-from.example.com', 'us-east-1')]);
    expect(await mailFromStatus(emulator, 'sender@addr-mail-from.example.com')).toBe('TEMPORARY_FAILURE');
  });

  it('when a domain is an identity in two Regions and one Region’s DKIM records are published, then that Region’s identity verifies and the other stays PENDING', async () => {
    const { zoneId } = await createZone(route53Client(emulator.url), 'two-regions.example.com');
    const east = sesClient(emulator, 'us-east-1');
    const west = sesClient(emulator, 'eu-west-1');
    await east.send(new CreateEmailIdentityCommand({ EmailIdentity: 'two-regions.example.com' }));
    const created = await west.send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'two-regions.example.com' }),
    );
    const zone = created.DkimAttributes?.SigningHostedZone;
    const tokens = created.DkimAttributes?.Tokens ?? [];
    expect(tokens).toHaveLength(3);
    await change(
      emulator,
      zoneId,
      tokens.map((token) => ({
        Action: 'UPSERT',
        ResourceRecordSet: {
          Name: `${token}._domainkey.two-regions.example.com`,
          Type: 'CNAME',
          TTL: 1800,
          ResourceRecords: [{ Value: `${token}.${zone}` }],
        },
      })),
    );
    const inWest = await west.send(new GetEmailIdentityCommand({ EmailIdentity: 'two-regions.example.com' }));
    const inEast = await east.send(new GetEmailIdentityCommand({ EmailIdentity: 'two-regions.example.com' }));
    expect([inWest.VerificationStatus, inWest.DkimAttributes?.Status]).toEqual(['SUCCESS', 'SUCCESS']);
    expect([inEast.VerificationStatus, inEast.DkimAttributes?.Status]).toEqual(['PENDING', 'PENDING']);
    east.destroy();
    west.destroy();
  });
});

describe('a store written before migration 014 (MAIL FROM domains only in the documents)', () => {
  it('when it is opened and an address’s MAIL FROM MX is published, then its MAIL FROM status becomes SUCCESS', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-mail-from-014-'));
    try {
      const first = await startTestEmulator({ dataDir });
      const { zoneId } = await createZone(route53Client(first.url), 'old-store.example.com');
      const ses = sesClient(first, 'eu-central-1');
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'old@old-store.example.com' }));
      await ses.send(
        new PutEmailIdentityMailFromAttributesCommand({
          EmailIdentity: 'old@old-store.example.com',
          MailFromDomain: 'mail.old-store.example.com',
        }),
      );
      ses.destroy();
      await first.close();
      // Turn the file back into what an emulator without migration 014 left behind.
      const db = new Database(path.join(dataDir, 'emulator.sqlite'));
      db.exec(`DROP INDEX ses_identities_by_mail_from;
        ALTER TABLE ses_identities DROP COLUMN mail_from_domain;
        DELETE FROM schema_migrations WHERE id = '014-identity-mail-from-domain';`);
      db.close();

      const second = await startTestEmulator({ dataDir });
      try {
        expect(await mailFromStatus(second, 'old@old-store.example.com', 'eu-central-1')).toBe('PENDING');
        await change(second, zoneId, [mx('UPSERT', 'mail.old-store.example.com', 'eu-central-1')]);
        expect(await mailFromStatus(second, 'old@old-store.example.com', 'eu-central-1')).toBe('SUCCESS');
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
