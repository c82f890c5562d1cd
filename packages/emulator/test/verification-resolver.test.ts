import { ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { CreateEmailIdentityCommand, GetEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDnsServer, startDnsServer } from '../src/dns/dns-server.js';
import { answerFromZones, type HostedZoneRecords } from '../src/dns/zone-answers.js';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, sesClient, startTestEmulator } from './helpers.js';
import { createZone, route53Client } from './route53-helpers.js';

/** Polls until `check` passes: in resolver mode the engine's pass runs after asynchronous DNS queries. */
async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('EMULATOR_VERIFICATION_DNS=resolver: the engine checks DNS through a real resolver', () => {
  describe('against the emulator’s own DNS server (the default)', () => {
    let emulator: RunningEmulator;
    let ses: SESv2Client;
    beforeAll(async () => {
      emulator = await startTestEmulator({ dnsPort: 0, verificationDns: { mode: 'resolver' } });
      ses = sesClient(emulator);
    });
    afterAll(() => emulator.close());

    it('when the DKIM CNAMEs are published through Route 53, then the domain verifies via DNS queries', async () => {
      const created = await ses.send(
        new CreateEmailIdentityCommand({ EmailIdentity: 'resolver-own.example' }),
      );
      const tokens = created.DkimAttributes?.Tokens ?? [];
      const r53 = route53Client(emulator.url);
      const { zoneId } = await createZone(r53, 'resolver-own.example');
      await r53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: {
            Changes: tokens.map((t) => ({
              Action: 'UPSERT' as const,
              ResourceRecordSet: {
                Name: `${t}._domainkey.resolver-own.example`,
                Type: 'CNAME' as const,
                TTL: 1800,
                ResourceRecords: [{ Value: `${t}.dkim.amazonses.com` }],
              },
            })),
          },
        }),
      );
      await eventually(async () => {
        const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'resolver-own.example' }));
        expect(got.VerificationStatus).toBe('SUCCESS');
        expect(got.DkimAttributes?.Status).toBe('SUCCESS');
      });
    });
  });

  describe('against another DNS server that has records the Route 53 store does not', () => {
    let emulator: RunningEmulator;
    let outside: RunningDnsServer;
    const records = new Map<string, Array<{ type: string; ttl: number; values: string[] }>>();
    const zone: HostedZoneRecords = {
      name: 'outside.example',
      recordSets: (name) => records.get(name) ?? [],
      hasNamesBelow: (name) => [...records.keys()].some((n) => n.endsWith(`.${name}`)),
    };
    beforeAll(async () => {
      outside = await startDnsServer({
        host: '127.0.0.1',
        port: 0,
        source: (q) =>
          answerFromZones({ zoneFor: (n) => (n.endsWith('outside.example') ? zone : undefined) }, q),
      });
      emulator = await startTestEmulator({
        verificationDns: { mode: 'resolver', servers: [`127.0.0.1:${outside.port}`] },
      });
    });
    afterAll(async () => {
      await emulator.close();
      await outside.close();
    });

    it('when only the outside DNS has the CNAMEs, then the domain verifies on the next pass (the store is not read)', async () => {
      const ses = sesClient(emulator);
      const created = await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'outside.example' }));
      for (const t of created.DkimAttributes?.Tokens ?? []) {
        records.set(`${t}._domainkey.outside.example`, [
          { type: 'CNAME', ttl: 60, values: [`${t}.dkim.amazonses.com`] },
        ]);
      }
      await advanceClock(emulator, 60); // a clock change triggers a pass
      await eventually(async () => {
        const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'outside.example' }));
        expect(got.VerificationStatus).toBe('SUCCESS');
      });
    });

    it('when a CNAME points elsewhere, then the identity stays pending with INVALID_VALUE', async () => {
      const ses = sesClient(emulator);
      const created = await ses.send(
        new CreateEmailIdentityCommand({ EmailIdentity: 'wrong.outside.example' }),
      );
      for (const t of created.DkimAttributes?.Tokens ?? []) {
        records.set(`${t}._domainkey.wrong.outside.example`, [
          { type: 'CNAME', ttl: 60, values: ['elsewhere.example.net'] },
        ]);
      }
      await advanceClock(emulator, 600);
      await eventually(async () => {
        const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'wrong.outside.example' }));
        expect(got.VerificationStatus).toBe('PENDING');
        expect(got.VerificationInfo?.ErrorType).toBe('INVALID_VALUE');
      });
    });
  });
});
