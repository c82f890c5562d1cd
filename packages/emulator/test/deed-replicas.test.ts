import {
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  DeleteEmailIdentityCommand,
  DkimSigningAttributesOrigin,
  GetEmailIdentityCommand,
  type GetEmailIdentityCommandOutput,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimCnameRecords, EmulatorClient } from '../src/client/index.js';
import type { RunningEmulator } from '../src/index.js';
import { DEED_REGIONS, replicaOrigin } from '../src/services/ses/dkim-regions.js';
import { EASY_DKIM_KEY_ROTATION_INTERVAL_MS } from '../src/services/ses/verification/dkim-key-rotation.js';
import { advanceClock, failure, HOURS, startTestEmulator } from './helpers.js';

const ROTATION_SECONDS = EASY_DKIM_KEY_ROTATION_INTERVAL_MS / 1000;

/**
 * Deterministic Easy DKIM (DEED): a domain created in another Region with
 * `DomainSigningAttributesOrigin: AWS_SES_<PARENT_REGION>` uses the parent's key and DNS records.
 * Everything through the real SES v2 and Route 53 SDK clients, on the emulator clock.
 */
describe('Deterministic Easy DKIM replicas', () => {
  let emulator: RunningEmulator;
  let client: EmulatorClient;
  const ses = (region: string) => client.ses(region);

  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'realistic' });
    client = new EmulatorClient(emulator.url, { maxAttempts: 1 });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  const get = (region: string, domain: string) =>
    ses(region).send(new GetEmailIdentityCommand({ EmailIdentity: domain }));

  const createReplica = (region: string, domain: string, origin: string) =>
    ses(region).send(
      new CreateEmailIdentityCommand({
        EmailIdentity: domain,
        DkimSigningAttributes: { DomainSigningAttributesOrigin: origin as 'AWS_SES_US_EAST_1' },
      }),
    );

  /** A parent created in `region`; with `publish`, verified the way SES verifies it (its CNAMEs in Route 53). */
  async function parent(
    domain: string,
    region = 'us-east-1',
    publish = true,
  ): Promise<{ tokens: string[]; zoneId: string; hostedZone: string }> {
    const created = await ses(region).send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const tokens = created.DkimAttributes?.Tokens ?? [];
    const hostedZone = created.DkimAttributes?.SigningHostedZone ?? '';
    const zoneId = await client.createHostedZone(domain, `${domain}-zone`);
    if (publish) {
      await client.changeRecords(zoneId, 'UPSERT', dkimCnameRecords(domain, tokens, hostedZone));
      expect((await get(region, domain)).VerificationStatus).toBe('SUCCESS');
    }
    return { tokens, zoneId, hostedZone };
  }

  function expectFailed(got: GetEmailIdentityCommandOutput, errorType: string, origin: string): void {
    expect(got.VerificationStatus).toBe('FAILED');
    expect(got.VerifiedForSendingStatus).toBe(false);
    expect(got.VerificationInfo?.ErrorType).toBe(errorType);
    expect(got.DkimAttributes).toMatchObject({ Status: 'FAILED', SigningAttributesOrigin: origin });
    expect(got.DkimAttributes?.Tokens ?? []).toEqual([]);
  }

  it('when a replica of a verified Easy DKIM parent is created in another Region, then it verifies with no DNS change and reports the parent’s tokens, key lengths, hosted zone and origin', async () => {
    const { tokens } = await parent('verified.example.com');
    const parentGot = await get('us-east-1', 'verified.example.com');

    const created = await createReplica('us-west-2', 'verified.example.com', 'AWS_SES_US_EAST_1');
    expect(created.IdentityType).toBe('DOMAIN');
    expect(created.DkimAttributes).toMatchObject({
      SigningAttributesOrigin: 'AWS_SES_US_EAST_1',
      Tokens: tokens,
      SigningHostedZone: 'dkim.amazonses.com',
    });

    const replica = await get('us-west-2', 'verified.example.com');
    expect(replica.VerificationStatus).toBe('SUCCESS');
    expect(replica.VerifiedForSendingStatus).toBe(true);
    expect(replica.DkimAttributes).toMatchObject({
      Status: 'SUCCESS',
      SigningEnabled: true,
      SigningAttributesOrigin: 'AWS_SES_US_EAST_1',
      Tokens: tokens,
      SigningHostedZone: parentGot.DkimAttributes?.SigningHostedZone,
      CurrentSigningKeyLength: parentGot.DkimAttributes?.CurrentSigningKeyLength,
      NextSigningKeyLength: parentGot.DkimAttributes?.NextSigningKeyLength,
    });
    expect(replica.DkimAttributes?.LastKeyGenerationTimestamp).toEqual(
      parentGot.DkimAttributes?.LastKeyGenerationTimestamp,
    );
    // The parent itself stays an ordinary Easy DKIM identity.
    expect((await get('us-east-1', 'verified.example.com')).DkimAttributes?.SigningAttributesOrigin).toBe(
      'AWS_SES',
    );
  });

  it('when the parent’s records are not in DNS yet, then the replica stays PENDING, and it verifies together with the parent once they are published', async () => {
    const { tokens, zoneId, hostedZone } = await parent('later.example.com', 'us-east-1', false);
    await createReplica('eu-west-1', 'later.example.com', 'AWS_SES_US_EAST_1');
    await advanceClock(emulator, 2 * HOURS);
    const pending = await get('eu-west-1', 'later.example.com');
    expect(pending.VerificationStatus).toBe('PENDING');
    expect(pending.DkimAttributes).toMatchObject({ Status: 'PENDING', Tokens: tokens });

    await client.changeRecords(zoneId, 'UPSERT', dkimCnameRecords('later.example.com', tokens, hostedZone));
    expect((await get('eu-west-1', 'later.example.com')).VerificationStatus).toBe('SUCCESS');
    expect((await get('us-east-1', 'later.example.com')).VerificationStatus).toBe('SUCCESS');
  });

  it('when the parent’s records disappear, then the replica loses its verification with the parent (TEMPORARY_FAILURE)', async () => {
    const { tokens, zoneId, hostedZone } = await parent('lost.example.com');
    await createReplica('us-west-2', 'lost.example.com', 'AWS_SES_US_EAST_1');
    expect((await get('us-west-2', 'lost.example.com')).VerificationStatus).toBe('SUCCESS');

    await client.changeRecords(zoneId, 'DELETE', dkimCnameRecords('lost.example.com', tokens, hostedZone));
    const replica = await get('us-west-2', 'lost.example.com');
    expect(replica.VerificationStatus).toBe('TEMPORARY_FAILURE');
    expect(replica.DkimAttributes?.Status).toBe('TEMPORARY_FAILURE');
  });

  it('when no identity of that name exists in the parent Region, then the replica is created FAILED with REPLICATION_PRIMARY_NOT_FOUND', async () => {
    const created = await createReplica('us-west-2', 'orphan.example.com', 'AWS_SES_US_EAST_1');
    expect(created.DkimAttributes?.SigningAttributesOrigin).toBe('AWS_SES_US_EAST_1');
    expectFailed(
      await get('us-west-2', 'orphan.example.com'),
      'REPLICATION_PRIMARY_NOT_FOUND',
      'AWS_SES_US_EAST_1',
    );
    // A failed replica is terminal: publishing records or creating the parent later changes nothing.
    await parent('orphan.example.com');
    await advanceClock(emulator, 1 * HOURS);
    expectFailed(
      await get('us-west-2', 'orphan.example.com'),
      'REPLICATION_PRIMARY_NOT_FOUND',
      'AWS_SES_US_EAST_1',
    );
  });

  it('when the parent uses BYODKIM, then the replica is FAILED with REPLICATION_PRIMARY_BYO_DKIM_NOT_SUPPORTED', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const der = privateKey.export({ format: 'der', type: 'pkcs1' }).toString('base64');
    await ses('us-east-1').send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'byo.example.com',
        DkimSigningAttributes: { DomainSigningSelector: 'sel1', DomainSigningPrivateKey: der },
      }),
    );
    await createReplica('us-west-2', 'byo.example.com', 'AWS_SES_US_EAST_1');
    expectFailed(
      await get('us-west-2', 'byo.example.com'),
      'REPLICATION_PRIMARY_BYO_DKIM_NOT_SUPPORTED',
      'AWS_SES_US_EAST_1',
    );
  });

  it('when the named parent is itself a replica, then the new replica is FAILED with REPLICATION_REPLICA_AS_PRIMARY_NOT_SUPPORTED', async () => {
    await parent('chain.example.com');
    await createReplica('us-west-2', 'chain.example.com', 'AWS_SES_US_EAST_1');
    expect((await get('us-west-2', 'chain.example.com')).VerificationStatus).toBe('SUCCESS');

    await createReplica('eu-west-1', 'chain.example.com', 'AWS_SES_US_WEST_2');
    expectFailed(
      await get('eu-west-1', 'chain.example.com'),
      'REPLICATION_REPLICA_AS_PRIMARY_NOT_SUPPORTED',
      'AWS_SES_US_WEST_2',
    );
  });

  it('when the parent Region is in another partition (GovCloud), then the replica is FAILED with REPLICATION_PRIMARY_INVALID_REGION', async () => {
    await parent('gov.example.com', 'us-gov-west-1');
    await createReplica('us-east-1', 'gov.example.com', 'AWS_SES_US_GOV_WEST_1');
    expectFailed(
      await get('us-east-1', 'gov.example.com'),
      'REPLICATION_PRIMARY_INVALID_REGION',
      'AWS_SES_US_GOV_WEST_1',
    );
    // Within the GovCloud partition it works.
    await createReplica('us-gov-east-1', 'gov.example.com', 'AWS_SES_US_GOV_WEST_1');
    expect((await get('us-gov-east-1', 'gov.example.com')).VerificationStatus).toBe('SUCCESS');
  });

  it('when the parent’s policy denies ses:ReplicateEmailIdentityDkimSigningKey for the replica Region, then that replica is FAILED with REPLICATION_ACCESS_DENIED and other Regions still replicate', async () => {
    await parent('denied.example.com');
    await ses('us-east-1').send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: 'denied.example.com',
        PolicyName: 'no-eu-replicas',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 'ses:ReplicateEmailIdentityDKIMSigningKey',
              Resource: 'arn:aws:ses:us-east-1:*:identity/denied.example.com',
              Condition: { 'ForAllValues:StringLike': { 'ses:ReplicaRegion': 'eu-*' } },
            },
          ],
        }),
      }),
    );
    await createReplica('eu-west-1', 'denied.example.com', 'AWS_SES_US_EAST_1');
    expectFailed(
      await get('eu-west-1', 'denied.example.com'),
      'REPLICATION_ACCESS_DENIED',
      'AWS_SES_US_EAST_1',
    );

    await createReplica('us-west-2', 'denied.example.com', 'AWS_SES_US_EAST_1');
    expect((await get('us-west-2', 'denied.example.com')).VerificationStatus).toBe('SUCCESS');
  });

  it('when the parent changes its key length, then every replica reports the same next length at once and the same current length after the rotation', async () => {
    await parent('keys.example.com');
    await createReplica('us-west-2', 'keys.example.com', 'AWS_SES_US_EAST_1');
    await createReplica('eu-west-1', 'keys.example.com', 'AWS_SES_US_EAST_1');
    await advanceClock(emulator, 25 * HOURS);

    await ses('us-east-1').send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'keys.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
      }),
    );
    for (const region of ['us-west-2', 'eu-west-1']) {
      expect((await get(region, 'keys.example.com')).DkimAttributes).toMatchObject({
        CurrentSigningKeyLength: 'RSA_2048_BIT',
        NextSigningKeyLength: 'RSA_1024_BIT',
        Status: 'SUCCESS',
      });
    }

    await advanceClock(emulator, ROTATION_SECONDS);
    const parentGot = await get('us-east-1', 'keys.example.com');
    expect(parentGot.DkimAttributes?.CurrentSigningKeyLength).toBe('RSA_1024_BIT');
    for (const region of ['us-west-2', 'eu-west-1']) {
      const replica = await get(region, 'keys.example.com');
      expect(replica.DkimAttributes).toMatchObject({
        CurrentSigningKeyLength: 'RSA_1024_BIT',
        NextSigningKeyLength: 'RSA_1024_BIT',
        Tokens: parentGot.DkimAttributes?.Tokens,
        Status: 'SUCCESS',
      });
      expect(replica.DkimAttributes?.LastKeyGenerationTimestamp).toEqual(
        parentGot.DkimAttributes?.LastKeyGenerationTimestamp,
      );
    }
  });

  it('when a replica is created while the parent’s key-length change waits for its rotation, then it rotates with the parent', async () => {
    await parent('midway.example.com');
    await advanceClock(emulator, 25 * HOURS);
    await ses('us-east-1').send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'midway.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
      }),
    );
    await createReplica('ap-southeast-2', 'midway.example.com', 'AWS_SES_US_EAST_1');
    expect((await get('ap-southeast-2', 'midway.example.com')).DkimAttributes?.NextSigningKeyLength).toBe(
      'RSA_1024_BIT',
    );
    await advanceClock(emulator, ROTATION_SECONDS);
    expect((await get('ap-southeast-2', 'midway.example.com')).DkimAttributes?.CurrentSigningKeyLength).toBe(
      'RSA_1024_BIT',
    );
  });

  it('when the parent still has replicas, then deleting it is refused with a 400 naming their Regions, and it succeeds once the last replica is gone', async () => {
    await parent('family.example.com');
    await createReplica('us-west-2', 'family.example.com', 'AWS_SES_US_EAST_1');
    await createReplica('eu-west-1', 'family.example.com', 'AWS_SES_US_EAST_1');
    const del = () =>
      ses('us-east-1').send(new DeleteEmailIdentityCommand({ EmailIdentity: 'family.example.com' }));

    const refused = await failure(del());
    expect(refused).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(refused.message).toBe(
      'Cannot delete identity family.example.com: it is the parent of Deterministic Easy DKIM replicas in eu-west-1, us-west-2. Delete the replicas first.',
    );
    await ses('us-west-2').send(new DeleteEmailIdentityCommand({ EmailIdentity: 'family.example.com' }));
    expect((await failure(del())).message).toContain('replicas in eu-west-1.');
    expect((await get('us-east-1', 'family.example.com')).VerificationStatus).toBe('SUCCESS');

    await ses('eu-west-1').send(new DeleteEmailIdentityCommand({ EmailIdentity: 'family.example.com' }));
    await del();
    expect((await failure(get('us-east-1', 'family.example.com'))).name).toBe('NotFoundException');
  });

  it('when only a failed replica names the parent, then the parent can be deleted (the failed replica never got its key)', async () => {
    await parent('loose.example.com');
    await ses('us-east-1').send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: 'loose.example.com',
        PolicyName: 'deny-all',
        Policy: JSON.stringify({
          Statement: [{ Effect: 'Deny', Principal: '*', Action: 'ses:*', Resource: '*' }],
        }),
      }),
    );
    await createReplica('us-west-2', 'loose.example.com', 'AWS_SES_US_EAST_1');
    expect((await get('us-west-2', 'loose.example.com')).VerificationInfo?.ErrorType).toBe(
      'REPLICATION_ACCESS_DENIED',
    );
    await ses('us-east-1').send(new DeleteEmailIdentityCommand({ EmailIdentity: 'loose.example.com' }));
  });

  it('when a replica’s DKIM signing attributes or DKIM signing flag are changed, then the change is refused with a 400 naming the parent Region, and re-putting the current flag is accepted', async () => {
    await parent('managed.example.com');
    await createReplica('us-west-2', 'managed.example.com', 'AWS_SES_US_EAST_1');
    const signing = await failure(
      ses('us-west-2').send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'managed.example.com',
          SigningAttributesOrigin: 'AWS_SES',
          SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
        }),
      ),
    );
    expect(signing).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(signing.message).toContain('is a Deterministic Easy DKIM replica of the identity in us-east-1');
    expect(signing.message).toContain('DKIM signing attributes follow the parent');

    const flag = await failure(
      ses('us-west-2').send(
        new PutEmailIdentityDkimAttributesCommand({
          EmailIdentity: 'managed.example.com',
          SigningEnabled: false,
        }),
      ),
    );
    expect(flag).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(flag.message).toContain('DKIM attributes (DKIM signing) follow the parent');

    await ses('us-west-2').send(
      new PutEmailIdentityDkimAttributesCommand({
        EmailIdentity: 'managed.example.com',
        SigningEnabled: true,
      }),
    );
    expect((await get('us-west-2', 'managed.example.com')).DkimAttributes).toMatchObject({
      SigningEnabled: true,
      CurrentSigningKeyLength: 'RSA_2048_BIT',
      NextSigningKeyLength: 'RSA_2048_BIT',
    });
  });

  it('when a parent with replicas switches to BYODKIM, then it is refused with a 400 naming the replica Regions, and the parent keeps its Easy DKIM', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const der = privateKey.export({ format: 'der', type: 'pkcs1' }).toString('base64');
    const { tokens } = await parent('switch.example.com');
    await createReplica('us-west-2', 'switch.example.com', 'AWS_SES_US_EAST_1');
    const refused = await failure(
      ses('us-east-1').send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'switch.example.com',
          SigningAttributesOrigin: 'EXTERNAL',
          SigningAttributes: { DomainSigningSelector: 'sel', DomainSigningPrivateKey: der },
        }),
      ),
    );
    expect(refused).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(refused.message).toContain('parent of Deterministic Easy DKIM replicas in us-west-2');
    expect((await get('us-east-1', 'switch.example.com')).DkimAttributes).toMatchObject({
      SigningAttributesOrigin: 'AWS_SES',
      Tokens: tokens,
    });
  });

  describe('Region-specific DKIM hosted zones', () => {
    it('when a parent is in a Region with its own DKIM zone, then its SigningHostedZone is dkim.<region>.amazonses.com and only CNAMEs into that zone verify it', async () => {
      const created = await ses('af-south-1').send(
        new CreateEmailIdentityCommand({ EmailIdentity: 'cape.example.com' }),
      );
      const tokens = created.DkimAttributes?.Tokens ?? [];
      expect(created.DkimAttributes?.SigningHostedZone).toBe('dkim.af-south-1.amazonses.com');
      const zoneId = await client.createHostedZone('cape.example.com', 'cape-zone');
      await client.changeRecords(zoneId, 'UPSERT', dkimCnameRecords('cape.example.com', tokens));
      const wrongZone = await get('af-south-1', 'cape.example.com');
      expect(wrongZone.VerificationStatus).toBe('PENDING');
      expect(wrongZone.VerificationInfo?.ErrorType).toBe('INVALID_VALUE');

      await client.changeRecords(
        zoneId,
        'UPSERT',
        dkimCnameRecords('cape.example.com', tokens, 'dkim.af-south-1.amazonses.com'),
      );
      expect((await get('af-south-1', 'cape.example.com')).VerificationStatus).toBe('SUCCESS');
    });

    it('when a replica’s parent is in a Region with its own zone, then the replica reports the parent’s zone, not its own Region’s, and verifies through the parent’s CNAMEs', async () => {
      await parent('osaka.example.com', 'ap-northeast-3');
      await createReplica('us-east-1', 'osaka.example.com', 'AWS_SES_AP_NORTHEAST_3');
      const replica = await get('us-east-1', 'osaka.example.com');
      expect(replica.DkimAttributes?.SigningHostedZone).toBe('dkim.ap-northeast-3.amazonses.com');
      expect(replica.VerificationStatus).toBe('SUCCESS');
    });

    it('when a replica is in a Region with its own zone and its parent is not, then the replica reports dkim.amazonses.com', async () => {
      await parent('milan.example.com', 'eu-west-1');
      await createReplica('eu-south-1', 'milan.example.com', 'AWS_SES_EU_WEST_1');
      const replica = await get('eu-south-1', 'milan.example.com');
      expect(replica.DkimAttributes?.SigningHostedZone).toBe('dkim.amazonses.com');
      expect(replica.VerificationStatus).toBe('SUCCESS');
      // An ordinary identity in eu-south-1 uses that Region's own zone.
      const own = await ses('eu-south-1').send(
        new CreateEmailIdentityCommand({ EmailIdentity: 'own-milan.example.com' }),
      );
      expect(own.DkimAttributes?.SigningHostedZone).toBe('dkim.eu-south-1.amazonses.com');
    });

    it('when the emulator’s DEED Regions are compared with the SDK’s DkimSigningAttributesOrigin enum, then every AWS_SES_<REGION> value is accepted and no other', async () => {
      const fromSdk = Object.values(DkimSigningAttributesOrigin)
        .filter((v) => v.startsWith('AWS_SES_'))
        .sort();
      expect(DEED_REGIONS.map(replicaOrigin).sort()).toEqual(fromSdk);
    });
  });

  describe('bad input is a 400 naming the field, and nothing is created', () => {
    async function refused(region: string, domain: string, attrs: Record<string, string>) {
      const error = await failure(
        ses(region).send(
          new CreateEmailIdentityCommand({
            EmailIdentity: domain,
            DkimSigningAttributes: attrs as { DomainSigningAttributesOrigin: 'AWS_SES_US_EAST_1' },
          }),
        ),
      );
      expect((await failure(get(region, domain))).name).toBe('NotFoundException');
      return error;
    }

    it('when the origin comes with a selector, a private key or a key length, then it is a 400 naming that member', async () => {
      await parent('combo.example.com');
      for (const [member, value] of [
        ['DomainSigningSelector', 'sel1'],
        ['DomainSigningPrivateKey', 'AAAA'],
        ['NextSigningKeyLength', 'RSA_1024_BIT'],
      ] as const) {
        const error = await refused('us-west-2', 'combo.example.com', {
          DomainSigningAttributesOrigin: 'AWS_SES_US_EAST_1',
          [member]: value,
        });
        expect(error).toMatchObject({ name: 'BadRequestException', status: 400 });
        expect(error.message).toBe(
          `The input you provided is invalid. DkimSigningAttributes.${member} cannot be combined with DomainSigningAttributesOrigin AWS_SES_US_EAST_1: a Deterministic Easy DKIM replica uses its parent's key (give only DomainSigningAttributesOrigin).`,
        );
      }
    });

    it('when the origin names the request’s own Region, then it is a 400 saying the parent must be in another Region', async () => {
      const error = await refused('us-west-2', 'self.example.com', {
        DomainSigningAttributesOrigin: 'AWS_SES_US_WEST_2',
      });
      expect(error).toMatchObject({ name: 'BadRequestException', status: 400 });
      expect(error.message).toBe(
        "The input you provided is invalid. DkimSigningAttributes.DomainSigningAttributesOrigin AWS_SES_US_WEST_2 names this Region (us-west-2); a replica's parent must be in another Region.",
      );
    });

    it('when the origin names a Region SES does not have, then it is a 400 validation error on domainSigningAttributesOrigin listing the valid origins', async () => {
      const error = await refused('us-west-2', 'nowhere.example.com', {
        DomainSigningAttributesOrigin: 'AWS_SES_ZZ_NOPE_1',
      });
      expect(error).toMatchObject({ name: 'BadRequestException', status: 400 });
      expect(error.message).toContain(
        "1 validation error detected: Value 'AWS_SES_ZZ_NOPE_1' at 'dkimSigningAttributes.domainSigningAttributesOrigin' failed to satisfy constraint: Member must name a Region where SES offers Deterministic Easy DKIM (AWS_SES_AF_SOUTH_1,",
      );
      expect(error.message).toContain('AWS_SES_US_EAST_1');
      expect(error.message).toMatch(/; zz-nope-1 is not one$/);
    });

    it('when the origin is malformed, then it is a 400 validation error on domainSigningAttributesOrigin showing the form', async () => {
      for (const origin of ['us-east-1', 'AWS_SES_us-east-1', 'AWS_SES_', 'AWS_SES_US_EAST', '']) {
        const error = await refused('us-west-2', 'malformed.example.com', {
          DomainSigningAttributesOrigin: origin,
        });
        expect(error).toMatchObject({ name: 'BadRequestException', status: 400 });
        expect(error.message).toBe(
          `1 validation error detected: Value '${origin}' at 'dkimSigningAttributes.domainSigningAttributesOrigin' failed to satisfy constraint: Member must be AWS_SES_<REGION>, the parent identity's Region in upper case with "_" for "-" (for example AWS_SES_US_EAST_1)`,
        );
      }
    });

    it('when the origin is AWS_SES or EXTERNAL, then it is a 400 pointing at PutEmailIdentityDkimSigningAttributes', async () => {
      for (const origin of ['AWS_SES', 'EXTERNAL']) {
        const error = await refused('us-west-2', 'plain.example.com', {
          DomainSigningAttributesOrigin: origin,
        });
        expect(error).toMatchObject({ name: 'BadRequestException', status: 400 });
        expect(error.message).toContain('use AWS_SES or EXTERNAL with PutEmailIdentityDkimSigningAttributes');
      }
    });

    it('when an email address is given a replica origin, then it is a 400 (DKIM attributes are for domains)', async () => {
      const error = await refused('us-west-2', 'someone@verified-elsewhere.example.com', {
        DomainSigningAttributesOrigin: 'AWS_SES_US_EAST_1',
      });
      expect(error).toMatchObject({ name: 'BadRequestException', status: 400 });
      expect(error.message).toContain('only valid for domain identities');
    });
  });
});
