import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlPlane } from './control/control-plane.js';
import { controlTokenRefusal } from './control/control-token.js';
import { handleFaultsRequest } from './control/faults-routes.js';
import { type SeedOptions, type SeedResult, seedIdentities } from './control/seed.js';
import { createCore } from './core.js';
import { type RunningDnsServer, startDnsServer } from './dns/dns-server.js';
import { answerFromZones } from './dns/zone-answers.js';
import { ResolverDnsView } from './engine/resolver-dns-view.js';
import { FaultInjector } from './faults/fault-injector.js';
import { type EmulatorOptions, isLoopbackHost } from './options.js';
import { AwsError } from './protocol/aws-error.js';
import { browserRefusal } from './protocol/browser-guard.js';
import { contextFromHeaders } from './protocol/context.js';
import type { IncomingRequest, OutgoingResponse } from './protocol/http-types.js';
import { SigV4Error, sigV4ErrorFor, verifySigV4 } from './protocol/sigv4.js';
import { createRoute53Service } from './services/route53/service.js';
import type { ServiceModule } from './services/service.js';
import { createSesV2Service } from './services/sesv2/service.js';
import { inspectStore, type StoreReport } from './store/inspect.js';

export interface RunningEmulator {
  url: string;
  port: number;
  /** Port of the DNS server, when one was asked for. */
  dnsPort?: number;
  /** Seeds identities in every status (benchmarks, demos); same as `POST /_emulator/seed`. */
  seed(options: SeedOptions): SeedResult;
  /** Row counts and a digest of the whole store (and `PRAGMA integrity_check` when asked); same as `GET /_emulator/store`. */
  inspectStore(options?: { integrity?: boolean }): StoreReport;
  close(): Promise<void>;
}

/** Largest request body accepted (SES v2 allows 40 MB messages; base64 in JSON makes them bigger). */
const MAX_BODY_BYTES = 60 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answer 413 at once and discard the rest of the upload (destroying the socket would leave
        // the client with a reset instead of an answer).
        req.off('data', onData);
        req.resume();
        chunks.length = 0;
        reject(new AwsError('RequestEntityTooLargeException', 413, 'Request body is too large.'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // The client went away or was cut off (request timeout): nobody is left to answer.
    req.on('error', () =>
      reject(new AwsError('RequestTimeout', 408, 'The request body did not arrive completely.')),
    );
  });
}

/** The request target's path exactly as received (no dot-segment resolution), without the query. */
function rawPathOf(target: string): string {
  const path = target.split('?')[0] ?? '/';
  // An absolute-form target (`GET http://host/path`) keeps only its path.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  const rest = absolute ? path.slice(absolute[0].length) : path;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

function send(res: http.ServerResponse, out: OutgoingResponse): void {
  const body = typeof out.body === 'string' ? Buffer.from(out.body, 'utf8') : out.body;
  res.writeHead(out.status, { ...out.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** Default of `requestTimeoutMs`: generous, since a body may be a 40 MB raw message. */
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.controlToken) {
    // Anyone who reaches the port could reset or reseed everything and read the captured mail.
    throw new Error(
      `EMULATOR_HOST=${host} lets other machines reach the emulator: set EMULATOR_CONTROL_TOKEN (and EMULATOR_AUTH=sigv4 for the AWS APIs) or keep it on 127.0.0.1`,
    );
  }
  const core = createCore({
    dataDir: options.dataDir,
    verificationMode: options.verificationMode ?? 'realistic',
    defaultAccountId: options.defaultAccountId ?? '000000000000',
    defaultRegion: options.defaultRegion ?? 'us-east-1',
    publicUrl: '',
  });
  const route53 = createRoute53Service(core);
  const resolverServers =
    options.verificationDns?.mode === 'resolver' ? (options.verificationDns.servers ?? []) : undefined;
  const resolver = resolverServers ? new ResolverDnsView(resolverServers) : undefined;
  const sesv2 = createSesV2Service(core, { dns: route53.dnsView, resolver });
  const services: ServiceModule[] = [sesv2.module, route53.module];
  const control = createControlPlane(core, { sesv2, route53 });
  const faults = new FaultInjector();
  if (options.faults) faults.configure(options.faults);
  const credentials = options.auth?.mode === 'sigv4' ? options.auth.credentials : undefined;

  async function handle(raw: http.IncomingMessage): Promise<OutgoingResponse> {
    const url = new URL(raw.url ?? '/', 'http://emulator');
    // The path as sent: WHATWG URL parsing would resolve `..` and `%2E%2E` segments and so route a
    // request whose label is `..` to another operation (or none).
    const rawPath = rawPathOf(raw.url ?? '/');
    const ctx = contextFromHeaders(raw.headers, core.config);
    const service = services.find((s) => s.owns(rawPath));
    let operation: { name: string; labels: string[] } | undefined;
    try {
      const method = raw.method ?? 'GET';
      const refusal = browserRefusal(method, raw.headers, { awsRoute: service !== undefined });
      if (refusal) {
        // [inf] AWS's front ends answer a refused caller 403 AccessDenied(Exception) and an unreadable
        // body 415; the exact codes for these cases are not documented.
        const code =
          refusal.status === 415
            ? 'UnsupportedMediaTypeException'
            : service?.name === 'route53'
              ? 'AccessDenied'
              : 'AccessDeniedException';
        throw new AwsError(code, refusal.status, refusal.message);
      }
      const tokenRefusal = controlTokenRefusal(method, rawPath, raw.headers, options.controlToken);
      if (tokenRefusal) throw new AwsError('Unauthorized', 401, tokenRefusal);
      const req: IncomingRequest = {
        method,
        rawPath,
        query: url.searchParams,
        headers: raw.headers,
        body: await readBody(raw),
        ctx,
      };
      const controlResponse = handleFaultsRequest(req, faults) ?? (await control.handle(req));
      if (controlResponse) return controlResponse;
      if (!service) {
        return {
          status: 404,
          headers: {
            'content-type': 'application/json',
            'x-amzn-requestid': ctx.requestId,
            'x-amzn-errortype': 'UnknownOperationException',
          },
          body: JSON.stringify({
            __type: 'UnknownOperationException',
            message: `No emulated service handles ${req.method} ${req.rawPath}`,
          }),
        };
      }
      if (credentials) {
        try {
          const caller = verifySigV4(
            {
              ...req,
              rawQuery: (raw.url ?? '').includes('?')
                ? (raw.url ?? '').slice((raw.url ?? '').indexOf('?') + 1)
                : '',
              signingName: service.name === 'route53' ? 'route53' : 'ses',
            },
            credentials,
          );
          if (caller.accountId) ctx.accountId = caller.accountId;
        } catch (error) {
          if (!(error instanceof SigV4Error)) throw error;
          throw sigV4ErrorFor(service.name === 'route53' ? 'rest-xml' : 'rest-json', error);
        }
      }
      const found = service.router.match(req.method, req.rawPath);
      if (!found) return service.unknownOperation(ctx.requestId, req.method, req.rawPath);
      operation = { name: found.route.operation, labels: Object.values(found.params) };
      await faults.apply(service.name, operation.name, ctx.region, operation.labels);
      const out = await found.route.handler(req, found.params);
      faults.recordOutcome(service.name, operation.name, out.status, operation.labels);
      const lost = out.status < 300 ? faults.loseAnswer(service.name, operation.name) : undefined;
      if (lost) return service.errorResponse(ctx.requestId, lost);
      return out;
    } catch (error) {
      const awsError =
        error instanceof AwsError
          ? error
          : new AwsError(
              'InternalFailure',
              500,
              'The request processing has failed because of an unknown error.',
            );
      if (!(error instanceof AwsError)) console.error('emulator: unexpected error', error);
      if (service && operation) faults.recordOutcome(service.name, operation.name, awsError.status);
      if (service) return service.errorResponse(ctx.requestId, awsError);
      return {
        status: awsError.status,
        headers: {
          'content-type': 'application/json',
          'x-amzn-requestid': ctx.requestId,
          'x-amzn-errortype': awsError.code,
        },
        body: JSON.stringify({ __type: awsError.code, code: awsError.code, message: awsError.message }),
      };
    }
  }

  // A trickled request is cut off (408) instead of being held for Node's 300 s; connections are capped.
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(20_000, requestTimeout);
  const serverOptions: http.ServerOptions = {
    requestTimeout,
    headersTimeout,
    connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(headersTimeout / 4))),
  };
  const server = http.createServer(serverOptions, (req, res) => {
    handle(req).then(
      (out) => send(res, out),
      (error) => {
        console.error('emulator: failed to answer', error);
        if (!res.headersSent) send(res, { status: 500, headers: {}, body: '' });
      },
    );
  });
  server.maxConnections = options.maxConnections ?? 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  core.config.publicUrl = `http://${host}:${port}`;
  let dns: RunningDnsServer | undefined;
  if (options.dnsPort !== undefined) {
    dns = await startDnsServer({
      host,
      port: options.dnsPort,
      source: (question) => answerFromZones(route53.zoneRecordSource(core.config.defaultAccountId), question),
    });
  }
  if (resolver && resolverServers?.length === 0) {
    // Resolver mode without servers asks the emulator's own DNS server (it serves the Route 53 zones).
    if (!dns)
      throw new Error(
        'EMULATOR_VERIFICATION_DNS=resolver needs EMULATOR_VERIFICATION_DNS_SERVERS or the DNS server (EMULATOR_DNS_PORT)',
      );
    resolver.setServers([`${host}:${dns.port}`]);
  }
  sesv2.start();

  return {
    url: core.config.publicUrl,
    port,
    dnsPort: dns?.port,
    seed: (seedOptions) =>
      seedIdentities(
        sesv2,
        seedOptions,
        { accountId: core.config.defaultAccountId, region: core.config.defaultRegion },
        route53,
      ),
    inspectStore: (inspectOptions) => inspectStore(core.db, inspectOptions),
    close: async () => {
      sesv2.stop();
      await dns?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      core.db.close();
    },
  };
}
