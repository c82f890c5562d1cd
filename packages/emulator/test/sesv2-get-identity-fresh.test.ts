import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  GetEmailIdentityCommand,
  type GetEmailIdentityCommandOutput,
  PutEmailIdentityConfigurationSetAttributesCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, failure, HOURS, sesClient, startTestEmulator, verificationLink } from './helpers.js';
import { createZone, route53Client } from './route53-helpers.js';

/**
 * GetEmailIdentity answers from a cache kept until the store changes (`store/store-generation.ts`).
 * Whatever changes an identity — SES v2, SES v1, Route 53, the control plane, the clock, another process
 * writing the store file — the very next read must show it. Each test reads twice first, so that the
 * answer is cached before the change.
 */
describe('GetEmailIdentity after every kind of change', () => {
  let emulator: RunningEmulator;
  let dataDir: string;
  let ses: ReturnType<typeof sesClient>;
  const arn = (name: string, region = 'us-east-1') => `arn:aws:ses:${region}:000000000000:identity/${name}`;
  const get = (name: string, client = ses) =>
    client.send(new GetEmailIdentityCommand({ EmailIdentity: name }));
  const readTwice = async (name: string): Promise<GetEmailIdentityCommandOutput> => {
    await get(name);
    return get(name);
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-get-fresh-'));
    emulator = await startTestEmulator({ dataDir });
    ses = sesClient(emulator);
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when tags are added and removed after a read, then the next read shows them', async () => {
    const name = 'tags@fresh.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    expect((await readTwice(name)).Tags).toEqual([]);
    await ses.send(new TagResourceCommand({ ResourceArn: arn(name), Tags: [{ Key: 'team', Value: 'a' }] }));
    expect((await get(name)).Tags).toEqual([{ Key: 'team', Value: 'a' }]);
    await ses.send(new UntagResourceCommand({ ResourceArn: arn(name), TagKeys: ['team'] }));
    expect((await get(name)).Tags).toEqual([]);
  });

  it('when a policy is created after a read, then the next read lists it', async () => {
    const name = 'policy@fresh.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    expect((await readTwice(name)).Policies).toEqual({});
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 'ses:SendEmail',
          Resource: arn(name),
        },
      ],
    });
    await ses.send(
      new CreateEmailIdentityPolicyCommand({ EmailIdentity: name, PolicyName: 'send', Policy: policy }),
    );
    expect((await get(name)).Policies).toEqual({ send: policy });
  });

  it('when a default configuration set is given after a read, then the next read names it', async () => {
    const name = 'sets@fresh.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'fresh-set' }));
    expect((await readTwice(name)).ConfigurationSetName).toBeUndefined();
    await ses.send(
      new PutEmailIdentityConfigurationSetAttributesCommand({
        EmailIdentity: name,
        ConfigurationSetName: 'fresh-set',
      }),
    );
    expect((await get(name)).ConfigurationSetName).toBe('fresh-set');
  });

  it('when the address’s domain is created after a read, then the address reports the domain’s DKIM', async () => {
    const address = 'someone@parent-later.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: address }));
    expect((await readTwice(address)).DkimAttributes?.Status).toBe('NOT_STARTED');
    const domain = await ses.send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'parent-later.example.com' }),
    );
    const dkim = (await get(address)).DkimAttributes;
    expect(dkim?.Status).toBe('PENDING');
    expect(dkim?.Tokens).toEqual(domain.DkimAttributes?.Tokens);
  });

  it('when the verification link is opened after a read, then the next read says SUCCESS', async () => {
    const name = 'click@fresh.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    expect((await readTwice(name)).VerificationStatus).toBe('PENDING');
    expect((await fetch(await verificationLink(emulator, name))).status).toBe(200);
    expect(await get(name)).toMatchObject({ VerificationStatus: 'SUCCESS', VerifiedForSendingStatus: true });
  });

  it('when the clock passes the link’s 24 h after a read, then the next read says FAILED', async () => {
    const name = 'late@fresh.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    expect((await readTwice(name)).VerificationStatus).toBe('PENDING');
    await advanceClock(emulator, 25 * HOURS);
    expect((await get(name)).VerificationStatus).toBe('FAILED');
  });

  it('when the zone’s SOA is changed through Route 53 after a read, then the domain reports the new SOA', async () => {
    const domain = 'soa-fresh.example.com';
    const r53 = route53Client(emulator.url);
    const { zoneId } = await createZone(r53, domain);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const before = (await readTwice(domain)).VerificationInfo?.SOARecord;
    expect(before?.PrimaryNameServer).toBeTruthy();
    await r53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: domain,
                Type: 'SOA',
                TTL: 900,
                ResourceRecords: [
                  { Value: 'ns-new.example.net. admin.soa-fresh.example.com. 42 7200 900 1209600 86400' },
                ],
              },
            },
          ],
        },
      }),
    );
    expect((await get(domain)).VerificationInfo?.SOARecord).toEqual({
      PrimaryNameServer: 'ns-new.example.net',
      AdminEmail: 'admin.soa-fresh.example.com',
      SerialNumber: 42,
    });
  });

  it('when the same name is read in two Regions and two accounts, then each answers its own identity', async () => {
    const name = 'twin@fresh.example.com';
    const west = sesClient(emulator, 'eu-west-1');
    const other = sesClient(emulator, 'us-east-1', '111122223333');
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    await west.send(
      new CreateEmailIdentityCommand({ EmailIdentity: name, Tags: [{ Key: 'where', Value: 'west' }] }),
    );
    expect((await readTwice(name)).Tags).toEqual([]);
    expect((await get(name, west)).Tags).toEqual([{ Key: 'where', Value: 'west' }]);
    expect((await failure(get(name, other))).name).toBe('NotFoundException');
  });

  it('when another process writes the store file after a read, then the next read shows its change', async () => {
    const name = 'outside@fresh.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    expect((await readTwice(name)).FeedbackForwardingStatus).toBe(true);
    const db = new Database(path.join(dataDir, 'emulator.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const changed = db
        .prepare(
          "UPDATE ses_identities SET doc = json_set(doc, '$.feedbackForwarding', json('false')) WHERE name = ? AND region = 'us-east-1'",
        )
        .run(name);
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
    expect((await get(name)).FeedbackForwardingStatus).toBe(false);
  });

  it('when the store is reset after a read, then the identity is gone', async () => {
    const name = 'reset@fresh.example.com';
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    await readTwice(name);
    expect((await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' })).status).toBe(200);
    const gone = await failure(get(name));
    expect(gone).toMatchObject({ name: 'NotFoundException', status: 404 });
  });
});
