import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatorOptionsFromEnv, type RunningEmulator, startEmulator } from '@ses-console/emulator';
import { loadConfig } from './config.js';
import { logger } from './logger.js';
import { createAppFromConfig } from './server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, path.join(here, '../../console/dist'));
} catch (error) {
  // A configuration mistake is the operator's: say which variable, without a stack trace.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

let emulator: RunningEmulator | undefined;
if (config.SES_BACKEND === 'emulator') {
  emulator = await startEmulator({
    ...emulatorOptionsFromEnv(process.env),
    port: config.EMULATOR_PORT,
    dataDir: config.DATA_DIR,
  });
}

const { app, clients } = createAppFromConfig(config, {
  emulatorUrl: emulator?.url,
  emulatorDnsPort: emulator?.dnsPort,
  logger,
});
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // A plain banner for people (the structured log goes through pino).
  const lines = [`SES identity console ready: http://${config.HOST}:${port}`];
  if (emulator) lines.push(`Embedded SES v2 + Route 53 emulator: ${emulator.url}`);
  else lines.push(`Backend: AWS (default region ${config.AWS_REGION})`);
  process.stdout.write(`${lines.join('\n')}\n`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received, stopping`);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  clients.destroy();
  await emulator?.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
