import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  type IdentityInfo,
  ListEmailIdentitiesCommand,
} from '@aws-sdk/client-sesv2';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import {
  advanceClock,
  HOURS,
  sesClient,
  sesV1Client,
  startTestEmulator,
  verificationLink,
} from './helpers.js';

/**
 * ListEmailIdentities answers from a cache kept until the store changes (`store/store-generation.ts`),
 * like GetEmailIdentity. Whatever changes a Region's identities — SES v2, SES v1, the control plane,
 * the clock, another process writing the store file — the very next page must show it. Each test asks
 * for the page twice first, so that it is cached before the change.
 */
describe('ListEmailIdentities after every kind of change', () => {
  let emulator: RunningEmulator;
  let dataDir: string;
  const listTwice = async (
    region: string,
    input: ConstructorParameters<typeof ListEmailIdentitiesCommand>[0] = {},
  ) => {
    const ses = sesClient(emulator, region);
    try {
      await ses.send(new ListEmailIdentitiesCommand(input));
      return (await ses.send(new ListEmailIdentitiesCommand(input))).EmailIdentities ?? [];
    } finally {
      ses.destroy();
    }
  };
  const names = (items: IdentityInfo[]) => items.map((i) => i.IdentityName);
  const statusOf = (items: IdentityInfo[], name: string) =>
    items.find((i) => i.IdentityName === name)?.VerificationStatus;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-list-fresh-'));
    emulator = await startTestEmulator({ dataDir });
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when identities are created and deleted through SES v2 and v1 after a read, then the next page shows it', async () => {
    const region = 'eu-west-1';
    const ses = sesClient(emulator, region);
    const v1 = sesV1Client(emulator, region);
    expect(await listTwice(region)).toEqual([]);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'a@fresh-list.example.com' }));
    expect(names(await listTwice(region))).toEqual(['a@fresh-list.example.com']);
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'b@fresh-list.example.com' }));
    expect(names(await listTwice(region))).toEqual(['a@fresh-list.example.com', 'b@fresh-list.example.com']);
    // Another page size and a filter are other answers, each fresh too.
    expect(names(await listTwice(region, { PageSize: 1 }))).toEqual(['a@fresh-list.example.com']);
    await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'a@fresh-list.example.com' }));
    expect(names(await listTwice(region, { PageSize: 1 }))).toEqual(['b@fresh-list.example.com']);
    expect(names(await listTwice(region))).toEqual(['b@fresh-list.example.com']);
    ses.destroy();
    v1.destroy();
  });

  it('when an address is verified by its link, and another expires as the clock passes 24 h, then the next page shows each status', async () => {
    const region = 'eu-west-2';
    const ses = sesClient(emulator, region);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'clicks@fresh-list.example.com' }));
    ses.destroy();
    expect(statusOf(await listTwice(region), 'clicks@fresh-list.example.com')).toBe('PENDING');
    await fetch(await verificationLink(emulator, 'clicks@fresh-list.example.com'));
    const verified = await listTwice(region);
    expect(verified).toEqual([
      {
        IdentityName: 'clicks@fresh-list.example.com',
        IdentityType: 'EMAIL_ADDRESS',
        SendingEnabled: true,
        VerificationStatus: 'SUCCESS',
      },
    ]);
    const later = sesClient(emulator, region);
    await later.send(new CreateEmailIdentityCommand({ EmailIdentity: 'ignores@fresh-list.example.com' }));
    later.destroy();
    expect(statusOf(await listTwice(region), 'ignores@fresh-list.example.com')).toBe('PENDING');
    await advanceClock(emulator, 25 * HOURS);
    expect(statusOf(await listTwice(region), 'ignores@fresh-list.example.com')).toBe('FAILED');
  });

  it('when the control plane seeds and then resets the store after a read, then the next page shows it', async () => {
    const region = 'ap-northeast-1';
    expect(await listTwice(region)).toEqual([]);
    const seeded = await fetch(`${emulator.url}/_emulator/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identities: 3, regions: [region] }),
    });
    expect(seeded.status).toBe(200);
    expect(await listTwice(region)).toHaveLength(3);
    const reset = await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await listTwice(region)).toEqual([]);
  });

  it('when another process writes the store file after a read, then the next page shows it', async () => {
    const region = 'sa-east-1';
    const ses = sesClient(emulator, region);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'outside@fresh-list.example.com' }));
    ses.destroy();
    expect(statusOf(await listTwice(region), 'outside@fresh-list.example.com')).toBe('PENDING');
    const db = new Database(path.join(dataDir, 'emulator.sqlite'));
    db.prepare("UPDATE ses_identities SET verification_status = 'FAILED' WHERE region = ? AND name = ?").run(
      region,
      'outside@fresh-list.example.com',
    );
    db.close();
    expect(statusOf(await listTwice(region), 'outside@fresh-list.example.com')).toBe('FAILED');
  });
});
