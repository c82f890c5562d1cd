import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emulatorOptionsFromEnv } from '../src/options.js';
import { ensureBuilt } from './child-emulator.js';

const mainJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

/** What a person sees when `pnpm emulator` (`node dist/main.js`) stops during start-up. */
async function startUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-port-conflict-'));
  const child = spawn(process.execPath, [mainJs], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      EMULATOR_HOST: '127.0.0.1',
      EMULATOR_PORT: '0',
      EMULATOR_DNS_PORT: 'off',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    // It started although the port is taken: stop it, the assertions below fail on its banner.
    if (output.includes('ready on')) child.kill('SIGTERM');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { code, output };
}

const opened: Array<{ close(callback: () => void): unknown }> = [];

async function takeTcpPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  opened.push(server);
  return (server.address() as net.AddressInfo).port;
}

async function takeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  opened.push(socket);
  return socket.address().port;
}

const dnsLine = (port: number) =>
  `Port ${port} on 127.0.0.1 (the emulator's DNS server, UDP and TCP) is in use by another program: set EMULATOR_DNS_PORT to a free port, or EMULATOR_DNS_PORT=off to run without the DNS server.\n`;

describe('pnpm emulator when a port is taken', () => {
  beforeAll(() => ensureBuilt());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  it("when the DNS port is taken over UDP, then it prints one line naming it, EMULATOR_DNS_PORT and 'off', and exits non-zero", async () => {
    const port = await takeUdpPort();
    const { code, output } = await startUntilExit({ EMULATOR_DNS_PORT: String(port) });
    expect(output).toBe(dnsLine(port));
    expect(code).toBe(1);
  });

  it('when the DNS port is taken over TCP, then it prints the same one line and exits non-zero', async () => {
    const port = await takeTcpPort();
    const { code, output } = await startUntilExit({ EMULATOR_DNS_PORT: String(port) });
    expect(output).toBe(dnsLine(port));
    expect(code).toBe(1);
  });

  it('when its HTTP port is taken, then it prints one line naming it and EMULATOR_PORT, and exits non-zero', async () => {
    const port = await takeTcpPort();
    const { code, output } = await startUntilExit({ EMULATOR_PORT: String(port) });
    expect(output).toBe(
      `Port ${port} on 127.0.0.1 (the emulator's AWS endpoint) is in use by another program: set EMULATOR_PORT to a free port.\n`,
    );
    expect(code).toBe(1);
  });

  it('when EMULATOR_DNS_PORT is off, then it starts with no DNS server and prints only its ready line', async () => {
    const { output } = await startUntilExit({ EMULATOR_DNS_PORT: 'off' });
    expect(output).toMatch(/^SES v2 \+ Route 53 emulator ready on http:\/\/127\.0\.0\.1:\d+\n$/);
  });
});

describe('EMULATOR_PORT and EMULATOR_DNS_PORT', () => {
  it('when they are off, a number or missing, then the options say so', () => {
    expect(emulatorOptionsFromEnv({ EMULATOR_DNS_PORT: 'off' }).dnsPort).toBeUndefined();
    expect(emulatorOptionsFromEnv({ EMULATOR_DNS_PORT: '0' }).dnsPort).toBe(0);
    expect(emulatorOptionsFromEnv({}).dnsPort).toBe(10053);
    expect(emulatorOptionsFromEnv({}).port).toBe(4566);
    expect(emulatorOptionsFromEnv({ EMULATOR_PORT: '4567' }).port).toBe(4567);
  });

  it('when they are not ports, then the error names the variable and what it takes', () => {
    expect(() => emulatorOptionsFromEnv({ EMULATOR_PORT: 'abc' })).toThrow(
      'EMULATOR_PORT must be a whole number from 0 to 65535, not "abc"',
    );
    expect(() => emulatorOptionsFromEnv({ EMULATOR_DNS_PORT: 'none' })).toThrow(
      'EMULATOR_DNS_PORT must be a port number or "off", not "none"',
    );
  });
});
