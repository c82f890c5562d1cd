import { performance } from 'node:perf_hooks';
import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import { emulatorControl, sesClient } from '../lib/sdk-client.mjs';
import { startEmulatorProcess } from '../lib/servers.mjs';
import { formatMs, median } from '../lib/stats.mjs';

const MB = 1024 * 1024;

/** Spawn of `node packages/emulator/dist/main.js` to its first 200 on `/_emulator/health`. */
async function coldStart() {
  const t0 = performance.now();
  const emulator = await startEmulatorProcess();
  try {
    const response = await fetch(`${emulator.url}/_emulator/health`);
    if (response.status !== 200) throw new Error(`health answered ${response.status}`);
    return performance.now() - t0;
  } finally {
    await emulator.stop();
  }
}

/** Cold start to ready, and the RSS of an emulator process holding `identities` identities. */
export async function memoryBenchmarks(config) {
  const starts = [];
  for (let i = 0; i < config.coldStarts; i++) starts.push(await coldStart());

  const emulator = await startEmulatorProcess();
  let idle;
  let loaded;
  try {
    idle = emulator.rss();
    await emulatorControl(emulator.url).seed({ identities: config.identities, regions: ['us-east-1'] });
    // Touch every identity once through the API, as a console listing them would.
    const client = sesClient(emulator.url);
    let NextToken;
    do {
      NextToken = (await client.send(new ListEmailIdentitiesCommand({ PageSize: 1000, NextToken })))
        .NextToken;
    } while (NextToken);
    client.destroy();
    loaded = emulator.rss();
  } finally {
    await emulator.stop();
  }
  const n = config.identities.toLocaleString('en-US');
  const start = median(starts);
  return [
    {
      group: 'Emulator process',
      name: `RSS with ${n} identities`,
      target: '≤ 150 MB',
      measured: `${(loaded.rss / MB).toFixed(0)} MB (peak ${(loaded.peak / MB).toFixed(0)} MB; ${(idle.rss / MB).toFixed(0)} MB idle)`,
      ratio: `${(loaded.rss / MB / 150).toFixed(2)} of target`,
      met: loaded.rss / MB <= 150,
      note: `a child process \`node packages/emulator/dist/main.js\` (SQLite store on disk), VmRSS from /proc after seeding ${n} identities and listing them all once`,
    },
    {
      group: 'Emulator process',
      name: 'Cold start to ready',
      target: '≤ 1 s',
      measured: `${formatMs(start)} median of ${starts.length} (max ${formatMs(Math.max(...starts))})`,
      ratio: `${(start / 1000).toFixed(2)} of target`,
      met: start <= 1000,
      note: 'from spawning the process (Node start-up, module loading, SQLite migrations) to the first 200 from `/_emulator/health`',
    },
  ];
}
