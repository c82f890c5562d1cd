#!/usr/bin/env node
import { emulatorOptionsFromEnv } from './options.js';
import { type RunningEmulator, startEmulator } from './server.js';

let emulator: RunningEmulator;
try {
  emulator = await startEmulator(emulatorOptionsFromEnv(process.env));
} catch (error) {
  // A configuration mistake (e.g. EMULATOR_HOST off loopback without EMULATOR_CONTROL_TOKEN): the reason, no stack.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
console.log(`SES v2 + Route 53 emulator ready on ${emulator.url}`);
if (emulator.dnsPort) console.log(`DNS for its hosted zones on 127.0.0.1:${emulator.dnsPort} (UDP and TCP)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
