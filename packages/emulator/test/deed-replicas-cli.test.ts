import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimCnameRecords, EmulatorClient } from '../src/client/index.js';
import type { RunningEmulator } from '../src/index.js';
import { DEED_REGIONS, replicaOrigin } from '../src/services/ses/dkim-regions.js';
import { startTestEmulator } from './helpers.js';

/**
 * Deterministic Easy DKIM through clients this project did not write: the AWS CLI (the exact command
 * of the DEED documentation) and boto3.
 */

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
const MODEL_PATH = 'sesv2/2019-09-27/service-2.json';

type ServiceModel = { shapes: Record<string, { members?: Record<string, unknown>; enum?: string[] }> };

function knowsDeed(model: ServiceModel): boolean {
  return model.shapes.DkimSigningAttributes?.members?.DomainSigningAttributesOrigin !== undefined;
}

function readModel(dataDir: string): ServiceModel | undefined {
  const file = path.join(dataDir, MODEL_PATH);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as ServiceModel;
  if (fs.existsSync(`${file}.gz`)) {
    return JSON.parse(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString('utf8')) as ServiceModel;
  }
  return undefined;
}

/** The data directory of the botocore that `python3` imports, if any. */
function pythonBotocoreData(): string | undefined {
  try {
    const dir = execFileSync(
      'python3',
      ['-c', 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    return dir || undefined;
  } catch {
    return undefined;
  }
}

/**
 * An SES v2 service model that knows `DkimSigningAttributes.DomainSigningAttributesOrigin` (the
 * 2024-12-10 API change) for a CLI that predates it: Debian's awscli 2.9 refuses the doc's command
 * client-side ("Unknown parameter in DkimSigningAttributes"). `aws configure add-model` is the CLI's
 * own way to use a newer model. First choice: the real model of a newer botocore on this machine.
 * Else the CLI's own model with exactly that API change applied (the member, and the AWS_SES_<REGION>
 * values of its enum), so CI, which has only the Debian CLI, still runs the command.
 */
function deedModel(): { model: ServiceModel; source: string } | undefined {
  const python = pythonBotocoreData();
  const newer = python ? readModel(python) : undefined;
  if (newer && knowsDeed(newer)) return { model: newer, source: `botocore at ${python}` };
  const cliData = '/usr/lib/python3/dist-packages/awscli/botocore/data';
  const own = readModel(cliData);
  if (!own) return undefined;
  if (knowsDeed(own)) return { model: own, source: 'the CLI itself' };
  const origin = own.shapes.DkimSigningAttributesOrigin;
  const attrs = own.shapes.DkimSigningAttributes;
  if (!origin?.enum || !attrs?.members) return undefined;
  origin.enum = [...origin.enum, ...DEED_REGIONS.map(replicaOrigin)];
  attrs.members.DomainSigningAttributesOrigin = { shape: 'DkimSigningAttributesOrigin' };
  return { model: own, source: 'the CLI model plus the DEED member' };
}

const cliPresent = fs.existsSync(AWS);
if (!cliPresent) console.warn(`DEED CLI test skipped: ${AWS} is missing (apt-get install awscli).`);

describe.runIf(cliPresent)(
  'AWS CLI: aws sesv2 create-email-identity with a replica origin',
  { timeout: 60_000 },
  () => {
    let emulator: RunningEmulator;
    let client: EmulatorClient;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let model: ServiceModel;
    const modelHas = (shape: string, member: string) => model.shapes[shape]?.members?.[member] !== undefined;

    async function aws(...args: string[]): Promise<Record<string, unknown>> {
      const { stdout } = await run(AWS, ['--endpoint-url', emulator.url, '--output', 'json', ...args], {
        cwd: dir,
        env,
      });
      return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
    }

    async function awsFailure(...args: string[]): Promise<{ code: number; stderr: string }> {
      try {
        await run(AWS, ['--endpoint-url', emulator.url, '--output', 'json', ...args], { cwd: dir, env });
      } catch (error) {
        const e = error as { code: number; stderr: string };
        return { code: e.code, stderr: e.stderr };
      }
      throw new Error('expected the CLI to fail');
    }

    beforeAll(async () => {
      emulator = await startTestEmulator({ verificationMode: 'realistic' });
      client = new EmulatorClient(emulator.url, { maxAttempts: 1 });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-cli-deed-'));
      fs.writeFileSync(path.join(dir, 'config'), '');
      fs.writeFileSync(path.join(dir, 'credentials'), '');
      env = {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
        AWS_CONFIG_FILE: path.join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      };
      const found = deedModel();
      if (!found)
        throw new Error('no SES v2 model for the CLI: neither a newer botocore nor the CLI’s own model');
      model = found.model;
      if (found.source !== 'the CLI itself') {
        const file = path.join(dir, 'sesv2.json');
        fs.writeFileSync(file, JSON.stringify(found.model));
        await run(
          AWS,
          ['configure', 'add-model', '--service-model', `file://${file}`, '--service-name', 'sesv2'],
          {
            cwd: dir,
            env,
          },
        );
      }
    });
    afterAll(async () => {
      client.close();
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('when the documentation’s command runs after the parent is verified in us-east-1, then the us-west-2 replica is created with the parent’s tokens and reads back verified with origin AWS_SES_US_EAST_1', async () => {
      const parent = (await aws(
        'sesv2',
        'create-email-identity',
        '--email-identity',
        'example.com',
        '--region',
        'us-east-1',
      )) as {
        DkimAttributes: { Tokens: string[]; SigningHostedZone: string };
      };
      const tokens = parent.DkimAttributes.Tokens;
      const zoneId = await client.createHostedZone('example.com', 'cli-deed-zone');
      await client.changeRecords(
        zoneId,
        'UPSERT',
        dkimCnameRecords('example.com', tokens, parent.DkimAttributes.SigningHostedZone),
      );

      const created = await aws(
        'sesv2',
        'create-email-identity',
        '--email-identity',
        'example.com',
        '--region',
        'us-west-2',
        '--dkim-signing-attributes',
        '{"DomainSigningAttributesOrigin":"AWS_SES_US_EAST_1"}',
      );
      expect(created).toMatchObject({
        IdentityType: 'DOMAIN',
        DkimAttributes: { SigningAttributesOrigin: 'AWS_SES_US_EAST_1', Tokens: tokens },
      });

      const replica = await aws(
        'sesv2',
        'get-email-identity',
        '--email-identity',
        'example.com',
        '--region',
        'us-west-2',
      );
      expect(replica).toMatchObject({
        VerificationStatus: 'SUCCESS',
        VerifiedForSendingStatus: true,
        DkimAttributes: {
          Status: 'SUCCESS',
          SigningAttributesOrigin: 'AWS_SES_US_EAST_1',
          Tokens: tokens,
        },
      });
      // The parent's zone (dkim.amazonses.com for us-east-1); a CLI model that predates the member
      // drops it from both answers.
      if (modelHas('DkimAttributes', 'SigningHostedZone')) {
        expect((replica.DkimAttributes as Record<string, unknown>).SigningHostedZone).toBe(
          'dkim.amazonses.com',
        );
      }

      const refused = await awsFailure(
        'sesv2',
        'delete-email-identity',
        '--email-identity',
        'example.com',
        '--region',
        'us-east-1',
      );
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(
        '(BadRequestException) when calling the DeleteEmailIdentity operation',
      );
      expect(refused.stderr).toContain('parent of Deterministic Easy DKIM replicas in us-west-2');
    });

    it('when the CLI names a parent that does not exist, then the replica reads back FAILED with REPLICATION_PRIMARY_NOT_FOUND', async () => {
      await aws(
        'sesv2',
        'create-email-identity',
        '--email-identity',
        'missing-parent.example.com',
        '--region',
        'eu-west-1',
        '--dkim-signing-attributes',
        'DomainSigningAttributesOrigin=AWS_SES_US_EAST_2',
      );
      const got = await aws(
        'sesv2',
        'get-email-identity',
        '--email-identity',
        'missing-parent.example.com',
        '--region',
        'eu-west-1',
      );
      expect(got).toMatchObject({
        VerificationStatus: 'FAILED',
        DkimAttributes: { Status: 'FAILED', SigningAttributesOrigin: 'AWS_SES_US_EAST_2' },
      });
      // VerificationInfo came with the same 2024 models; a CLI model that predates it cannot show it.
      if (modelHas('GetEmailIdentityResponse', 'VerificationInfo')) {
        expect(got.VerificationInfo).toMatchObject({ ErrorType: 'REPLICATION_PRIMARY_NOT_FOUND' });
      }
    });

    it('when the CLI names the request’s own Region, then it exits non-zero with BadRequestException naming the field', async () => {
      const refused = await awsFailure(
        'sesv2',
        'create-email-identity',
        '--email-identity',
        'self.example.com',
        '--region',
        'us-west-2',
        '--dkim-signing-attributes',
        '{"DomainSigningAttributesOrigin":"AWS_SES_US_WEST_2"}',
      );
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(
        '(BadRequestException) when calling the CreateEmailIdentity operation',
      );
      expect(refused.stderr).toContain(
        'DkimSigningAttributes.DomainSigningAttributesOrigin AWS_SES_US_WEST_2 names this Region (us-west-2)',
      );
    });
  },
);

/** boto3 as `python3` imports it, when its SES v2 model knows replica origins (else the test is skipped). */
function boto3WithDeed(): boolean {
  try {
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import boto3; m = boto3.session.Session().get_available_services(); import botocore.session as s; print("DomainSigningAttributesOrigin" in s.get_session().get_service_model("sesv2").shape_for("DkimSigningAttributes").members)',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return out.trim() === 'True';
  } catch {
    return false;
  }
}

const boto3Present = boto3WithDeed();
if (!boto3Present)
  console.warn('DEED boto3 test skipped: python3 has no boto3 whose SES v2 model knows replica origins.');

const BOTO3_SCRIPT = `
import json, os, boto3
from botocore.exceptions import ClientError
def ses(region):
    return boto3.client('sesv2', region_name=region, endpoint_url=os.environ['ENDPOINT'],
                        aws_access_key_id='test', aws_secret_access_key='test')
out = {}
ses('us-west-2').create_email_identity(EmailIdentity='boto.example.com',
    DkimSigningAttributes={'DomainSigningAttributesOrigin': 'AWS_SES_US_EAST_1'})
got = ses('us-west-2').get_email_identity(EmailIdentity='boto.example.com')
out['replica'] = {'status': got['VerificationStatus'], 'dkim': got['DkimAttributes']}
out['parent'] = ses('us-east-1').get_email_identity(EmailIdentity='boto.example.com')['DkimAttributes']['Tokens']
try:
    ses('us-west-2').create_email_identity(EmailIdentity='boto-bad.example.com',
        DkimSigningAttributes={'DomainSigningAttributesOrigin': 'AWS_SES_US_EAST_1', 'DomainSigningSelector': 's1'})
    out['bad'] = 'accepted'
except ClientError as e:
    out['bad'] = {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode'],
                  'message': e.response['Error']['Message']}
print(json.dumps(out, default=str))
`;

describe.runIf(boto3Present)(
  'boto3: sesv2 create_email_identity with a replica origin',
  { timeout: 60_000 },
  () => {
    let emulator: RunningEmulator;
    let client: EmulatorClient;

    beforeAll(async () => {
      emulator = await startTestEmulator({ verificationMode: 'realistic' });
      client = new EmulatorClient(emulator.url, { maxAttempts: 1 });
    });
    afterAll(async () => {
      client.close();
      await emulator.close();
    });

    it('when boto3 creates a replica of a verified parent, then it reads back verified with the parent’s tokens, and a selector beside the origin is a 400 BadRequestException', async () => {
      const parent = await client
        .ses('us-east-1')
        .send(new CreateEmailIdentityCommand({ EmailIdentity: 'boto.example.com' }));
      const tokens = parent.DkimAttributes?.Tokens ?? [];
      const zoneId = await client.createHostedZone('boto.example.com', 'boto-zone');
      await client.changeRecords(zoneId, 'UPSERT', dkimCnameRecords('boto.example.com', tokens));

      const { stdout } = await run('python3', ['-c', BOTO3_SCRIPT], {
        env: {
          PATH: process.env.PATH,
          HOME: os.tmpdir(),
          ENDPOINT: emulator.url,
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      });
      const out = JSON.parse(stdout) as {
        replica: { status: string; dkim: Record<string, unknown> };
        parent: string[];
        bad: { code: string; status: number; message: string };
      };
      expect(out.replica.status).toBe('SUCCESS');
      expect(out.replica.dkim).toMatchObject({
        SigningAttributesOrigin: 'AWS_SES_US_EAST_1',
        Tokens: tokens,
        Status: 'SUCCESS',
      });
      expect(out.parent).toEqual(tokens);
      expect(out.bad).toMatchObject({ code: 'BadRequestException', status: 400 });
      expect(out.bad.message).toContain(
        'DkimSigningAttributes.DomainSigningSelector cannot be combined with DomainSigningAttributesOrigin',
      );
    });
  },
);
