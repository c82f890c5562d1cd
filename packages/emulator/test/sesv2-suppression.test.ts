import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  DeleteSuppressedDestinationCommand,
  GetAccountCommand,
  GetConfigurationSetCommand,
  GetSuppressedDestinationCommand,
  ListSuppressedDestinationsCommand,
  PutAccountSuppressionAttributesCommand,
  PutConfigurationSetSuppressionOptionsCommand,
  PutSuppressedDestinationCommand,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, failure, HOURS, mailbox, sesClient, startTestEmulator } from './helpers.js';

describe('SES v2 account suppression list', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    ses = sesClient(emulator);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'sender.example.com' }));
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'customers.example.org' }));
  });
  afterAll(() => emulator.close());

  it('when addresses are put, then Get returns each with its reason and time, and Delete removes it', async () => {
    await ses.send(
      new PutSuppressedDestinationCommand({ EmailAddress: 'gone@example.net', Reason: 'BOUNCE' }),
    );
    const { SuppressedDestination } = await ses.send(
      new GetSuppressedDestinationCommand({ EmailAddress: 'gone@example.net' }),
    );
    expect(SuppressedDestination).toMatchObject({ EmailAddress: 'gone@example.net', Reason: 'BOUNCE' });
    expect(SuppressedDestination?.LastUpdateTime).toBeInstanceOf(Date);
    // Putting it again replaces the reason (no AlreadyExists).
    await ses.send(
      new PutSuppressedDestinationCommand({ EmailAddress: 'gone@example.net', Reason: 'COMPLAINT' }),
    );
    expect(
      (await ses.send(new GetSuppressedDestinationCommand({ EmailAddress: 'gone@example.net' })))
        .SuppressedDestination?.Reason,
    ).toBe('COMPLAINT');
    await ses.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'gone@example.net' }));
    expect(
      await failure(ses.send(new GetSuppressedDestinationCommand({ EmailAddress: 'gone@example.net' }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Email address gone@example.net does not exist on your suppression list.',
      status: 404,
    });
    expect(
      await failure(ses.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'gone@example.net' }))),
    ).toMatchObject({ name: 'NotFoundException', status: 404 });
  });

  it('when Put gets a bad reason or address, then BadRequestException names the field', async () => {
    expect(
      await failure(
        ses.send(
          new PutSuppressedDestinationCommand({ EmailAddress: 'x@example.net', Reason: 'SPAM' as never }),
        ),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        "1 validation error detected: Value 'SPAM' at 'reason' failed to satisfy constraint: Member must satisfy enum value set: [BOUNCE, COMPLAINT]",
      status: 400,
    });
    expect(
      await failure(
        ses.send(new PutSuppressedDestinationCommand({ EmailAddress: 'not-an-address', Reason: 'BOUNCE' })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message: 'Invalid email address not-an-address: it must look like local-part@domain.tld.',
      status: 400,
    });
  });

  it('when the list is filtered by reason and dates and paged, then each page holds what matches', async () => {
    const west = sesClient(emulator, 'eu-west-1');
    const clock = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as { now: string };
    const start = new Date(clock.now);
    for (let i = 0; i < 5; i++) {
      await west.send(
        new PutSuppressedDestinationCommand({
          EmailAddress: `user${i}@example.net`,
          Reason: i % 2 === 0 ? 'BOUNCE' : 'COMPLAINT',
        }),
      );
      await advanceClock(emulator, HOURS);
    }
    const bounces = await west.send(new ListSuppressedDestinationsCommand({ Reasons: ['BOUNCE'] }));
    expect(bounces.SuppressedDestinationSummaries?.map((s) => s.EmailAddress)).toEqual([
      'user0@example.net',
      'user2@example.net',
      'user4@example.net',
    ]);
    const middle = await west.send(
      new ListSuppressedDestinationsCommand({
        StartDate: new Date(start.getTime() + HOURS * 1000 - 1000),
        EndDate: new Date(start.getTime() + 3 * HOURS * 1000 - 1000),
      }),
    );
    expect(middle.SuppressedDestinationSummaries?.map((s) => s.EmailAddress)).toEqual([
      'user1@example.net',
      'user2@example.net',
    ]);
    const first = await west.send(new ListSuppressedDestinationsCommand({ PageSize: 2 }));
    expect(first.SuppressedDestinationSummaries).toHaveLength(2);
    expect(first.NextToken).toBeTruthy();
    const second = await west.send(
      new ListSuppressedDestinationsCommand({ PageSize: 2, NextToken: first.NextToken }),
    );
    const third = await west.send(
      new ListSuppressedDestinationsCommand({ PageSize: 2, NextToken: second.NextToken }),
    );
    expect(
      [first, second, third].flatMap((p) => p.SuppressedDestinationSummaries?.map((s) => s.EmailAddress)),
    ).toEqual([0, 1, 2, 3, 4].map((i) => `user${i}@example.net`));
    expect(third.NextToken).toBeUndefined();
    expect(await failure(west.send(new ListSuppressedDestinationsCommand({ NextToken: 'forged' })))).toEqual({
      name: 'BadRequestException',
      message: 'Invalid NextToken: forged',
      status: 400,
    });
    // The list is per Region.
    expect(
      (await ses.send(new ListSuppressedDestinationsCommand({}))).SuppressedDestinationSummaries,
    ).toEqual([]);
  });

  it('when a recipient is on the list, then SendEmail is accepted and that recipient bounces OnAccountSuppressionList while the others are delivered', async () => {
    await ses.send(
      new PutSuppressedDestinationCommand({
        EmailAddress: 'blocked@customers.example.org',
        Reason: 'BOUNCE',
      }),
    );
    const { MessageId } = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'news@sender.example.com',
        Destination: {
          ToAddresses: ['Blocked@customers.example.org', 'fine@customers.example.org'],
          BccAddresses: ['suppressionlist@simulator.amazonses.com'],
        },
        Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'b' } } } },
      }),
    );
    const [captured] = await mailbox(emulator, `?id=${MessageId}`);
    expect(captured?.Deliveries).toEqual([
      {
        Recipient: 'Blocked@customers.example.org',
        Outcome: 'bounced',
        BounceType: 'Permanent',
        BounceSubType: 'OnAccountSuppressionList',
      },
      { Recipient: 'fine@customers.example.org', Outcome: 'delivered' },
      {
        Recipient: 'suppressionlist@simulator.amazonses.com',
        Outcome: 'bounced',
        BounceType: 'Permanent',
        BounceSubType: 'OnAccountSuppressionList',
      },
    ]);
  });

  it('when simulator addresses bounce or complain, then the account list is untouched (the simulator never adds entries)', async () => {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'news@sender.example.com',
        Destination: { ToAddresses: ['bounce@simulator.amazonses.com', 'complaint@simulator.amazonses.com'] },
        Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'b' } } } },
      }),
    );
    const listed = await ses.send(new ListSuppressedDestinationsCommand({}));
    expect(listed.SuppressedDestinationSummaries?.map((s) => s.EmailAddress)).toEqual([
      'blocked@customers.example.org',
    ]);
  });

  it('when account and configuration-set suppression reasons are set, then GetAccount and GetConfigurationSet show them; bad reasons are refused', async () => {
    await ses.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: ['COMPLAINT'] }));
    expect((await ses.send(new GetAccountCommand({}))).SuppressionAttributes).toEqual({
      SuppressedReasons: ['COMPLAINT'],
    });
    await ses.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: [] }));
    expect((await ses.send(new GetAccountCommand({}))).SuppressionAttributes).toEqual({
      SuppressedReasons: [],
    });
    await ses.send(
      new CreateConfigurationSetCommand({
        ConfigurationSetName: 'quiet',
        SuppressionOptions: { SuppressedReasons: ['BOUNCE'] },
      }),
    );
    expect(
      (await ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'quiet' }))).SuppressionOptions,
    ).toEqual({
      SuppressedReasons: ['BOUNCE'],
    });
    await ses.send(
      new PutConfigurationSetSuppressionOptionsCommand({
        ConfigurationSetName: 'quiet',
        SuppressedReasons: ['BOUNCE', 'COMPLAINT'],
      }),
    );
    expect(
      (await ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'quiet' }))).SuppressionOptions,
    ).toEqual({
      SuppressedReasons: ['BOUNCE', 'COMPLAINT'],
    });
    expect(
      await failure(
        ses.send(
          new PutConfigurationSetSuppressionOptionsCommand({
            ConfigurationSetName: 'ghost',
            SuppressedReasons: [],
          }),
        ),
      ),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Configuration set <ghost> does not exist.',
      status: 404,
    });
    expect(
      await failure(
        ses.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: ['SPAM' as never] })),
      ),
    ).toEqual({
      name: 'BadRequestException',
      message:
        "1 validation error detected: Value 'SPAM' at 'suppressedReasons' failed to satisfy constraint: Member must satisfy enum value set: [BOUNCE, COMPLAINT]",
      status: 400,
    });
  });
});
