#!/usr/bin/env node
import { emulatorOptionsFromEnv } from './options.js';
import { startEmulator } from './server.js';

const emulator = await startEmulator(emulatorOptionsFromEnv(process.env));
console.log(`SES v2 + Route 53 emulator ready on ${emulator.url}`);
if (emulator.dnsPort) console.log(`DNS for its hosted zones on 127.0.0.1:${emulator.dnsPort} (UDP and TCP)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
