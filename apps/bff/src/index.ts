import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type EmulatorOptions,
  emulatorOptionsFromEnv,
  emulatorPorts,
  portConflictLine,
  type RunningEmulator,
  startEmulator,
} from '@ses-console/emulator';
import { loadConfig } from './config.js';
import { createHttpServer } from './http/http-server.js';
import { logger } from './logger.js';
import { createAppFromConfig } from './server.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

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
  let options: EmulatorOptions | undefined;
  try {
    options = {
      ...emulatorOptionsFromEnv(process.env),
      port: config.EMULATOR_PORT,
      dataDir: config.DATA_DIR,
      // Its lines go through the BFF's pino logger (same format and destination as the BFF's own).
      logger: logger.child({ component: 'emulator' }),
    };
    emulator = await startEmulator(options);
  } catch (error) {
    // A port another program holds (often a second `npm start`): one line naming the port and the
    // variable that moves it. Anything else, e.g. EMULATOR_HOST off loopback without
    // EMULATOR_CONTROL_TOKEN: the reason, without a stack trace.
    const line =
      (options && portConflictLine(error, emulatorPorts(options))) ??
      `Could not start the embedded emulator: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${line}\n`);
    process.exit(1);
  }
}

let store: Store;
try {
  store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
} catch (error) {
  // Say what failed without echoing DATABASE_URL (it may hold a password).
  process.stderr.write(
    `Could not open the ${config.DATABASE_URL ? 'PostgreSQL database (DATABASE_URL)' : 'SQLite store in DATA_DIR'}: ${
      error instanceof Error ? error.message : String(error)
    }\n`,
  );
  await emulator?.close();
  process.exit(1);
}
// Expired sessions and abandoned sign-ins are removed now and then (reads ignore them anyway).
const purge = setInterval(() => {
  store.sessions
    .deleteExpired(new Date())
    .catch((err: unknown) => logger.warn({ err }, 'session purge failed'));
}, 10 * 60_000);
purge.unref();

const { app, clients } = createAppFromConfig(config, {
  emulatorUrl: emulator?.url,
  emulatorDnsPort: emulator?.dnsPort,
  logger,
  store,
});
const server = createHttpServer(app, {
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
  maxConnections: config.MAX_CONNECTIONS,
});
// Until it listens, an error is about getting the port: say which and how to move it, then stop.
const onListenError = (error: Error) => {
  const line =
    portConflictLine(error, [{ port: config.PORT, variable: 'PORT', what: 'the console' }]) ??
    `Could not listen on ${config.HOST}:${config.PORT}: ${error.message}`;
  process.stderr.write(`${line}\n`);
  clients.destroy();
  clearInterval(purge);
  void Promise.allSettled([store.close(), emulator?.close()]).then(() => process.exit(1));
};
server.once('error', onListenError);
server.listen(config.PORT, config.HOST, () => {
  server.off('error', onListenError);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // A plain banner for people (the structured log goes through pino).
  const lines = [`SES identity console ready: http://${config.HOST}:${port}`];
  lines.push(
    `Sign-in: AUTH_MODE=${config.AUTH_MODE}; sessions and audit log in ${store.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'}`,
  );
  if (emulator) lines.push(`Embedded SES (v2 and v1), SNS and Route 53 emulator: ${emulator.url}`);
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
  clearInterval(purge);
  await store.close();
  await emulator?.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
