import { generateKeyPairSync } from 'node:crypto';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
  PutEmailIdentityFeedbackAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { advanceClock, failure, HOURS, sesClient, startTestEmulator } from './helpers.js';

function rsaKey(bits: number, type: 'pkcs1' | 'pkcs8' = 'pkcs1'): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return privateKey.export({ format: 'der', type }).toString('base64');
}

describe('SES v2 DKIM, MAIL FROM, feedback and default configuration set', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  let key1024: string;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator);
    key1024 = rsaKey(1024);
  });
  afterAll(() => emulator.close());

  it('when a domain is created with BYODKIM (PKCS#1 or PKCS#8), then the selector is its token and no hosted zone is named', async () => {
    for (const [domain, key] of [
      ['byo1.example.com', key1024],
      ['byo8.example.com', rsaKey(1024, 'pkcs8')],
    ] as const) {
      const created = await ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: domain,
          DkimSigningAttributes: { DomainSigningSelector: 'mysel', DomainSigningPrivateKey: key },
        }),
      );
      expect(created.DkimAttributes).toMatchObject({
        SigningAttributesOrigin: 'EXTERNAL',
        Tokens: ['mysel'],
        Status: 'NOT_STARTED',
      });
      expect(created.DkimAttributes?.SigningHostedZone).toBeUndefined();
    }
  });

  it('when the BYODKIM key is not an RSA key or is too small, then BadRequestException and nothing is created', async () => {
    const garbage = await failure(
      ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'badkey.example.com',
          DkimSigningAttributes: { DomainSigningSelector: 's1', DomainSigningPrivateKey: 'bm90IGEga2V5' },
        }),
      ),
    );
    expect(garbage.name).toBe('BadRequestException');
    expect(garbage.message).toMatch(/DomainSigningPrivateKey must be a base64-encoded RSA private key/);
    const small = await failure(
      ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'badkey.example.com',
          DkimSigningAttributes: { DomainSigningSelector: 's1', DomainSigningPrivateKey: rsaKey(512) },
        }),
      ),
    );
    expect(small.message).toMatch(/is 512 bits; it must be between 1024 and 2048 bits/);
    const selector = await failure(
      ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'badkey.example.com',
          DkimSigningAttributes: { DomainSigningSelector: '-bad-', DomainSigningPrivateKey: key1024 },
        }),
      ),
    );
    expect(selector.message).toMatch(/Value '-bad-' at 'dkimSigningAttributes.domainSigningSelector'/);
    const missing = await failure(
      ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'badkey.example.com' })),
    );
    expect(missing.name).toBe('NotFoundException');
  });

  it('when a 1024-bit Easy DKIM domain is created, then it reports RSA_1024_BIT', async () => {
    const created = await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'short.example.com',
        DkimSigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
      }),
    );
    expect(created.DkimAttributes).toMatchObject({
      CurrentSigningKeyLength: 'RSA_1024_BIT',
      NextSigningKeyLength: 'RSA_1024_BIT',
    });
  });

  it('when the key length changes, then the same length, a second change within 24 h and an email identity are refused', async () => {
    const created = await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'keys.example.com' }));
    const same = await failure(
      ses.send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'keys.example.com',
          SigningAttributesOrigin: 'AWS_SES',
          SigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
        }),
      ),
    );
    expect(same).toEqual({
      name: 'BadRequestException',
      message: 'The input you provided is invalid. The signing key length is already RSA_2048_BIT.',
      status: 400,
    });
    // The first downgrade to 1024 is allowed within 24 h of key generation.
    const down = await ses.send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'keys.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
      }),
    );
    // The length of the next key pair: the tokens (and the status) stay until the next rotation.
    expect(down.DkimStatus).toBe('PENDING');
    expect(down.SigningHostedZone).toBe('dkim.amazonses.com');
    expect(down.DkimTokens).toEqual(created.DkimAttributes?.Tokens);
    const up = ses.send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'keys.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      }),
    );
    expect((await failure(up)).message).toMatch(/can be changed once every 24 hours/);
    // The 1024-bit key becomes current at the rotation 24 h in; another change waits 24 h after it.
    await advanceClock(emulator, 24 * HOURS);
    const afterRotation = ses.send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'keys.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      }),
    );
    expect((await failure(afterRotation)).message).toMatch(/the last key was generated at/);
    await advanceClock(emulator, 24 * HOURS);
    const later = await ses.send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'keys.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      }),
    );
    expect(later.DkimStatus).toBe('PENDING');
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'keys.example.com' }));
    // 1024 bit is current since the first rotation; 2048 waits for the next one.
    expect(got.DkimAttributes?.CurrentSigningKeyLength).toBe('RSA_1024_BIT');
    expect(got.DkimAttributes?.NextSigningKeyLength).toBe('RSA_2048_BIT');
    expect(got.DkimAttributes?.Tokens).toEqual(later.DkimTokens);
    expect(got.DkimAttributes?.Tokens).toEqual(created.DkimAttributes?.Tokens);

    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'keys@nodomain.example.net' }));
    const email = await failure(
      ses.send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'keys@nodomain.example.net',
          SigningAttributesOrigin: 'AWS_SES',
        }),
      ),
    );
    expect(email).toEqual({
      name: 'BadRequestException',
      message: 'The EmailIdentity value must be a valid domain.',
      status: 400,
    });
    const unknown = await failure(
      ses.send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'nope.example.com',
          SigningAttributesOrigin: 'AWS_SES',
        }),
      ),
    );
    expect(unknown.status).toBe(404);
  });

  it('when switching Easy DKIM to BYODKIM and back, then the tokens follow and the status restarts at PENDING', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'switch.example.com' }));
    const byo = await ses.send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'switch.example.com',
        SigningAttributesOrigin: 'EXTERNAL',
        SigningAttributes: { DomainSigningSelector: 'sel', DomainSigningPrivateKey: key1024 },
      }),
    );
    expect(byo).toMatchObject({ DkimStatus: 'PENDING', DkimTokens: ['sel'] });
    expect(byo.SigningHostedZone).toBeUndefined();
    const back = await ses.send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'switch.example.com',
        SigningAttributesOrigin: 'AWS_SES',
      }),
    );
    expect(back.DkimTokens).toHaveLength(3);
    const bad = await failure(
      ses.send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'switch.example.com',
          SigningAttributesOrigin: 'EXTERNAL',
        }),
      ),
    );
    expect(bad.message).toMatch(
      /at 'signingAttributes.domainSigningSelector' failed to satisfy constraint: Member must not be null/,
    );
  });

  it('when signing is toggled, then SigningEnabled changes but never the status; unknown identity is a 400', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'toggle.example.com' }));
    await ses.send(
      new PutEmailIdentityDkimAttributesCommand({
        EmailIdentity: 'toggle.example.com',
        SigningEnabled: false,
      }),
    );
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'toggle.example.com' }));
    expect(got.DkimAttributes).toMatchObject({ SigningEnabled: false, Status: 'PENDING' });
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'x@toggle.example.com' }));
    await ses.send(
      new PutEmailIdentityDkimAttributesCommand({
        EmailIdentity: 'x@toggle.example.com',
        SigningEnabled: true,
      }),
    );
    const unknown = await failure(
      ses.send(
        new PutEmailIdentityDkimAttributesCommand({
          EmailIdentity: 'unknown.example.com',
          SigningEnabled: true,
        }),
      ),
    );
    expect(unknown).toEqual({
      name: 'BadRequestException',
      message: 'Domain unknown.example.com is not verified for DKIM signing.',
      status: 400,
    });
  });

  it('when a MAIL FROM subdomain is set and cleared, then Get shows it PENDING and then only the behaviour', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'mailfrom.example.com' }));
    await ses.send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: 'mailfrom.example.com',
        MailFromDomain: 'bounce.mailfrom.example.com',
        BehaviorOnMxFailure: 'REJECT_MESSAGE',
      }),
    );
    const set = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'mailfrom.example.com' }));
    expect(set.MailFromAttributes).toEqual({
      MailFromDomain: 'bounce.mailfrom.example.com',
      MailFromDomainStatus: 'PENDING',
      BehaviorOnMxFailure: 'REJECT_MESSAGE',
    });
    await ses.send(new PutEmailIdentityMailFromAttributesCommand({ EmailIdentity: 'mailfrom.example.com' }));
    const cleared = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'mailfrom.example.com' }));
    expect(cleared.MailFromAttributes).toEqual({ BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' });
  });

  it('when the MAIL FROM domain is not a subdomain or the behaviour is unknown, then BadRequestException', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'mf-bad.example.com' }));
    for (const domain of ['mf-bad.example.com', 'bounce.other.example.com']) {
      const error = await failure(
        ses.send(
          new PutEmailIdentityMailFromAttributesCommand({
            EmailIdentity: 'mf-bad.example.com',
            MailFromDomain: domain,
          }),
        ),
      );
      expect(error.name).toBe('BadRequestException');
      expect(error.message).toBe(
        `Invalid MAIL FROM domain ${domain}: it must be a subdomain of mf-bad.example.com (for example bounce.mf-bad.example.com).`,
      );
    }
    const res = await fetch(`${emulator.url}/v2/email/identities/mf-bad.example.com/mail-from`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ MailFromDomain: 'b.mf-bad.example.com', BehaviorOnMxFailure: 'BOUNCE' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      "1 validation error detected: Value 'BOUNCE' at 'behaviorOnMxFailure' failed to satisfy constraint: Member must satisfy enum value set: [USE_DEFAULT_VALUE, REJECT_MESSAGE]",
    );
  });

  it('when feedback forwarding is turned off without Bounce and Complaint topics, then 400 names the rule and Get still reports it on', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'fb@example.com' }));
    const refused = await failure(
      ses.send(
        new PutEmailIdentityFeedbackAttributesCommand({
          EmailIdentity: 'fb@example.com',
          EmailForwardingEnabled: false,
        }),
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.name).toBe('BadRequestException');
    expect(refused.message).toBe(
      'Feedback forwarding can only be disabled when Amazon SNS topics are set for both Bounce and Complaint notifications; identity fb@example.com has no Bounce and Complaint topic.',
    );
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'fb@example.com' }));
    expect(got.FeedbackForwardingStatus).toBe(true);
    const missing = await failure(
      ses.send(
        new PutEmailIdentityFeedbackAttributesCommand({
          EmailIdentity: 'nofb@example.com',
          EmailForwardingEnabled: true,
        }),
      ),
    );
    expect(missing.status).toBe(404);
  });

  it('when a default configuration set is set and removed, then Get shows it and then not; unknown set is NotFound', async () => {
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'default-set' }));
    await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'cs.example.com',
        ConfigurationSetName: 'default-set',
      }),
    );
    expect(
      (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'cs.example.com' }))).ConfigurationSetName,
    ).toBe('default-set');
    await ses.send(
      new PutEmailIdentityConfigurationSetAttributesCommand({ EmailIdentity: 'cs.example.com' }),
    );
    expect(
      (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'cs.example.com' }))).ConfigurationSetName,
    ).toBeUndefined();
    await ses.send(
      new PutEmailIdentityConfigurationSetAttributesCommand({
        EmailIdentity: 'cs.example.com',
        ConfigurationSetName: 'default-set',
      }),
    );
    expect(
      (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'cs.example.com' }))).ConfigurationSetName,
    ).toBe('default-set');
    const unknown = await failure(
      ses.send(
        new PutEmailIdentityConfigurationSetAttributesCommand({
          EmailIdentity: 'cs.example.com',
          ConfigurationSetName: 'nope',
        }),
      ),
    );
    expect(unknown).toEqual({
      name: 'NotFoundException',
      message: 'Configuration set nope does not exist.',
      status: 404,
    });
  });

  it('when CreateEmailIdentity names an unknown configuration set, then NotFound and the identity is not created', async () => {
    const error = await failure(
      ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'atomic.example.com',
          ConfigurationSetName: 'missing-set',
          Tags: [{ Key: 'a', Value: 'b' }],
        }),
      ),
    );
    expect(error).toEqual({
      name: 'NotFoundException',
      message: 'Configuration set missing-set does not exist.',
      status: 404,
    });
    expect(
      (await failure(ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'atomic.example.com' })))).status,
    ).toBe(404);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'atomic.example.com' }));
    expect(
      (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'atomic.example.com' }))).Tags,
    ).toEqual([]);
  });
});
