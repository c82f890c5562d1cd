import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListConfigurationSetsCommand,
  ListEmailIdentitiesCommand,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, describe, expect, it } from 'vitest';
import {
  advanceClock,
  HOURS,
  mailbox,
  sesClient,
  setAccount,
  startTestEmulator,
  verificationLink,
} from './helpers.js';

describe('persistence', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-emulator-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when the emulator restarts on the same DATA_DIR, then identities, policies, tags, sets, mailbox, tokens and clock survive', async () => {
    const first = await startTestEmulator({ dataDir });
    const ses = sesClient(first);
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'kept' }));
    const domain = await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'kept.example.com',
        ConfigurationSetName: 'kept',
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    await ses.send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: 'kept.example.com',
        PolicyName: 'p',
        Policy: '{"Version":"2012-10-17"}',
      }),
    );
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'kept@example.org' }));
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'verify-later@example.org' }));
    await fetch(await verificationLink(first, 'kept@example.org'));
    // Production access (AWS's review, granted through the control plane) lets it mail anyone; it persists.
    await setAccount(first, { productionAccess: true });
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'kept@example.org',
        Destination: { ToAddresses: ['x@example.net'] },
        Content: { Simple: { Subject: { Data: 'persisted' }, Body: { Text: { Data: 'hi' } } } },
      }),
    );
    await advanceClock(first, 2 * HOURS);
    const link = await verificationLink(first, 'verify-later@example.org');
    await first.close();

    const second = await startTestEmulator({ dataDir });
    try {
      const again = sesClient(second);
      const got = await again.send(new GetEmailIdentityCommand({ EmailIdentity: 'kept.example.com' }));
      expect(got.DkimAttributes?.Tokens).toEqual(domain.DkimAttributes?.Tokens);
      expect(got).toMatchObject({
        ConfigurationSetName: 'kept',
        Tags: [{ Key: 'k', Value: 'v' }],
        Policies: { p: '{"Version":"2012-10-17"}' },
      });
      expect(
        (await again.send(new GetEmailIdentityCommand({ EmailIdentity: 'kept@example.org' })))
          .VerificationStatus,
      ).toBe('SUCCESS');
      expect((await again.send(new ListEmailIdentitiesCommand({}))).EmailIdentities).toHaveLength(3);
      expect((await again.send(new ListConfigurationSetsCommand({}))).ConfigurationSets).toEqual(['kept']);
      expect((await mailbox(second)).map((m) => m.Subject)).toContain('persisted');
      expect(await again.send(new GetAccountCommand({}))).toMatchObject({
        ProductionAccessEnabled: true,
        SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 1 },
      });
      const clock = (await (await fetch(`${second.url}/_emulator/clock`)).json()) as { now: string };
      expect(new Date(clock.now).getTime() - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000);
      const port = new URL(link).port;
      const verified = await fetch(link.replace(`:${port}`, `:${second.port}`));
      expect(verified.status).toBe(200);
      expect(
        (await again.send(new GetEmailIdentityCommand({ EmailIdentity: 'verify-later@example.org' })))
          .VerificationStatus,
      ).toBe('SUCCESS');
    } finally {
      await second.close();
    }
  });
});
