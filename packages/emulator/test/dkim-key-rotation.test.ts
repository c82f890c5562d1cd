import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimCnameRecords, EmulatorClient } from '../src/client/index.js';
import type { RunningEmulator } from '../src/index.js';
import { EASY_DKIM_KEY_ROTATION_INTERVAL_MS } from '../src/services/ses/verification/dkim-key-rotation.js';
import { advanceClock, failure, HOURS, startTestEmulator } from './helpers.js';

const ROTATION_SECONDS = EASY_DKIM_KEY_ROTATION_INTERVAL_MS / 1000;

/**
 * A key-length change on Easy DKIM names the length of the *next* key pair: the verified domain keeps
 * its tokens and status, and the new length becomes current at the next rotation on the emulator clock.
 */
describe('Easy DKIM key length: next key pair, applied at the next rotation', () => {
  let emulator: RunningEmulator;
  let client: EmulatorClient;
  const ses = () => client.ses('us-east-1');

  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'realistic' });
    client = new EmulatorClient(emulator.url, { maxAttempts: 1 });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  /** A domain verified the way SES verifies one: its three DKIM CNAMEs in a public hosted zone. */
  async function verifiedDomain(domain: string): Promise<string[]> {
    const created = await ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const tokens = created.DkimAttributes?.Tokens ?? [];
    const zoneId = await client.createHostedZone(domain, `${domain}-zone`);
    await client.changeRecords(zoneId, 'UPSERT', dkimCnameRecords(domain, tokens));
    const got = await ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(got.VerificationStatus).toBe('SUCCESS');
    return tokens;
  }

  it('when a verified domain changes its key length, then the tokens, the DKIM status and the identity status stay, and Next differs from Current', async () => {
    const tokens = await verifiedDomain('keep.example.com');
    const before = await ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'keep.example.com' }));

    const changed = await ses().send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'keep.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
      }),
    );
    expect(changed).toMatchObject({ DkimStatus: 'SUCCESS', DkimTokens: tokens });

    const after = await ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'keep.example.com' }));
    expect(after.VerificationStatus).toBe('SUCCESS');
    expect(after.VerifiedForSendingStatus).toBe(true);
    expect(after.DkimAttributes).toMatchObject({
      Status: 'SUCCESS',
      Tokens: tokens,
      CurrentSigningKeyLength: 'RSA_2048_BIT',
      NextSigningKeyLength: 'RSA_1024_BIT',
    });
    expect(after.DkimAttributes?.LastKeyGenerationTimestamp).toEqual(
      before.DkimAttributes?.LastKeyGenerationTimestamp,
    );
  });

  it('when the emulator clock reaches the next rotation, then the next length becomes current, LastKeyGenerationTimestamp moves to the rotation and nothing else changes', async () => {
    const tokens = await verifiedDomain('rotate.example.com');
    const created = await ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'rotate.example.com' }));
    const generatedAt = created.DkimAttributes?.LastKeyGenerationTimestamp as Date;
    await ses().send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'rotate.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
      }),
    );

    await advanceClock(emulator, ROTATION_SECONDS - HOURS);
    const early = await ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'rotate.example.com' }));
    expect(early.DkimAttributes?.CurrentSigningKeyLength).toBe('RSA_2048_BIT');

    await advanceClock(emulator, HOURS);
    const rotated = await ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'rotate.example.com' }));
    expect(rotated.VerificationStatus).toBe('SUCCESS');
    expect(rotated.DkimAttributes).toMatchObject({
      Status: 'SUCCESS',
      Tokens: tokens,
      CurrentSigningKeyLength: 'RSA_1024_BIT',
      NextSigningKeyLength: 'RSA_1024_BIT',
    });
    expect(rotated.DkimAttributes?.LastKeyGenerationTimestamp?.getTime()).toBe(
      generatedAt.getTime() + EASY_DKIM_KEY_ROTATION_INTERVAL_MS,
    );
  });

  it('when another change is asked while one waits for its rotation (not the first downgrade), then BadRequestException says when the next change is possible and nothing changes', async () => {
    await verifiedDomain('often.example.com');
    await ses().send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: 'often.example.com',
        SigningAttributesOrigin: 'AWS_SES',
        SigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' },
      }),
    );
    const again = await failure(
      ses().send(
        new PutEmailIdentityDkimSigningAttributesCommand({
          EmailIdentity: 'often.example.com',
          SigningAttributesOrigin: 'AWS_SES',
          SigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
        }),
      ),
    );
    expect(again.name).toBe('BadRequestException');
    expect(again.status).toBe(400);
    expect(again.message).toMatch(
      /can be changed once every 24 hours; the last change \(to RSA_1024_BIT\) was accepted at \S+Z, so the next change is possible from \S+Z\.$/,
    );
    const got = await ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'often.example.com' }));
    expect(got.DkimAttributes?.NextSigningKeyLength).toBe('RSA_1024_BIT');
  });
});

const AWS = '/usr/bin/aws';
const run = promisify(execFile);

describe.runIf(fs.existsSync(AWS))(
  'AWS CLI: put-email-identity-dkim-signing-attributes',
  { timeout: 60_000 },
  () => {
    let emulator: RunningEmulator;
    let dir: string;
    let client: EmulatorClient;

    async function aws(...args: string[]): Promise<Record<string, unknown>> {
      const { stdout } = await run(
        AWS,
        ['--endpoint-url', emulator.url, '--output', 'json', '--region', 'us-east-1', 'sesv2', ...args],
        {
          cwd: dir,
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            AWS_ACCESS_KEY_ID: 'test',
            AWS_SECRET_ACCESS_KEY: 'test',
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_PAGER: '',
            AWS_CONFIG_FILE: path.join(dir, 'config'),
            AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
          },
        },
      );
      return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
    }

    beforeAll(async () => {
      emulator = await startTestEmulator({ verificationMode: 'auto' });
      client = new EmulatorClient(emulator.url, { maxAttempts: 1 });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-cli-dkim-'));
      fs.writeFileSync(path.join(dir, 'config'), '');
      fs.writeFileSync(path.join(dir, 'credentials'), '');
    });
    afterAll(async () => {
      client.close();
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('when the CLI sets NextSigningKeyLength=RSA_1024_BIT on a verified domain, then tokens and status stay and the length applies at the next rotation', async () => {
      const created = (await aws('create-email-identity', '--email-identity', 'cli-keys.example.com')) as {
        DkimAttributes: { Tokens: string[] };
      };
      const put = await aws(
        'put-email-identity-dkim-signing-attributes',
        '--email-identity',
        'cli-keys.example.com',
        '--signing-attributes-origin',
        'AWS_SES',
        '--signing-attributes',
        'NextSigningKeyLength=RSA_1024_BIT',
      );
      // (CLI 2.9's model predates SigningHostedZone in this answer, so the CLI drops it.)
      expect(put).toEqual({ DkimStatus: 'SUCCESS', DkimTokens: created.DkimAttributes.Tokens });
      const pending = (await aws('get-email-identity', '--email-identity', 'cli-keys.example.com')) as {
        VerificationStatus: string;
        DkimAttributes: Record<string, unknown>;
      };
      expect(pending.VerificationStatus).toBe('SUCCESS');
      expect(pending.DkimAttributes).toMatchObject({
        Status: 'SUCCESS',
        CurrentSigningKeyLength: 'RSA_2048_BIT',
        NextSigningKeyLength: 'RSA_1024_BIT',
      });

      await client.advanceClock(ROTATION_SECONDS);
      const rotated = (await aws('get-email-identity', '--email-identity', 'cli-keys.example.com')) as {
        DkimAttributes: Record<string, unknown>;
      };
      expect(rotated.DkimAttributes).toMatchObject({
        Tokens: created.DkimAttributes.Tokens,
        CurrentSigningKeyLength: 'RSA_1024_BIT',
        NextSigningKeyLength: 'RSA_1024_BIT',
      });

      const same = await aws(
        'put-email-identity-dkim-signing-attributes',
        '--email-identity',
        'cli-keys.example.com',
        '--signing-attributes-origin',
        'AWS_SES',
        '--signing-attributes',
        'NextSigningKeyLength=RSA_1024_BIT',
      ).then(
        () => undefined,
        (error: { stderr: string; code: number }) => error,
      );
      expect(same?.code).toBe(254);
      expect(same?.stderr).toContain('(BadRequestException)');
      expect(same?.stderr).toContain('The signing key length is already RSA_1024_BIT.');
    });
  },
);
