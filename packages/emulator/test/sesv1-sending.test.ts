import {
  GetSendQuotaCommand,
  GetSendStatisticsCommand,
  type SESClient,
  SendEmailCommand,
  SendRawEmailCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { CreateEmailIdentityCommand, GetAccountCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import {
  advanceClock,
  failure,
  HOURS,
  mailbox,
  sesClient,
  sesV1Client,
  startTestEmulator,
} from './helpers.js';

/**
 * SES v1 SendEmail / SendRawEmail / GetSendQuota / GetSendStatistics through `@aws-sdk/client-ses`:
 * the same sending rules, mailbox and delivery outcomes as SES v2's SendEmail.
 */
describe('SES v1 sending', () => {
  let emulator: RunningEmulator;
  let v1: SESClient;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    v1 = sesV1Client(emulator);
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'sender@v1send.example' }));
    await v1.send(new VerifyDomainIdentityCommand({ Domain: 'raw.example' }));
    // The account is in the sandbox, as on AWS: the readers' domain is verified so that they may receive.
    await v1.send(new VerifyDomainIdentityCommand({ Domain: 'example.net' }));
  });
  afterAll(() => emulator.close());

  const simple = (to: string[], subject = 'Hello') =>
    new SendEmailCommand({
      Source: 'Sender <sender@v1send.example>',
      Destination: { ToAddresses: to, CcAddresses: [], BccAddresses: [] },
      Message: {
        Subject: { Data: subject, Charset: 'UTF-8' },
        Body: { Text: { Data: 'Plain ü' }, Html: { Data: '<p>Html</p>' } },
      },
      Tags: [{ Name: 'campaign', Value: 'launch-1' }],
    });

  it('when a verified identity sends, then the SES-shaped MessageId is in the mailbox with subject and both bodies', async () => {
    const out = await v1.send(simple(['reader@example.net'], 'Hello & welcome'));
    expect(out.MessageId).toMatch(
      /^0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000$/,
    );
    const [captured] = await mailbox(emulator, `?id=${out.MessageId}`);
    expect(captured).toMatchObject({
      Source: 'Sender <sender@v1send.example>',
      Subject: 'Hello & welcome',
      Destination: { ToAddresses: ['reader@example.net'] },
      Body: { text_part: 'Plain ü', html_part: '<p>Html</p>' },
    });
  });

  it('when the sender is not verified, then MessageRejected names it and the Region', async () => {
    const error = await failure(
      v1.send(
        new SendEmailCommand({
          Source: 'stranger@nowhere.example',
          Destination: { ToAddresses: ['reader@example.net'] },
          Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } },
        }),
      ),
    );
    expect(error).toEqual({
      name: 'MessageRejected',
      status: 400,
      message:
        'Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@nowhere.example',
    });
  });

  it('when a tag or the configuration set is bad, then InvalidParameterValue / ConfigurationSetDoesNotExist with SES’s messages', async () => {
    const tag = await failure(
      v1.send(
        new SendEmailCommand({
          Source: 'sender@v1send.example',
          Destination: { ToAddresses: ['reader@example.net'] },
          Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } },
          Tags: [{ Name: 'bad name', Value: 'v' }],
        }),
      ),
    );
    expect(tag).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: "Invalid tag name bad name: only alphanumeric ASCII characters, '_',  '-' are allowed.",
    });
    const set = await failure(
      v1.send(
        new SendEmailCommand({
          Source: 'sender@v1send.example',
          Destination: { ToAddresses: ['reader@example.net'] },
          Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } },
          ConfigurationSetName: 'nope',
        }),
      ),
    );
    // The wire code is ConfigurationSetDoesNotExist; the SDK's modeled class adds "Exception".
    expect(set).toEqual({
      name: 'ConfigurationSetDoesNotExistException',
      status: 400,
      message: 'Configuration set <nope> does not exist.',
    });
  });

  it('when SendRawEmail sends a MIME message with Destinations, then it is captured raw and To comes from Destinations', async () => {
    const mime = [
      'From: News <news@raw.example>',
      'To: someone@example.net',
      'Subject: Raw hello',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Raw body',
    ].join('\r\n');
    const out = await v1.send(
      new SendRawEmailCommand({
        RawMessage: { Data: new TextEncoder().encode(mime) },
        Destinations: ['first@example.net', 'second@example.net'],
      }),
    );
    const [captured] = await mailbox(emulator, `?id=${out.MessageId}`);
    expect(captured).toMatchObject({
      Source: 'News <news@raw.example>',
      Subject: 'Raw hello',
      Destination: { ToAddresses: ['first@example.net', 'second@example.net'] },
      RawData: mime,
    });
  });

  it('when a raw message has no From and no Source, then InvalidParameterValue: the From header is missing', async () => {
    const error = await failure(
      v1.send(
        new SendRawEmailCommand({
          RawMessage: { Data: new TextEncoder().encode('To: a@example.net\r\nSubject: x\r\n\r\nbody') },
        }),
      ),
    );
    expect(error).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: "Missing required header 'From'.",
    });
  });

  it('when mail goes to the mailbox simulator, then GetSendStatistics counts the attempts, bounces and complaints of the interval', async () => {
    const statsBefore = await v1.send(new GetSendStatisticsCommand({}));
    const before = (statsBefore.SendDataPoints ?? []).reduce(
      (sum, p) => ({
        attempts: sum.attempts + (p.DeliveryAttempts ?? 0),
        bounces: sum.bounces + (p.Bounces ?? 0),
        complaints: sum.complaints + (p.Complaints ?? 0),
      }),
      { attempts: 0, bounces: 0, complaints: 0 },
    );
    await v1.send(
      simple([
        'bounce@simulator.amazonses.com',
        'complaint@simulator.amazonses.com',
        'success@simulator.amazonses.com',
      ]),
    );
    const stats = await v1.send(new GetSendStatisticsCommand({}));
    const total = (stats.SendDataPoints ?? []).reduce(
      (sum, p) => ({
        attempts: sum.attempts + (p.DeliveryAttempts ?? 0),
        bounces: sum.bounces + (p.Bounces ?? 0),
        complaints: sum.complaints + (p.Complaints ?? 0),
      }),
      { attempts: 0, bounces: 0, complaints: 0 },
    );
    expect(total).toEqual({
      attempts: before.attempts + 3,
      bounces: before.bounces + 1,
      complaints: before.complaints + 1,
    });
    for (const point of stats.SendDataPoints ?? []) {
      expect(point.Timestamp).toBeInstanceOf(Date);
      expect((point.Timestamp as Date).getTime() % (15 * 60 * 1000)).toBe(0);
      expect(point.Rejects).toBe(0);
    }
  });

  it('when GetSendQuota is asked, then it reports the sandbox quota and counts what was sent in the last 24 h, as v2 GetAccount does', async () => {
    const quota = await v1.send(new GetSendQuotaCommand({}));
    expect(quota.Max24HourSend).toBe(200);
    expect(quota.MaxSendRate).toBe(1);
    const account = await sesClient(emulator).send(new GetAccountCommand({}));
    expect(quota.SentLast24Hours).toBe(account.SendQuota?.SentLast24Hours);
    expect(quota.SentLast24Hours).toBeGreaterThan(0);
    await advanceClock(emulator, 25 * HOURS);
    expect((await v1.send(new GetSendQuotaCommand({}))).SentLast24Hours).toBe(0);
  });

  it('when a v2-created identity sends through v1, then it is accepted (one identity store)', async () => {
    await sesClient(emulator).send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'made-in-v2@example.org' }),
    );
    const out = await v1.send(
      new SendEmailCommand({
        Source: 'made-in-v2@example.org',
        Destination: { ToAddresses: ['reader@example.net'] },
        Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } },
      }),
    );
    expect((await mailbox(emulator, `?id=${out.MessageId}`))[0]?.Source).toBe('made-in-v2@example.org');
  });
});
