import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetaResponse, SessionResponse } from '@ses-console/contract';
import { setApiBaseUrl } from '../lib/api-client';

export interface FakeRequest {
  method: string;
  path: string;
  /** The account of an `/api/accounts/{account}/…` path (ACCOUNTS); undefined for other paths. */
  account: string | undefined;
  /** The path without its account prefix (`/api/regions/…`): what the route is, whatever the account. */
  route: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export type FakeHandler = (req: FakeRequest) => { status?: number; body: unknown } | undefined;

export interface FakeBff {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export const testMeta: MetaResponse = {
  backend: 'emulator',
  defaultRegion: 'us-east-1',
  regions: [
    { code: 'us-east-1', name: 'US East (N. Virginia)' },
    { code: 'eu-west-1', name: 'Europe (Ireland)' },
  ],
};

/** ACCOUNTS as the BFF lists them in `/api/meta`: three accounts, production the default. */
export const testAccounts = [
  { id: '111111111111', name: 'production', regions: ['us-east-1', 'eu-west-1'] },
  { id: '222222222222', name: 'staging', regions: ['us-east-1', 'eu-west-1'] },
  { id: '333333333333', name: 'sandbox', regions: ['us-east-1'] },
] as const satisfies MetaResponse['accounts'];

/** `/api/meta` of a console serving several accounts (ACCOUNTS). */
export const testMetaWithAccounts: MetaResponse = {
  ...testMeta,
  accounts: testAccounts.map((a) => ({ ...a, regions: [...a.regions] })),
  defaultAccount: testAccounts[0].id,
};

/** AUTH_MODE=none's answer: the local user holds every role. */
export const testSession: SessionResponse = {
  authMode: 'none',
  user: { id: 'local', name: 'Local user (no sign-in)' },
  roles: ['viewer', 'operator', 'admin'],
  csrfToken: 'test-csrf-token',
  signOut: 'none',
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/**
 * A real HTTP server on an ephemeral loopback port that answers like the BFF: the console's api-client
 * talks to it with real `fetch`, so tests cover serialisation and the error envelope too.
 */
export async function startFakeBff(
  handler: FakeHandler,
  /** What `/api/meta` and `/api/session` answer when the handler does not (e.g. `testMetaWithAccounts`). */
  defaults: { meta?: MetaResponse; session?: SessionResponse } = {},
): Promise<FakeBff> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const scoped = /^\/api\/accounts\/(\d{12})(\/.*)$/.exec(path);
    const request = {
      method: req.method ?? 'GET',
      path,
      account: scoped?.[1],
      route: scoped ? `/api${scoped[2]}` : path,
      query: url.searchParams,
      body: await readBody(req),
      headers: req.headers,
    };
    requests.push(request);
    const answer =
      handler(request) ??
      (request.path === '/api/meta' ? { body: defaults.meta ?? testMeta } : undefined) ??
      (request.path === '/api/session' ? { body: defaults.session ?? testSession } : undefined) ??
      ({
        status: 404,
        body: {
          error: {
            code: 'NotFound',
            message: `no fake for ${request.method} ${request.path}`,
            requestId: 'test',
          },
        },
      } as const);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  // Longer than any test: a slow first render must not find its kept-alive connection closed.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setApiBaseUrl(url);
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The test is over: kept-alive connections go now, not when their long keep-alive ends.
        server.closeAllConnections();
      }),
  };
}
