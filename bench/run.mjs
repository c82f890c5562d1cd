// Benchmark entry point (`pnpm bench`). For now it measures the emulator's cold start to ready;
// the full side-by-side suite is tracked in the benchmarks issue.
import { performance } from 'node:perf_hooks';
import { startEmulator } from '@ses-console/emulator';

const runs = process.argv.includes('--quick') ? 3 : 10;
const samples = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const emulator = await startEmulator({ port: 0 });
  const res = await fetch(`${emulator.url}/_emulator/health`);
  if (res.status !== 200) throw new Error(`health answered ${res.status}`);
  samples.push(performance.now() - t0);
  await emulator.close();
}
samples.sort((a, b) => a - b);
console.log(
  `emulator start to healthy: median ${samples[Math.floor(samples.length / 2)].toFixed(1)} ms over ${runs} runs`,
);
