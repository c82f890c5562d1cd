import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import { GetEmailIdentityCommand, ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emulatorOptionsFromEnv,
  jsonLinesLogger,
  type RunningEmulator,
  startEmulator,
} from '../src/index.js';
import { type ChildEmulator, ensureBuilt, startChildEmulator } from './child-emulator.js';
import { sesClient } from './helpers.js';
import { rejectionOf, route53Client } from './route53-helpers.js';

describe('the emulator logs through the logger it is given (pino when embedded)', () => {
  const lines: Array<Record<string, unknown>> = [];
  let emulator: RunningEmulator;
  beforeAll(async () => {
    // What the BFF passes: its pino logger (here at debug, writing into `lines`).
    const logger = pino(
      { level: 'debug', base: undefined },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    emulator = await startEmulator({ port: 0, logger: logger.child({ component: 'emulator' }) });
  });
  afterAll(() => emulator.close());

  const requestLine = (requestId: string | undefined) =>
    lines.find((l) => l.msg === 'emulator request' && l.requestId === requestId);

  it('when SES v2, Route 53 and the control plane are called, then each request is one debug line through pino, with its request id', async () => {
    const ses = await sesClient(emulator).send(new ListEmailIdentitiesCommand({}));
    const route53 = await route53Client(emulator.url).send(new ListHostedZonesCommand({}));
    const control = await fetch(`${emulator.url}/_emulator/clock`);
    expect(control.status).toBe(200);

    expect(requestLine(ses.$metadata.requestId)).toMatchObject({
      level: 20,
      component: 'emulator',
      method: 'POST',
      path: '/v2/email/list-identities',
      status: 200,
      service: 'sesv2',
      operation: 'ListEmailIdentities',
    });
    expect(requestLine(route53.$metadata.requestId)).toMatchObject({
      service: 'route53',
      operation: 'ListHostedZones',
      status: 200,
    });
    expect(lines.find((l) => l.msg === 'emulator request' && l.path === '/_emulator/clock')).toMatchObject({
      operation: 'GetClock',
      status: 200,
    });
  });

  it('when an operation answers an AWS error, then its line has the status and nothing is logged as an error', async () => {
    const error = await rejectionOf(
      sesClient(emulator).send(new GetEmailIdentityCommand({ EmailIdentity: 'missing.example' })),
    );
    expect(error.name).toBe('NotFoundException');
    const requestId = (error.$metadata as { requestId?: string }).requestId;
    expect(requestLine(requestId)).toMatchObject({ status: 404, operation: 'GetEmailIdentity' });
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});

describe('jsonLinesLogger (the standalone emulator’s stderr logger)', () => {
  it('when entries are logged, then each is one JSON line with pino’s level, time, msg and err fields', () => {
    const written: string[] = [];
    const logger = jsonLinesLogger({ write: (line) => written.push(line) });
    const before = Date.now();
    logger.error({ err: new TypeError('broken'), requestId: 'r-1' }, 'emulator: unexpected error');
    logger.info({ port: 4566 }, 'listening');
    expect(written).toHaveLength(2);
    expect(written.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    const [error, info] = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(error).toMatchObject({
      level: 50,
      msg: 'emulator: unexpected error',
      requestId: 'r-1',
      err: { type: 'TypeError', message: 'broken' },
    });
    expect((error?.err as { stack?: string } | undefined)?.stack).toMatch(/TypeError: broken/);
    expect(error?.time).toBeGreaterThanOrEqual(before);
    expect(info).toMatchObject({ level: 30, msg: 'listening', port: 4566 });
  });

  it('when the level is info (the default), then debug lines are dropped; at debug they are written', () => {
    const atInfo: string[] = [];
    jsonLinesLogger({ write: (line) => atInfo.push(line) }).debug({}, 'emulator request');
    expect(atInfo).toEqual([]);
    const atDebug: string[] = [];
    jsonLinesLogger({ level: 'debug', write: (line) => atDebug.push(line) }).debug({}, 'emulator request');
    expect(JSON.parse(atDebug[0] ?? '{}')).toMatchObject({ level: 20, msg: 'emulator request' });
  });

  it('when a field cannot be written as JSON (a cycle), then the line is still written without it', () => {
    const written: string[] = [];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    jsonLinesLogger({ write: (line) => written.push(line) }).warn({ cyclic }, 'odd');
    expect(JSON.parse(written[0] ?? '{}')).toMatchObject({ level: 40, msg: 'odd' });
  });
});

describe('the standalone emulator (node dist/main.js) logs JSON lines on stderr', () => {
  let dataDir: string;
  let child: ChildEmulator | undefined;
  beforeAll(() => {
    ensureBuilt();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-log-'));
  }, 120_000);
  afterAll(async () => {
    child?.process.kill('SIGTERM');
    await child?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when LOG_LEVEL=debug, then each request is a JSON line on stderr with pino’s fields', async () => {
    child = await startChildEmulator(dataDir, { LOG_LEVEL: 'debug' });
    let stderr = '';
    child.process.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const res = await fetch(`${child.url}/_emulator/health`);
    expect(res.status).toBe(200);
    await expect.poll(() => stderr, { timeout: 5_000 }).toContain('"msg":"emulator request"');
    const line = stderr
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.path === '/_emulator/health');
    expect(line).toMatchObject({
      level: 20,
      msg: 'emulator request',
      method: 'GET',
      status: 200,
      operation: 'Health',
    });
    expect(typeof line?.time).toBe('number');
  });

  it('when LOG_LEVEL is not a level name, then the emulator options say which values it takes', () => {
    expect(() => emulatorOptionsFromEnv({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "loud"',
    );
    expect(() => emulatorOptionsFromEnv({ LOG_LEVEL: 'constructor' })).toThrow(/LOG_LEVEL must be one of/);
  });
});
