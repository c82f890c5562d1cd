#!/usr/bin/env node
import { type EmulatorOptions, emulatorOptionsFromEnv, emulatorPorts, portConflictLine } from './options.js';
import { type RunningEmulator, startEmulator } from './server.js';

let options: EmulatorOptions | undefined;
let emulator: RunningEmulator;
try {
  options = emulatorOptionsFromEnv(process.env);
  emulator = await startEmulator(options);
} catch (error) {
  // A configuration mistake (e.g. EMULATOR_HOST off loopback without EMULATOR_CONTROL_TOKEN) or a port
  // another program holds: one line that says which and what to change, no stack.
  const line = options && portConflictLine(error, emulatorPorts(options));
  process.stderr.write(`${line ?? (error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
}
console.log(`SES (v2 and v1), SNS and Route 53 emulator ready on ${emulator.url}`);
if (emulator.dnsPort) {
  console.log(
    `DNS for its hosted zones on ${options?.host ?? '127.0.0.1'}:${emulator.dnsPort} (UDP and TCP)`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
