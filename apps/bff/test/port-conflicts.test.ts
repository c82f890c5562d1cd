import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What a person sees when `node dist/index.js` stops during start-up (or that it started after all). */
async function startUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-port-conflict-'));
  const child = spawn(process.execPath, ['dist/index.js'], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dataDir,
      SES_BACKEND: 'emulator',
      HOST: '127.0.0.1',
      PORT: '0',
      EMULATOR_PORT: '0',
      EMULATOR_DNS_PORT: 'off',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    // It started although the port is taken: stop it, the assertions below fail on its banner.
    if (output.includes('console ready')) child.kill('SIGTERM');
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

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('npm start when a port is taken', () => {
  it("when the DNS port is taken over UDP, then the BFF prints one line naming it, EMULATOR_DNS_PORT and 'off', and exits non-zero", async () => {
    const port = await takeUdpPort();
    const { code, output } = await startUntilExit({ EMULATOR_DNS_PORT: String(port) });
    expect(output).toBe(
      `Port ${port} on 127.0.0.1 (the emulator's DNS server, UDP and TCP) is in use by another program: set EMULATOR_DNS_PORT to a free port, or EMULATOR_DNS_PORT=off to run without the DNS server.\n`,
    );
    expect(code).toBe(1);
  });

  it('when the DNS port is taken over TCP, then the BFF prints the same one line and exits non-zero', async () => {
    const port = await takeTcpPort();
    const { code, output } = await startUntilExit({ EMULATOR_DNS_PORT: String(port) });
    expect(output).toBe(
      `Port ${port} on 127.0.0.1 (the emulator's DNS server, UDP and TCP) is in use by another program: set EMULATOR_DNS_PORT to a free port, or EMULATOR_DNS_PORT=off to run without the DNS server.\n`,
    );
    expect(code).toBe(1);
  });

  it("when the embedded emulator's port is taken, then the BFF prints one line naming it and EMULATOR_PORT, and exits non-zero", async () => {
    const port = await takeTcpPort();
    const { code, output } = await startUntilExit({ EMULATOR_PORT: String(port) });
    expect(output).toBe(
      `Port ${port} on 127.0.0.1 (the emulator's AWS endpoint) is in use by another program: set EMULATOR_PORT to a free port.\n`,
    );
    expect(code).toBe(1);
  });

  it("when the console's port is taken, then the BFF prints one line naming it and PORT, and exits non-zero", async () => {
    const port = await takeTcpPort();
    const { code, output } = await startUntilExit({ PORT: String(port) });
    expect(output).toBe(
      `Port ${port} on 127.0.0.1 (the console) is in use by another program: set PORT to a free port.\n`,
    );
    expect(code).toBe(1);
  });
});
