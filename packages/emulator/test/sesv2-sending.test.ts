import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  GetAccountCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  SendEmailCommand,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import {
  advanceClock,
  failure,
  HOURS,
  mailbox,
  sesClient,
  setAccount,
  startTestEmulator,
  verificationLink,
} from './helpers.js';

const simple = (from: string, extra: Partial<SendEmailCommandInput> = {}): SendEmailCommandInput => ({
  FromEmailAddress: from,
  Destination: { ToAddresses: ['to@example.net'], CcAddresses: ['cc@example.net'] },
  Content: {
    Simple: {
      Subject: { Data: 'Hello' },
      Body: { Text: { Data: 'text body' }, Html: { Data: '<p>html</p>' } },
    },
  },
  ...extra,
});

describe('SES v2 SendEmail (realistic verification)', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator);
    // Out of the sandbox (sesv2-account-sandbox.test.ts covers it): recipients need no verification.
    await setAccount(emulator, { productionAccess: true });
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'sender@example.com' }));
    await fetch(await verificationLink(emulator, 'sender@example.com'));
  });
  afterAll(() => emulator.close());

  it('when the sender is a verified address, then SendEmail returns an SES-like MessageId and the mailbox has it', async () => {
    const { MessageId } = await ses.send(new SendEmailCommand(simple('"Sender Name" <sender@example.com>')));
    expect(MessageId).toMatch(
      /^0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000$/,
    );
    const [message] = await mailbox(emulator, `?id=${MessageId}`);
    expect(message).toMatchObject({
      Id: MessageId,
      Region: 'us-east-1',
      Source: '"Sender Name" <sender@example.com>',
      Subject: 'Hello',
      Destination: { ToAddresses: ['to@example.net'], CcAddresses: ['cc@example.net'] },
      Body: { text_part: 'text body', html_part: '<p>html</p>' },
      AccountId: '000000000000',
    });
    expect(message?.ConfigurationSetName).toBeUndefined();
    expect(new Date(message?.Timestamp ?? '').getTime()).toBeGreaterThan(0);
  });

  it('when the sender is not verified, then MessageRejected names it and the region', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'pending@example.com' }));
    for (const from of ['pending@example.com', 'stranger@nowhere.example.org']) {
      expect(await failure(ses.send(new SendEmailCommand(simple(from))))).toEqual({
        name: 'MessageRejected',
        message: `Email address is not verified. The following identities failed the check in region US-EAST-1: ${from}`,
        status: 400,
      });
    }
  });

  it('when a raw message is sent, then RawData, Subject and the recipients come from the MIME', async () => {
    const raw =
      'From: sender@example.com\r\nTo: a@example.net, B <b@example.net>\r\nSubject: Raw one\r\n\r\nBody';
    const { MessageId } = await ses.send(
      new SendEmailCommand({ Content: { Raw: { Data: Buffer.from(raw) } } }),
    );
    const [message] = await mailbox(emulator, `?id=${MessageId}`);
    expect(message).toMatchObject({ RawData: raw, Subject: 'Raw one', Source: 'sender@example.com' });
    expect(message?.Destination.ToAddresses).toEqual(['a@example.net', 'b@example.net']);
  });

  it('when there are too many, no recipients or no content, then BadRequestException names the rule', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.net`);
    const tooMany = await failure(
      ses.send(new SendEmailCommand(simple('sender@example.com', { Destination: { ToAddresses: many } }))),
    );
    expect(tooMany).toEqual({
      name: 'BadRequestException',
      message: 'Recipient count exceeds 50: this message has 51 recipients.',
      status: 400,
    });
    const none = await failure(
      ses.send(new SendEmailCommand(simple('sender@example.com', { Destination: {} }))),
    );
    expect(none.message).toMatch(/at 'destination' failed to satisfy constraint/);
    const noContent = await failure(
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'sender@example.com',
          Destination: { ToAddresses: ['a@b.com'] },
          Content: {},
        }),
      ),
    );
    expect(noContent.message).toBe(
      "1 validation error detected: Value at 'content' failed to satisfy constraint: Member must not be null",
    );
  });

  it('when a configuration set is named or is the default, then the captured message records it; unknown is NotFound', async () => {
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'default-cs' }));
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'override-cs' }));
    await ses.send(
      new PutEmailIdentityConfigurationSetAttributesCommand({
        EmailIdentity: 'sender@example.com',
        ConfigurationSetName: 'default-cs',
      }),
    );
    const byDefault = await ses.send(new SendEmailCommand(simple('sender@example.com')));
    const overridden = await ses.send(
      new SendEmailCommand(simple('sender@example.com', { ConfigurationSetName: 'override-cs' })),
    );
    expect((await mailbox(emulator, `?id=${byDefault.MessageId}`))[0]?.ConfigurationSetName).toBe(
      'default-cs',
    );
    expect((await mailbox(emulator, `?id=${overridden.MessageId}`))[0]?.ConfigurationSetName).toBe(
      'override-cs',
    );
    expect(
      await failure(
        ses.send(new SendEmailCommand(simple('sender@example.com', { ConfigurationSetName: 'nope' }))),
      ),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Configuration set <nope> does not exist.',
      status: 404,
    });
  });

  it('when messages were sent, then GetAccount counts their recipients (To + Cc + Bcc) of the last 24 h on the emulator clock', async () => {
    const before = await ses.send(new GetAccountCommand({}));
    expect(before).toMatchObject({
      SendingEnabled: true,
      ProductionAccessEnabled: true,
      EnforcementStatus: 'HEALTHY',
    });
    expect(before.SendQuota).toMatchObject({ Max24HourSend: 50_000, MaxSendRate: 14 });
    const sent = (await mailbox(emulator))
      .filter((m) => m.Source !== 'no-reply-aws@amazon.com')
      .reduce(
        (n, m) =>
          n +
          m.Destination.ToAddresses.length +
          (m.Destination.CcAddresses?.length ?? 0) +
          (m.Destination.BccAddresses?.length ?? 0),
        0,
      );
    expect(before.SendQuota?.SentLast24Hours).toBe(sent);
    expect(sent).toBeGreaterThan(0);
    await advanceClock(emulator, 24 * HOURS + 1);
    expect((await ses.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours).toBe(0);
  });
  it('when the mailbox is filtered by region, then only mail sent (or verification mail issued) in that Region comes back, and a bad region is a 400 naming the field', async () => {
    const west = sesClient(emulator, 'eu-west-1');
    await west.send(new CreateEmailIdentityCommand({ EmailIdentity: 'west@example.com' }));
    const inWest = await mailbox(emulator, '?region=eu-west-1');
    expect(inWest.length).toBeGreaterThan(0);
    expect(inWest.every((m) => m.Region === 'eu-west-1')).toBe(true);
    expect(inWest.some((m) => m.Destination.ToAddresses.includes('west@example.com'))).toBe(true);
    const inEast = await mailbox(emulator, '?region=us-east-1');
    expect(inEast.some((m) => m.Destination.ToAddresses.includes('west@example.com'))).toBe(false);
    expect(inEast.some((m) => m.Destination.ToAddresses.includes('sender@example.com'))).toBe(true);
    const bad = await fetch(`${emulator.url}/_aws/ses?region=nowhere`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'region must be a region code like "eu-west-3".' });
  });
});

describe('SES v2 SendEmail with verified domains (auto verification)', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto', sandbox: false });
    ses = sesClient(emulator);
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'domain-cs' }));
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'address-cs' }));
    await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'verified.example.com',
        ConfigurationSetName: 'domain-cs',
      }),
    );
    await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'vip@verified.example.com',
        ConfigurationSetName: 'address-cs',
      }),
    );
  });
  afterAll(() => emulator.close());

  it('when an address under a verified domain sends, then the domain default set applies', async () => {
    const { MessageId } = await ses.send(
      new SendEmailCommand(simple('Anyone <anyone@verified.example.com>')),
    );
    expect((await mailbox(emulator, `?id=${MessageId}`))[0]?.ConfigurationSetName).toBe('domain-cs');
  });

  it('when a subdomain address sends, then the parent domain authorises it', async () => {
    const { MessageId } = await ses.send(new SendEmailCommand(simple('a@mail.verified.example.com')));
    expect(MessageId).toBeTruthy();
  });

  it('when the address itself is an identity with a default, then the most specific identity wins', async () => {
    const { MessageId } = await ses.send(new SendEmailCommand(simple('vip@verified.example.com')));
    expect((await mailbox(emulator, `?id=${MessageId}`))[0]?.ConfigurationSetName).toBe('address-cs');
  });

  it('when the mailbox is filtered by source or cleared, then it answers accordingly', async () => {
    expect(
      (await mailbox(emulator, '?email=vip@verified.example.com')).every(
        (m) => m.Source === 'vip@verified.example.com',
      ),
    ).toBe(true);
    expect(await mailbox(emulator, '?email=vip@verified.example.com')).toHaveLength(1);
    const [first] = await mailbox(emulator);
    const one = await fetch(`${emulator.url}/_aws/ses?id=${first?.Id}`, { method: 'DELETE' });
    expect(one.status).toBe(204);
    expect(await mailbox(emulator, `?id=${first?.Id}`)).toEqual([]);
    expect((await mailbox(emulator)).length).toBeGreaterThan(0);
    await fetch(`${emulator.url}/_aws/ses`, { method: 'DELETE' });
    expect(await mailbox(emulator)).toEqual([]);
  });
});
