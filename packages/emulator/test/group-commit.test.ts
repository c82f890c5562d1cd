import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { afterAll, describe, expect, it } from 'vitest';
import { mailbox, sesClient, startTestEmulator } from './helpers.js';

/** Every identity name in the client's Region, in list order. */
async function names(client: SESv2Client): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListEmailIdentitiesCommand({ PageSize: 1000, NextToken: token }));
    out.push(...(page.EmailIdentities ?? []).map((i) => i.IdentityName as string));
    token = page.NextToken;
  } while (token);
  return out;
}

describe('writes arriving together (one SQLite commit per event-loop turn)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-batch-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when creates arrive at once and some are refused, then each refusal undoes only its own request and every success survives a restart', async () => {
    const first = await startTestEmulator({ dataDir });
    const ses = sesClient(first);
    const wanted = Array.from({ length: 40 }, (_, i) => `batch-${i}@example.com`);
    let outcomes: PromiseSettledResult<unknown>[];
    try {
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'batch-7@example.com' }));
      // Duplicates of an existing identity and of each other, an unknown configuration set, and good ones,
      // all in flight together.
      outcomes = await Promise.allSettled([
        ...wanted.map((EmailIdentity) => ses.send(new CreateEmailIdentityCommand({ EmailIdentity }))),
        ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'batch-3@example.com' })),
        ses.send(
          new CreateEmailIdentityCommand({
            EmailIdentity: 'no-such-set@example.com',
            ConfigurationSetName: 'nope',
          }),
        ),
      ]);
    } finally {
      ses.destroy();
      // Closing right after the last answer: nothing acknowledged may be left uncommitted.
      await first.close();
    }
    const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as Error).name] : []));
    expect(rejected.sort()).toEqual([
      'AlreadyExistsException',
      'AlreadyExistsException',
      'NotFoundException',
    ]);

    const second = await startTestEmulator({ dataDir });
    const again = sesClient(second);
    try {
      const stored = await names(again);
      expect([...stored].sort()).toEqual([...wanted].sort());
      // One verification email per stored address, none for the refused ones.
      const sent = (await mailbox(second, '?email=no-reply-aws@amazon.com')).flatMap(
        (m) => m.Destination.ToAddresses,
      );
      expect(sent.sort()).toEqual([...wanted].sort());
    } finally {
      again.destroy();
      await second.close();
    }
  });
});
