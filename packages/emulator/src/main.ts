#!/usr/bin/env node
import { emulatorOptionsFromEnv } from './options.js';
import { startEmulator } from './server.js';

const emulator = await startEmulator(emulatorOptionsFromEnv(process.env));
console.log(`SES v2 + Route 53 emulator ready on ${emulator.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
