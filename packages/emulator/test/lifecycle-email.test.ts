import { CreateEmailIdentityCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, HOURS, mailbox, sesClient, startTestEmulator, verificationLink } from './helpers.js';

describe('email address verification lifecycle', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator, 'eu-west-1');
  });
  afterAll(() => emulator.close());

  const status = async (address: string) =>
    (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: address }))).VerificationStatus;

  it('when an address is created, then SES sends the verification email with a link', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'mail@example.com' }));
    const [message] = (await mailbox(emulator, '?email=no-reply-aws@amazon.com')).filter((m) =>
      m.Destination.ToAddresses.includes('mail@example.com'),
    );
    expect(message).toMatchObject({
      Source: 'no-reply-aws@amazon.com',
      Region: 'eu-west-1',
      Subject: 'Amazon Web Services – Email Address Verification Request in region Europe (Ireland)',
    });
    expect(message?.Body?.text_part).toContain(`${emulator.url}/_emulator/verify-email?token=`);
  });

  it('when the link is opened within 24 h, then the address is SUCCESS and can send', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'click@example.com' }));
    expect(await status('click@example.com')).toBe('PENDING');
    await advanceClock(emulator, 23 * HOURS);
    const page = await fetch(await verificationLink(emulator, 'click@example.com'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('You have successfully verified an email address');
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'click@example.com' }));
    expect(got).toMatchObject({ VerificationStatus: 'SUCCESS', VerifiedForSendingStatus: true });
    expect(got.VerificationInfo?.LastSuccessTimestamp).toBeInstanceOf(Date);
    const again = await fetch(await verificationLink(emulator, 'click@example.com'));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('already verified');
  });

  it('when 24 h pass without a click, then FAILED and the link answers 410', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'late@example.com' }));
    await advanceClock(emulator, 24 * HOURS);
    expect(await status('late@example.com')).toBe('FAILED');
    const page = await fetch(await verificationLink(emulator, 'late@example.com'));
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('expired');
  });

  it('when the link has a bad or unknown token, then 400 or 404 pages', async () => {
    expect((await fetch(`${emulator.url}/_emulator/verify-email`)).status).toBe(400);
    expect((await fetch(`${emulator.url}/_emulator/verify-email?token=bad%20token`)).status).toBe(400);
    const unknown = await fetch(`${emulator.url}/_emulator/verify-email?token=${'a'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('not known');
  });
});
