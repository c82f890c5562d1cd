import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlPlane } from './control/control-plane.js';
import { createCore } from './core.js';
import { createDispatcher, type Dispatch } from './dispatcher.js';
import { type RunningDnsServer, startDnsServer } from './dns/dns-server.js';
import { answerFromZones } from './dns/zone-answers.js';
import { FaultInjector } from './faults/fault-injector.js';
import { type EmulatorLogger, jsonLinesLogger } from './logger.js';
import { type EmulatorOptions, isLoopbackHost } from './options.js';
import type { OutgoingResponse } from './protocol/http-types.js';
import { createServiceCatalog, type ServiceCatalog } from './services/catalog.js';
import { groupCommits } from './store/group-commit.js';
import { inspectStore, type StoreReport } from './store/inspect.js';
import { StsCredentialRepo } from './store/sts-credential-repo.js';

export interface RunningEmulator {
  url: string;
  port: number;
  /** Port of the DNS server, when one was asked for. */
  dnsPort?: number;
  /** Seeds identities in every status (benchmarks, demos); same as `POST /_emulator/seed`. */
  seed: ServiceCatalog['seed'];
  /** Row counts and a digest of the whole store (and `PRAGMA integrity_check` when asked); same as `GET /_emulator/store`. */
  inspectStore(options?: { integrity?: boolean }): StoreReport;
  close(): Promise<void>;
}

/** Default of `requestTimeoutMs`: generous, since a body may be a 40 MB raw message. */
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export interface HttpListenOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  requestTimeoutMs?: number;
  maxConnections?: number;
  logger: EmulatorLogger;
}

export interface ListeningHttp {
  port: number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, out: OutgoingResponse): void {
  const { body } = out;
  const length = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  res.writeHead(out.status, { ...out.headers, 'content-length': String(length) });
  // A string body goes out in one write with the head (Node joins them); a Buffer takes a writev.
  res.end(body);
}

/**
 * Serves `dispatch` over HTTP: a trickled request is cut off (408) instead of being held for Node's
 * 300 s, and connections are capped.
 */
export async function listenHttp(dispatch: Dispatch, options: HttpListenOptions): Promise<ListeningHttp> {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(20_000, requestTimeout);
  const server = http.createServer(
    {
      requestTimeout,
      headersTimeout,
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      dispatch(req).then(
        (out) => send(res, out),
        (err: unknown) => {
          options.logger.error({ err, method: req.method, url: req.url }, 'emulator: failed to answer');
          if (!res.headersSent) send(res, { status: 500, headers: {}, body: '' });
        },
      );
    },
  );
  server.maxConnections = options.maxConnections ?? 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.controlToken) {
    // Anyone who reaches the port could reset or reseed everything and read the captured mail.
    throw new Error(
      `EMULATOR_HOST=${host} lets other machines reach the emulator: set EMULATOR_CONTROL_TOKEN (and EMULATOR_AUTH=sigv4 for the AWS APIs) or keep it on 127.0.0.1`,
    );
  }
  const dns = options.verificationDns;
  if (dns?.mode === 'resolver' && !dns.servers?.length && options.dnsPort === undefined) {
    // Resolver mode without servers asks the emulator's own DNS server, which must then run.
    throw new Error(
      'EMULATOR_VERIFICATION_DNS=resolver needs EMULATOR_VERIFICATION_DNS_SERVERS or the DNS server (EMULATOR_DNS_PORT)',
    );
  }
  const logger = options.logger ?? jsonLinesLogger();
  const core = createCore(
    {
      dataDir: options.dataDir,
      verificationMode: options.verificationMode ?? 'realistic',
      sandbox: options.sandbox ?? true,
      defaultAccountId: options.defaultAccountId ?? '000000000000',
      defaultRegion: options.defaultRegion ?? 'us-east-1',
      publicUrl: '',
    },
    { logger },
  );
  // One SQLite commit per event-loop turn; each answer waits for the commit holding its writes.
  const commits = groupCommits(core.db);
  const catalog = createServiceCatalog(core, options);
  const names = catalog.modules.map((m) => m.name);
  const faults = new FaultInjector(names);
  try {
    if (options.faults) faults.configure(options.faults);
  } catch (error) {
    core.db.close();
    throw new Error(`EMULATOR_FAULTS ${(error as Error).message}`);
  }
  const control = createControlPlane(core, { faults, services: names });
  catalog.addControlRoutes(control);
  const dispatchNow = createDispatcher({
    services: catalog.modules,
    control,
    faults,
    defaults: core.config,
    sessions: new StsCredentialRepo(core.db),
    now: () => core.clock.nowMs(),
    credentials: options.auth?.mode === 'sigv4' ? options.auth.credentials : undefined,
    controlToken: options.controlToken,
    logger,
  });
  const dispatch: Dispatch = async (raw) => {
    const out = await dispatchNow(raw);
    await commits.settled();
    return out;
  };
  let listening: ListeningHttp;
  try {
    listening = await listenHttp(dispatch, { ...options, host, port: options.port ?? 4566, logger });
  } catch (error) {
    core.db.close();
    throw error;
  }
  core.config.publicUrl = `http://${host}:${listening.port}`;
  let dnsServer: RunningDnsServer | undefined;
  if (options.dnsPort !== undefined) {
    try {
      dnsServer = await startDnsServer({
        host,
        port: options.dnsPort,
        source: (question) =>
          answerFromZones(catalog.zoneRecordSource(core.config.defaultAccountId), question),
      });
    } catch (error) {
      // e.g. the DNS port is taken: leave nothing listening behind.
      await listening.close();
      core.db.close();
      throw error;
    }
    catalog.useOwnDnsServer(`${host}:${dnsServer.port}`);
  }
  catalog.start();

  return {
    url: core.config.publicUrl,
    port: listening.port,
    dnsPort: dnsServer?.port,
    seed: (seedOptions) => catalog.seed(seedOptions),
    inspectStore: (inspectOptions) => inspectStore(core.db, inspectOptions),
    close: async () => {
      catalog.stop();
      await dnsServer?.close();
      await listening.close();
      core.db.close();
    },
  };
}
