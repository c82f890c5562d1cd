import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
} from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapturedMessage,
  credentialsFor,
  dkimCnameRecords,
  EmulatorClient,
  EmulatorControlError,
  EmulatorUnreachableError,
  verificationLinkIn,
} from '../src/client/index.js';
import type { RunningEmulator } from '../src/index.js';
import { ensureBuilt } from './child-emulator.js';
import { failure, startTestEmulator } from './helpers.js';

const TOKEN = 'client-test-control-token-0123456789';

describe('the emulator client against a running emulator', () => {
  let emulator: RunningEmulator;
  let client: EmulatorClient;
  beforeAll(async () => {
    emulator = await startTestEmulator({ controlToken: TOKEN });
    client = new EmulatorClient(emulator.url, { controlToken: TOKEN, maxAttempts: 1 });
  });
  afterEach(async () => {
    await client.clearFaults();
    await client.reset();
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it('when clients are asked for per Region and account, then each call lands in that account and Region, one client each', async () => {
    expect(client.ses('eu-west-1')).toBe(client.ses('eu-west-1'));
    expect(client.ses('eu-west-1', '111122223333')).not.toBe(client.ses('eu-west-1'));
    await client
      .ses('eu-west-1', '111122223333')
      .send(new CreateEmailIdentityCommand({ EmailIdentity: 'a.example' }));

    const list = async (region: string, account?: string) =>
      (await client.ses(region, account).send(new ListEmailIdentitiesCommand({}))).EmailIdentities?.map(
        (i) => i.IdentityName,
      );
    expect(await list('eu-west-1', '111122223333')).toEqual(['a.example']);
    expect(await list('eu-west-1')).toEqual([]);
    expect(await list('us-east-1', '111122223333')).toEqual([]);
  });

  it('when an account id is not 12 digits, then no client is made for it', () => {
    expect(() => credentialsFor('12345')).toThrow('accountId must be a 12-digit AWS account id, not "12345"');
    expect(() => client.ses('eu-west-1', 'default')).toThrow(/12-digit/);
  });

  it('when the clock is read, advanced and set, then each answer is the emulator clock', async () => {
    const start = Date.parse((await client.clock()).now);
    const advanced = await client.advanceClock(3600);
    expect(Date.parse(advanced.now) - start).toBeGreaterThanOrEqual(3600_000);
    // The clock runs on from where it was set (in real time), so both answers are at or just after it.
    const set = Date.parse('2031-02-03T04:05:06Z');
    const answered = Date.parse((await client.setClock(new Date(set))).now);
    const read = Date.parse((await client.clock()).now);
    expect(answered).toBeGreaterThanOrEqual(set);
    expect(read).toBeGreaterThanOrEqual(answered);
    expect(read).toBeLessThan(Date.parse('2031-02-04T00:00:00Z'));
  });

  it('when the emulator is seeded, then the store shows the rows, and reset empties it again', async () => {
    const seeded = await client.seed({ identities: 5, regions: ['eu-west-2'], hostedZones: true });
    expect(seeded.created).toBe(5);
    expect(seeded.byStatus).toEqual({
      SUCCESS: 1,
      PENDING: 1,
      FAILED: 1,
      TEMPORARY_FAILURE: 1,
      NOT_STARTED: 1,
    });
    const listed = await client.ses('eu-west-2').send(new ListEmailIdentitiesCommand({}));
    expect(listed.EmailIdentities).toHaveLength(5);
    const store = await client.inspectStore({ integrity: true });
    expect(store.integrity).toBe('ok');
    expect(Object.values(store.tables).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const reset = await client.reset();
    expect(reset.reset).toBe(true);
    expect((await client.ses('eu-west-2').send(new ListEmailIdentitiesCommand({}))).EmailIdentities).toEqual(
      [],
    );
    expect((await client.inspectStore()).digest).not.toBe(store.digest);
  });

  it('when the seed options are wrong, then the control plane error names the field', async () => {
    const error = await client.seed({ identities: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorControlError);
    expect((error as EmulatorControlError).status).toBe(400);
    expect((error as EmulatorControlError).body).toEqual({
      message: 'identities must be an integer between 1 and 100000.',
    });
  });

  it('when a fault is set, then SDK calls fail and are counted, and once cleared they succeed', async () => {
    const state = await client.setFaults([
      { service: 'route53', operation: 'ListHostedZones', throttleProbability: 1 },
    ]);
    expect(state.rules).toEqual([
      { service: 'route53', operation: 'ListHostedZones', throttleProbability: 1 },
    ]);
    const error = await failure(client.route53.send(new ListHostedZonesCommand({})));
    expect(error).toMatchObject({ name: 'Throttling', status: 400 });
    expect((await client.faults()).injected).toEqual({ 'route53:ListHostedZones:throttle': 1 });

    expect((await client.clearFaults()).rules).toEqual([]);
    expect((await client.route53.send(new ListHostedZonesCommand({}))).HostedZones).toEqual([]);
  });

  it('when an email address is created, then its captured verification link verifies it', async () => {
    const address = 'owner@client-test.example';
    await client.ses('eu-west-1').send(new CreateEmailIdentityCommand({ EmailIdentity: address }));
    const [message] = await client.messagesTo(address);
    expect(message).toMatchObject({ Region: 'eu-west-1', Destination: { ToAddresses: [address] } });
    const link = verificationLinkIn(message as CapturedMessage, client.url);
    expect(link?.url).toBe(await client.verificationLink(address));
    expect(await client.messages({ email: 'no-reply-aws@amazon.com' })).toHaveLength(1);
    expect(await client.messages({ email: address })).toEqual([]);

    await client.verifyEmailAddress(address, await client.messages());
    const out = await client.ses('eu-west-1').send(new GetEmailIdentityCommand({ EmailIdentity: address }));
    expect(out.VerificationStatus).toBe('SUCCESS');

    await client.clearMessages();
    expect(await client.messages()).toEqual([]);
    await expect(client.verificationLink(address)).rejects.toThrow(
      `no verification email captured for ${address}`,
    );
  });

  it('when a token is malformed or unknown, then verifyEmail refuses it before or from the emulator', async () => {
    await expect(client.verifyEmail('short')).rejects.toThrow(RangeError);
    const error = await client.verifyEmail('A'.repeat(32)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorControlError);
    expect((error as EmulatorControlError).status).toBe(404);
  });

  it("when a domain's DKIM CNAMEs are written to its hosted zone, then it verifies once the clock moves", async () => {
    const domain = 'dkim.client-test.example';
    const created = await client
      .ses('us-east-1')
      .send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const tokens = created.DkimAttributes?.Tokens ?? [];
    expect(tokens).toHaveLength(3);
    const zoneId = await client.createHostedZone(domain, 'client-test');
    await client.changeRecords(zoneId, 'UPSERT', dkimCnameRecords(domain, tokens));
    await client.advanceClock(120);
    const out = await client.ses('us-east-1').send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(out.VerificationStatus).toBe('SUCCESS');
  });

  it('when messages are published to two topics, then snsMessages lists what each received', async () => {
    const sns = new SNSClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: credentialsFor(),
      maxAttempts: 1,
    });
    try {
      const arns: string[] = [];
      for (const Name of ['client-a', 'client-b']) {
        const { TopicArn } = await sns.send(new CreateTopicCommand({ Name }));
        arns.push(TopicArn ?? '');
        await sns.send(new PublishCommand({ TopicArn, Message: `hello ${Name}`, Subject: 'greeting' }));
      }
      const [a, b] = arns;
      const ofA = await client.snsMessages({ topicArn: a });
      expect(ofA).toEqual([
        expect.objectContaining({ TopicArn: a, Message: 'hello client-a', Subject: 'greeting' }),
      ]);
      expect((await client.snsMessages()).map((m) => m.TopicArn).sort()).toEqual([a, b].sort());
      await expect(client.snsMessages({ topicArn: 'not-an-arn' })).rejects.toMatchObject({ status: 400 });
    } finally {
      sns.destroy();
    }
  });

  it('when no control token is sent, then the control plane refuses, and the health probe still answers', async () => {
    const anonymous = new EmulatorClient(emulator.url);
    const error = await anonymous.clock().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorControlError);
    expect((error as EmulatorControlError).status).toBe(401);
    expect((await anonymous.health()).status).toBe('ok');
  });
});

describe('the emulator client without an emulator', () => {
  it('when nothing listens on the port, then calls fail as unreachable', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await new EmulatorClient(`http://127.0.0.1:${port}`).clock().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorUnreachableError);
    expect((error as Error).message).toContain(`GET http://127.0.0.1:${port}/_emulator/clock`);
  });

  it('when the built client is imported, then it loads no server, store or SQLite module', () => {
    ensureBuilt();
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
    // The built client's import graph: relative imports followed, package imports collected.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      const declarations =
        /^(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"];?$|^import\s*['"]([^'"]+)['"];?$/gm;
      for (const [, from, bare] of source.matchAll(declarations)) {
        const specifier = from ?? bare;
        if (!specifier) continue;
        if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
        else if (specifier === '@ses-console/emulator/verification-link') {
          visit(path.join(dist, 'control/verification-link.js'));
        } else packages.add(specifier);
      }
    };
    visit(path.join(dist, 'client/index.js'));
    const local = [...seen].map((file) => path.relative(dist, file)).sort();
    expect(local.filter((file) => !file.startsWith('client/'))).toEqual(['control/verification-link.js']);
    expect([...packages].sort()).toEqual(['@aws-sdk/client-route-53', '@aws-sdk/client-sesv2']);
  });
});
