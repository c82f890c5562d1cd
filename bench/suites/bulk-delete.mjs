import { performance } from 'node:perf_hooks';
import { emulatorControl } from '../lib/sdk-client.mjs';
import { consoleSessionHeaders, postJson } from '../lib/servers.mjs';
import { formatMs } from '../lib/stats.mjs';

/**
 * Deletes `count` identities through the BFF's bulk delete while the emulator throttles
 * DeleteEmailIdentity at `rate` requests per second, and compares the time with the bound count/rate.
 */
export async function bulkDeleteBenchmark(bff, names, config, region) {
  const { count, rate } = config.bulkDelete;
  const identities = names.slice(0, count);
  if (identities.length < count) throw new Error(`only ${identities.length} identities to delete`);
  const emulator = emulatorControl(bff.emulatorUrl);
  await emulator.setFaults([{ service: 'sesv2', operation: 'DeleteEmailIdentity', rateLimit: rate }]);
  const session = await consoleSessionHeaders(bff.url);
  let result;
  let elapsedMs;
  let faults;
  try {
    const t0 = performance.now();
    result = await postJson(`${bff.url}/api/regions/${region}/identities/delete`, { identities }, session);
    elapsedMs = performance.now() - t0;
    faults = await emulator.faults();
  } finally {
    await emulator.clearFaults();
  }
  const boundMs = (count / rate) * 1000;
  const ratio = elapsedMs / boundMs;
  const throttled = faults.injected?.['sesv2:DeleteEmailIdentity:throttle'] ?? 0;
  const allDeleted = result.deleted === count;
  return [
    {
      group: 'Bulk delete',
      name: `Delete ${count.toLocaleString('en-US')} identities through the BFF, emulator limiting DeleteEmailIdentity to ${rate}/s`,
      target: `≤ 1.15× the bound ${count}/${rate} s = ${formatMs(boundMs)}, every identity deleted`,
      measured: `${formatMs(elapsedMs)}; ${result.deleted} deleted, ${result.failed} failed; ${throttled} calls throttled by the emulator`,
      ratio: `${ratio.toFixed(3)}×`,
      met: allDeleted && ratio <= 1.15,
      note: `${allDeleted ? '' : 'MISSED: identities left undeleted — the BFF on this branch sends 5 at a time with the SDK’s adaptive retries (4 attempts) and gives up on an identity after that; pacing to the observed limit is being built on the `reliability` branch. '}The token bucket starts full (burst = ${rate}), so the ideal is slightly under the bound`,
    },
  ];
}
