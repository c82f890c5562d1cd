#!/usr/bin/env node
import { startEmulator } from './server.js';

const port = Number(process.env.EMULATOR_PORT ?? 4566);
const host = process.env.EMULATOR_HOST ?? '127.0.0.1';
const emulator = await startEmulator({ port, host, dataDir: process.env.DATA_DIR ?? '.data' });
console.log(`SES v2 + Route 53 emulator ready on ${emulator.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
