import { postJson, startBffProcess } from './lib/servers.mjs';
import { bffBenchmarks } from './suites/bff.mjs';
import { consoleBenchmarks } from './suites/console.mjs';

const config = { identities: 10000, listRuns: 4, detailCount: 10, consoleRuns: 2, sortsPerRun: 3 };
const bff = await startBffProcess();
try {
  await postJson(`${bff.emulatorUrl}/_emulator/seed`, {
    identities: config.identities,
    regions: ['us-east-1'],
  });
  const { rows } = await bffBenchmarks(bff, config, 'us-east-1');
  for (const r of [...rows, ...(await consoleBenchmarks(bff, config, 'us-east-1'))])
    console.log(r.name, '|', r.measured, '|', r.ratio);
} finally {
  await bff.stop();
}
