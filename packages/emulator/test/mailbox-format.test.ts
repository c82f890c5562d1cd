import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { CreateEmailIdentityCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { findVerificationLink } from '../src/control/verification-link.js';
import type { RunningEmulator } from '../src/index.js';
import { type CapturedMessage, mailbox, sesClient, sesV1Client, startTestEmulator } from './helpers.js';

/** An RFC 9562 UUID, as the mailbox ids have always been. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** SES's verification email, word for word, as the emulator has always captured it. */
function verificationText(regionName: string, link: string): string {
  return [
    'Dear Amazon Web Services Customer,',
    '',
    `We have received a request to authorize this email address for use with Amazon SES and Amazon Pinpoint in region ${regionName}. If you requested this verification, please go to the following URL to confirm that you are authorized to use this email address:`,
    '',
    link,
    '',
    'Your request will not be processed unless you confirm the address using this URL. This link expires 24 hours after your original verification request.',
    '',
    "If you did NOT request to verify this email address, do not click on the link. Please note that many times, the situation isn't a phishing attempt, but either a misunderstanding of how to use our service, or someone setting up email-sending capabilities on your behalf as part of a legitimate service, but without having fully communicated the procedure first.",
    '',
    'Sincerely,',
    '',
    'The Amazon Web Services Team.',
  ].join('\n');
}

function verificationHtml(regionName: string, link: string): string {
  return `<p>Dear Amazon Web Services Customer,</p><p>We have received a request to authorize this email address for use with Amazon SES and Amazon Pinpoint in region ${regionName}. If you requested this verification, please go to the following URL to confirm that you are authorized to use this email address:</p><p><a href="${link}">${link}</a></p><p>Your request will not be processed unless you confirm the address using this URL. This link expires 24 hours after your original verification request.</p><p>If you did NOT request to verify this email address, do not click on the link. Please note that many times, the situation isn't a phishing attempt, but either a misunderstanding of how to use our service, or someone setting up email-sending capabilities on your behalf as part of a legitimate service, but without having fully communicated the procedure first.</p><p>Sincerely,</p><p>The Amazon Web Services Team.</p>`;
}

/** The whole captured message a client sees for the verification email to `address`. */
function expectedVerification(
  address: string,
  region: string,
  regionName: string,
  link: string,
): Omit<CapturedMessage, 'Id' | 'Timestamp'> {
  return {
    Region: region,
    Destination: { ToAddresses: [address], CcAddresses: [], BccAddresses: [] },
    Source: 'no-reply-aws@amazon.com',
    Subject: `Amazon Web Services – Email Address Verification Request in region ${regionName}`,
    Body: { text_part: verificationText(regionName, link), html_part: verificationHtml(regionName, link) },
    AccountId: '000000000000',
  };
}

function linkIn(message: CapturedMessage | undefined, emulatorUrl: string): string {
  const link = findVerificationLink(message?.Body?.text_part ?? '', emulatorUrl);
  if (!link) throw new Error('no verification link in the message');
  return link.url;
}

async function verificationMails(emulator: RunningEmulator): Promise<CapturedMessage[]> {
  return mailbox(emulator, '?email=no-reply-aws@amazon.com');
}

describe('the verification email in the mailbox (stored as its address and link, rendered when read)', () => {
  const dataDirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-mailbox-'));
    dataDirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when addresses are created through SES v2 and SES v1, then each verification email reads word for word as SES sends it, before and after a restart on another port, and its link verifies', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    let before: CapturedMessage[];
    try {
      const v2 = sesClient(first, 'eu-west-1');
      const v1 = sesV1Client(first, 'me-central-1');
      await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'Mixed.Case@Example.COM' }));
      await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'v1@example.org' }));
      v2.destroy();
      v1.destroy();
      before = await verificationMails(first);
      expect(before).toHaveLength(2);
      const [v2Mail, v1Mail] = before;
      expect(v2Mail).toEqual({
        ...expectedVerification(
          'Mixed.Case@Example.COM',
          'eu-west-1',
          'Europe (Ireland)',
          linkIn(v2Mail, first.url),
        ),
        Id: expect.stringMatching(UUID),
        Timestamp: expect.any(String),
      });
      // A Region without a display name is named by its code, as before.
      expect(v1Mail).toEqual({
        ...expectedVerification('v1@example.org', 'me-central-1', 'me-central-1', linkIn(v1Mail, first.url)),
        Id: expect.stringMatching(UUID),
        Timestamp: expect.any(String),
      });
      expect(linkIn(v2Mail, first.url)).toMatch(
        new RegExp(`^${first.url}/_emulator/verify-email\\?token=[A-Za-z0-9_-]{32}$`),
      );
      // One message by its id, as the Mailbox page opens it.
      expect(await mailbox(first, `?id=${v2Mail?.Id}`)).toEqual([v2Mail]);
    } finally {
      await first.close();
    }

    const second = await startTestEmulator({ dataDir });
    try {
      // Same messages, same links (they name the port the emulator had when it sent them).
      expect(await verificationMails(second)).toEqual(before);
      const token = new URL(linkIn(before[0], first.url)).searchParams.get('token');
      const page = await fetch(`${second.url}/_emulator/verify-email?token=${token}`);
      expect(page.status).toBe(200);
      const ses = sesClient(second, 'eu-west-1');
      expect(
        (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'Mixed.Case@Example.COM' })))
          .VerificationStatus,
      ).toBe('SUCCESS');
      ses.destroy();
    } finally {
      await second.close();
    }
  });

  it('when a store holds messages written in the earlier format (the whole message as JSON), then the mailbox lists them exactly as before and their links still verify', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    let url: string;
    try {
      url = first.url;
      const ses = sesClient(first, 'eu-west-3');
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'old@example.com' }));
      ses.destroy();
    } finally {
      await first.close();
    }
    // Rewrite the row as an emulator before this format stored it: every field in `doc`, the
    // verification text in full; and add a sent message of that time.
    const db = new Database(path.join(dataDir, 'emulator.sqlite'));
    const row = db
      .prepare("SELECT seq, id, timestamp, doc FROM ses_mailbox WHERE kind = 'verification'")
      .get() as {
      seq: number;
      id: string;
      timestamp: number;
      doc: string;
    };
    const link = (JSON.parse(row.doc) as { verification: { link: string } }).verification.link;
    expect(link.startsWith(`${url}/_emulator/verify-email?token=`)).toBe(true);
    const oldDoc = {
      accountId: '000000000000',
      region: 'eu-west-3',
      id: row.id,
      kind: 'verification',
      source: 'no-reply-aws@amazon.com',
      destination: { ToAddresses: ['old@example.com'], CcAddresses: [], BccAddresses: [] },
      subject: 'Amazon Web Services – Email Address Verification Request in region Europe (Paris)',
      textPart: verificationText('Europe (Paris)', link),
      htmlPart: verificationHtml('Europe (Paris)', link),
      timestamp: row.timestamp,
    };
    db.prepare('UPDATE ses_mailbox SET doc = ? WHERE seq = ?').run(JSON.stringify(oldDoc), row.seq);
    const sent = {
      accountId: '000000000000',
      region: 'eu-west-3',
      id: '0100019a-old0-4000-8000-000000000001-000000',
      kind: 'sent',
      source: 'sender@example.com',
      destination: { ToAddresses: ['to@example.net'], CcAddresses: ['cc@example.net'], BccAddresses: [] },
      subject: 'Hello',
      textPart: 'Plain',
      htmlPart: '<p>Plain</p>',
      configurationSetName: 'tracked',
      deliveries: [{ kind: 'delivered', recipient: 'to@example.net' }],
      timestamp: row.timestamp + 1,
    };
    db.prepare(
      'INSERT INTO ses_mailbox (id, account_id, region, kind, source, timestamp, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(sent.id, sent.accountId, sent.region, sent.kind, sent.source, sent.timestamp, JSON.stringify(sent));
    db.close();

    const second = await startTestEmulator({ dataDir });
    try {
      const all = await mailbox(second);
      expect(all).toEqual([
        {
          ...expectedVerification('old@example.com', 'eu-west-3', 'Europe (Paris)', link),
          Id: row.id,
          Timestamp: new Date(row.timestamp).toISOString(),
        },
        {
          Id: sent.id,
          Region: 'eu-west-3',
          Destination: sent.destination,
          Source: 'sender@example.com',
          Subject: 'Hello',
          Body: { text_part: 'Plain', html_part: '<p>Plain</p>' },
          Timestamp: new Date(sent.timestamp).toISOString(),
          ConfigurationSetName: 'tracked',
          Deliveries: [{ Recipient: 'to@example.net', Outcome: 'delivered' }],
          AccountId: '000000000000',
        },
      ]);
      const page = await fetch(`${second.url}${new URL(link).pathname}${new URL(link).search}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('You have successfully verified an email address');
    } finally {
      await second.close();
    }
  });
});
