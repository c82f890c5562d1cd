// Shared with the BFF's start-up tests (`@ses-console/emulator/testing/start-up-probes`, test code only).
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A port this test holds, as another program would; `release()` frees it. */
export interface HeldPort {
  port: number;
  release(): Promise<void>;
}

/** Holds a free TCP port on 127.0.0.1 (a listening server). */
export async function holdTcpPort(): Promise<HeldPort> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Holds a free UDP port on 127.0.0.1 (a bound socket). */
export async function holdUdpPort(): Promise<HeldPort> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return { port, release: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

/**
 * What a person sees when a server's start-up fails: runs `node <entry>` with exactly `env` (plus PATH
 * and a fresh DATA_DIR) until it exits, and returns its exit code and everything it printed. Should it
 * start after all (`ready` appears), it is stopped, so a test fails on its banner instead of hanging.
 */
export async function startUntilExit(
  entry: string,
  env: Record<string, string>,
  ready: string,
): Promise<{ code: number | null; output: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-up-probe-'));
  const child = spawn(process.execPath, [entry], {
    cwd: path.dirname(entry),
    env: { PATH: process.env.PATH ?? '', HOME: dataDir, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.includes(ready)) child.kill('SIGTERM');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { code, output };
}
