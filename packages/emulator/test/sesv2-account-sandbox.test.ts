import {
  CreateEmailIdentityCommand,
  GetAccountCommand,
  PutAccountDetailsCommand,
  PutAccountSendingAttributesCommand,
  SendEmailCommand,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, failure, HOURS, sesClient, setAccount, startTestEmulator } from './helpers.js';

const message = (from: string, destination: SendEmailCommandInput['Destination']): SendEmailCommandInput => ({
  FromEmailAddress: from,
  Destination: destination,
  Content: { Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'body' } } } },
});

/** Ten mailbox-simulator recipients: usable in the sandbox, counted against the rate, not the quota. */
const simulators = (n: number) => Array.from({ length: n }, (_, i) => `success+${i}@simulator.amazonses.com`);

describe('SES v2 account in the sandbox (the default, as in AWS)', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    ses = sesClient(emulator);
    for (const identity of ['sender.example.com', 'friend@example.org', 'team.example.net']) {
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: identity }));
    }
  });
  afterAll(() => emulator.close());

  it('when a new account asks GetAccount, then it is in the sandbox with 200 recipients / 24 h and 1 / s', async () => {
    const account = await ses.send(new GetAccountCommand({}));
    expect(account).toMatchObject({
      ProductionAccessEnabled: false,
      SendingEnabled: true,
      EnforcementStatus: 'HEALTHY',
      SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 },
      SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('when a sandboxed account mails unverified recipients, then MessageRejected lists each one as supplied; after production access the same send goes out', async () => {
    const send = message('news@sender.example.com', {
      ToAddresses: ['friend@example.org', 'Stranger <stranger@elsewhere.example>'],
      CcAddresses: ['cc@nowhere.example'],
      BccAddresses: ['someone@team.example.net'],
    });
    const west = sesClient(emulator, 'eu-west-1');
    await west.send(new CreateEmailIdentityCommand({ EmailIdentity: 'sender.example.com' }));
    expect(await failure(ses.send(new SendEmailCommand(send)))).toEqual({
      name: 'MessageRejected',
      message:
        'Email address is not verified. The following identities failed the check in region US-EAST-1: Stranger <stranger@elsewhere.example>, cc@nowhere.example',
      status: 400,
    });
    expect((await ses.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours).toBe(0);

    const granted = await setAccount(emulator, { productionAccess: true });
    expect(granted).toMatchObject({ productionAccess: true, max24HourSend: 50_000, maxSendRate: 14 });
    const { MessageId } = await ses.send(new SendEmailCommand(send));
    expect(MessageId).toMatch(/^0100/);
    expect(await ses.send(new GetAccountCommand({}))).toMatchObject({
      ProductionAccessEnabled: true,
      SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 4 },
    });
    // The sandbox is per Region: eu-west-1 is still in it.
    expect((await failure(west.send(new SendEmailCommand(send)))).name).toBe('MessageRejected');
    expect((await west.send(new GetAccountCommand({}))).ProductionAccessEnabled).toBe(false);
    await setAccount(emulator, { productionAccess: false });
    expect((await ses.send(new GetAccountCommand({}))).SendQuota).toMatchObject({
      Max24HourSend: 200,
      MaxSendRate: 1,
    });
    await advanceClock(emulator, 60);
  });

  it('when recipients are verified addresses, addresses on a verified domain or simulator addresses, then the sandbox lets them through and counts every recipient but the simulator', async () => {
    const before = (await ses.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours ?? 0;
    await ses.send(
      new SendEmailCommand(
        message('news@sender.example.com', {
          ToAddresses: ['friend@example.org'],
          CcAddresses: ['anyone@team.example.net', 'sub@mail.team.example.net'],
          BccAddresses: ['bounce@simulator.amazonses.com'],
        }),
      ),
    );
    expect((await ses.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours).toBe(before + 3);
    await advanceClock(emulator, 24 * HOURS + 1);
    expect((await ses.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours).toBe(0);
  });

  it('when the recipients of the last 10 s reached 10 × MaxSendRate, then TooManyRequestsException "Maximum sending rate exceeded." until the window passes', async () => {
    await advanceClock(emulator, 60);
    await ses.send(new SendEmailCommand(message('news@sender.example.com', { ToAddresses: simulators(10) })));
    expect(
      await failure(
        ses.send(new SendEmailCommand(message('news@sender.example.com', { ToAddresses: simulators(1) }))),
      ),
    ).toEqual({ name: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.', status: 429 });
    await advanceClock(emulator, 10);
    const { MessageId } = await ses.send(
      new SendEmailCommand(message('news@sender.example.com', { ToAddresses: simulators(1) })),
    );
    expect(MessageId).toBeTruthy();
    // Simulator recipients count against the rate only.
    expect((await ses.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours).toBe(0);
  });

  it('when a send would pass Max24HourSend, then LimitExceededException "Daily message quota exceeded." until the rolling 24 h frees room', async () => {
    await advanceClock(emulator, 24 * HOURS + 60);
    await setAccount(emulator, { max24HourSend: 3 });
    try {
      await ses.send(
        new SendEmailCommand(
          message('news@sender.example.com', { ToAddresses: ['friend@example.org', 'a@team.example.net'] }),
        ),
      );
      await advanceClock(emulator, 3600);
      const over = message('news@sender.example.com', {
        ToAddresses: ['b@team.example.net', 'c@team.example.net'],
      });
      expect(await failure(ses.send(new SendEmailCommand(over)))).toEqual({
        name: 'LimitExceededException',
        message: 'Daily message quota exceeded.',
        status: 400,
      });
      expect((await ses.send(new GetAccountCommand({}))).SendQuota).toMatchObject({
        Max24HourSend: 3,
        SentLast24Hours: 2,
      });
      // Simulator addresses do not count against the daily quota.
      await ses.send(
        new SendEmailCommand(message('news@sender.example.com', { ToAddresses: simulators(2) })),
      );
      await advanceClock(emulator, 23 * HOURS);
      expect((await ses.send(new SendEmailCommand(over))).MessageId).toBeTruthy();
    } finally {
      await setAccount(emulator, { max24HourSend: 200 });
    }
  });

  it('when account sending is paused, then SendingPausedException until it is resumed', async () => {
    await advanceClock(emulator, 60);
    await ses.send(new PutAccountSendingAttributesCommand({ SendingEnabled: false }));
    expect((await ses.send(new GetAccountCommand({}))).SendingEnabled).toBe(false);
    const send = message('news@sender.example.com', { ToAddresses: ['friend@example.org'] });
    expect(await failure(ses.send(new SendEmailCommand(send)))).toEqual({
      name: 'SendingPausedException',
      message: 'Sending is paused for this account.',
      status: 400,
    });
    await ses.send(new PutAccountSendingAttributesCommand({ SendingEnabled: true }));
    expect((await ses.send(new SendEmailCommand(send))).MessageId).toBeTruthy();
  });

  it('when PutAccountDetails requests production access, then the review is PENDING, a second request conflicts, and the control plane grants it', async () => {
    const west = sesClient(emulator, 'eu-west-2');
    expect(
      await failure(
        west.send(new PutAccountDetailsCommand({ MailType: 'NEWSLETTER' as never, WebsiteURL: 'x' })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        "1 validation error detected: Value 'NEWSLETTER' at 'mailType' failed to satisfy constraint: Member must satisfy enum value set: [MARKETING, TRANSACTIONAL]",
      status: 400,
    });
    expect(
      await failure(
        west.send(
          new PutAccountDetailsCommand({
            MailType: 'MARKETING',
            WebsiteURL: 'https://example.com',
            ContactLanguage: 'JP' as never,
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadRequestException', status: 400 });
    await west.send(
      new PutAccountDetailsCommand({
        MailType: 'TRANSACTIONAL',
        WebsiteURL: 'https://example.com',
        ContactLanguage: 'EN',
        UseCaseDescription: 'Password resets',
        AdditionalContactEmailAddresses: ['ops@example.com'],
        ProductionAccessEnabled: true,
      }),
    );
    const pending = await west.send(new GetAccountCommand({}));
    expect(pending.ProductionAccessEnabled).toBe(false);
    expect(pending.Details).toMatchObject({
      MailType: 'TRANSACTIONAL',
      WebsiteURL: 'https://example.com',
      ContactLanguage: 'EN',
      UseCaseDescription: 'Password resets',
      AdditionalContactEmailAddresses: ['ops@example.com'],
      ReviewDetails: { Status: 'PENDING' },
    });
    expect(pending.Details?.ReviewDetails?.CaseId).toBeTruthy();
    expect(
      await failure(
        west.send(new PutAccountDetailsCommand({ MailType: 'MARKETING', WebsiteURL: 'https://example.com' })),
      ),
    ).toEqual({
      name: 'ConflictException',
      message: 'There is already an ongoing account details update under review.',
      status: 409,
    });
    await setAccount(emulator, { region: 'eu-west-2', productionAccess: true });
    const granted = await west.send(new GetAccountCommand({}));
    expect(granted).toMatchObject({
      ProductionAccessEnabled: true,
      Details: { ReviewDetails: { Status: 'GRANTED', CaseId: pending.Details?.ReviewDetails?.CaseId } },
      SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14 },
    });
  });

  it('when the control plane gets a bad account change, then 400 names the field and the rule', async () => {
    const post = (body: unknown) =>
      fetch(`${emulator.url}/_emulator/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const cases: Array<[unknown, string]> = [
      [{ productionAccess: 'yes' }, 'productionAccess must be true or false.'],
      [{ maxSendRate: 0 }, 'maxSendRate must be a number of recipients per second from 1 to 1000000.'],
      [
        { max24HourSend: 0 },
        'max24HourSend must be a whole number from 1 to 1000000000, or -1 for unlimited.',
      ],
      [{ region: 'moon', productionAccess: true }, 'region must be a region code like "eu-west-3".'],
      [{}, 'Give productionAccess (true or false), max24HourSend or maxSendRate.'],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message });
    }
    const view = await fetch(`${emulator.url}/_emulator/account?region=eu-west-1`);
    expect(await view.json()).toMatchObject({
      accountId: '000000000000',
      region: 'eu-west-1',
      productionAccess: false,
      max24HourSend: 200,
      maxSendRate: 1,
    });
  });
});

describe('SES v2 account with EMULATOR_SANDBOX=off', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto', sandbox: false });
  });
  afterAll(() => emulator.close());

  it('when the emulator starts with the sandbox off, then every account has production access and mails anyone', async () => {
    const ses = sesClient(emulator, 'ap-south-1');
    expect(await ses.send(new GetAccountCommand({}))).toMatchObject({
      ProductionAccessEnabled: true,
      SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 },
    });
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'open.example.com' }));
    const { MessageId } = await ses.send(
      new SendEmailCommand(message('a@open.example.com', { ToAddresses: ['anyone@example.net'] })),
    );
    expect(MessageId).toBeTruthy();
  });
});
