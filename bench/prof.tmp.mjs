import fs from 'node:fs';
import { startServer } from './lib/processes.mjs';
import { postJson } from './lib/servers.mjs';

fs.rmSync('/tmp/emuprof', { recursive: true, force: true });
const bff = await startServer({
  name: 'bff',
  command: process.execPath,
  args: ['--cpu-prof', '--cpu-prof-dir=/tmp/emuprof', '../apps/bff/dist/index.js'],
  env: {
    PORT: '0',
    EMULATOR_PORT: '0',
    EMULATOR_DNS_PORT: 'off',
    DATA_DIR: '/tmp/emuprof-data',
    LOG_LEVEL: 'warn',
  },
  ready: /console ready: (\S+)/,
});
await new Promise((r) => setTimeout(r, 300));
const emu = bff.output.map((l) => /emulator: (http\S+)/.exec(l)?.[1]).find(Boolean);
await postJson(`${emu}/_emulator/seed`, { identities: 10000, regions: ['us-east-1'] });
for (let i = 0; i < 8; i++) {
  const t0 = performance.now();
  const r = await fetch(`${bff.url}/api/regions/us-east-1/identities`);
  await r.json();
  console.log((performance.now() - t0).toFixed(0));
}
await bff.stop();
