import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  anyValue,
  encodeLabel,
  encodeLabelRaw,
  FUZZ_SEED,
  RUNS_PER_OPERATION,
  trickyString,
} from '@ses-console/emulator/testing/fuzz-inputs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiRoutes } from '../src/app.js';
import type { RouteSpec } from '../src/routes/route-spec.js';
import type { EmulatorControl } from '../src/services/emulator-control-service.js';
import { type Harness, REGION, startHarness } from './support/harness.js';

/** Every API route, from the same table Express and the OpenAPI document are built from. */
const routes: RouteSpec[] = apiRoutes({
  accounts: {} as never,
  backend: 'emulator',
  regions: [],
  defaultRegion: REGION,
  emulator: {} as EmulatorControl,
  dns: {} as never,
  apiTimeoutMs: 100_000,
});

/** Top-level member names of a zod input schema (objects, unions of objects, wrappers). */
function memberNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.shape && typeof def.shape === 'object') return Object.keys(def.shape as object);
  if (Array.isArray(def.options)) return [...new Set((def.options as z.ZodType[]).flatMap(memberNames))];
  for (const inner of ['in', 'innerType', 'schema'] as const) {
    if (def[inner]) return memberNames(def[inner] as z.ZodType);
  }
  return [];
}

/** Plausible values, so generated bodies get past the first check and reach the deeper ones. */
const plausible = fc.constantFrom<unknown>(
  'example.com',
  'sender@example.com',
  'DOMAIN',
  'EMAIL_ADDRESS',
  'USE_DEFAULT_VALUE',
  'REJECT_MESSAGE',
  'RSA_2048_BIT',
  'AWS_SES',
  'EXTERNAL',
  'all',
  'dkim',
  'mail-from',
  'mail.example.com',
  '{"Version":"2012-10-17","Statement":[]}',
  [{ key: 'k', value: 'v' }],
  [{ key: 'aws:x', value: 'v' }],
  { domain: 'mail.example.com' },
  { origin: 'EXTERNAL', selector: 's1', privateKey: 'AAAA' },
  ['example.com'],
  true,
  false,
  0,
  -1,
  1e9,
);
const memberValue = fc.oneof(plausible, trickyString, anyValue);

/** A little over the 2 MB body limit. */
const OVERSIZE = JSON.stringify({ identities: ['x'.repeat(2 * 1024 * 1024 + 10)] });

/** 100,000 levels: deep enough to overflow any recursive walk (hashing, logging, validation). */
const DEEP = 100_000;
const DEEP_ARRAY = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepObjectIn = (name: string) => `{"${name}":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}`;

/** Strings PostgreSQL (NUL) or UTF-8 (lone surrogates) cannot hold, escaped as JSON would carry them. */
const unstorable = fc
  .tuple(
    fc.constantFrom('\\u0000', '\\ud800', '\\udfff', 'a\\u0000b', '\\ud83d'),
    fc.stringMatching(/^[a-z0-9 .@-]{0,8}$/),
  )
  .map(([bad, text]) => `"${text}${bad}"`);

/** Content-Encoding headers, most of them lies about the body (or not encodings at all). */
const contentEncoding = fc.constantFrom<string | undefined>(
  undefined,
  undefined,
  'bogus',
  'gzip',
  'deflate',
  'br',
  'identity',
  'gzip, br',
  'x-compress',
);

function bodyFor(route: RouteSpec): fc.Arbitrary<string | undefined> {
  const names = memberNames(route.body);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .dictionary(fc.constantFrom(...names, 'extra'), memberValue, { maxKeys: 6 })
        .map((o) => JSON.stringify(o)),
    },
    { weight: 2, arbitrary: anyValue.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(OVERSIZE) },
    { weight: 1, arbitrary: fc.constant(DEEP_ARRAY) },
    { weight: 1, arbitrary: fc.constantFrom(...names, 'extra').map(deepObjectIn) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...names, 'extra'), unstorable, fc.boolean())
        .map(([name, bad, asKey]) => (asKey ? `{${bad}:1,"${name}":1}` : `{"${name}":${bad}}`)),
    },
  );
}

function queryFor(route: RouteSpec): fc.Arbitrary<string> {
  const names = memberNames(route.query);
  if (names.length === 0) return fc.constant('');
  return fc
    .array(fc.tuple(fc.constantFrom(...names, 'extra'), fc.oneof(plausible.map(String), trickyString)), {
      maxLength: 4,
    })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeLabel(v)}`).join('&'));
}

const paramValue = (name: string): fc.Arbitrary<string> => {
  const good: Record<string, string[]> = {
    region: ['us-east-1', 'eu-west-1', 'xx-nowhere-9'],
    identity: ['example.com', 'sender@example.com', 'missing.example'],
    policyName: ['p1', 'policy_2'],
  };
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(good[name] ?? ['x'])).map(encodeLabel) },
    { weight: 4, arbitrary: trickyString.map(encodeLabel) },
    { weight: 1, arbitrary: trickyString.map(encodeLabelRaw) },
  );
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function send(
  port: number,
  method: string,
  path: string,
  body: string | undefined,
  encoding: string | undefined,
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: method.toUpperCase(),
        path,
        agent,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Top-level member names of a JSON object body (none for anything else). */
function sentMembers(body: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(body ?? '');
    return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  } catch {
    return [];
  }
}

interface Envelope {
  error?: {
    code?: unknown;
    message?: unknown;
    requestId?: unknown;
    fieldErrors?: Array<{ field: string; message: string }>;
  };
}

describe('every BFF route under generated bad input (fast-check)', () => {
  let h: Harness;
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto' });
    server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    await send(
      port,
      'post',
      `/api/regions/${REGION}/identities`,
      JSON.stringify({ type: 'DOMAIN', name: 'example.com', tags: [{ key: 'k', value: 'v' }] }),
      undefined,
    );
    await send(
      port,
      'post',
      `/api/regions/${REGION}/identities`,
      JSON.stringify({ type: 'EMAIL_ADDRESS', name: 'sender@example.com' }),
      undefined,
    );
  });
  afterAll(async () => {
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  it('derives every route from the route table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  for (const route of routes) {
    const paramNames = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
    const fields = new Set(['body', ...paramNames, ...memberNames(route.query), ...memberNames(route.body)]);
    it(`when ${route.method.toUpperCase()} ${route.path} gets generated input (deep nesting, NUL, lone surrogates, bogus Content-Encoding included), then it answers a 4xx envelope naming the field (never a 5xx) and a rejection changes nothing`, async () => {
      const input = fc.record({
        params: fc.record(Object.fromEntries(paramNames.map((n) => [n, paramValue(n)]))) as fc.Arbitrary<
          Record<string, string>
        >,
        query: queryFor(route),
        body: route.method === 'get' || route.method === 'delete' ? fc.constant(undefined) : bodyFor(route),
        encoding: contentEncoding,
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, body, encoding }) => {
          const path = route.path.replace(/:([A-Za-z]+)/g, (_, n: string) => params[n] ?? '');
          const target = query ? `${path}?${query}` : path;
          const before = h.emulator.inspectStore().digest;
          const res = await send(port, route.method, target, body, encoding);
          const what = `${route.method.toUpperCase()} ${target.slice(0, 200)} encoding=${encoding} body=${(body ?? '').slice(0, 200)} → ${res.status} ${res.body.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.status < 400) return;
          const envelope = JSON.parse(res.body) as Envelope;
          expect(typeof envelope.error?.code, what).toBe('string');
          expect(typeof envelope.error?.message, what).toBe('string');
          expect(typeof envelope.error?.requestId, what).toBe('string');
          if (res.status === 400 || res.status === 413) {
            const named = (envelope.error?.fieldErrors ?? []).map((f) => f.field.split('.')[0] as string);
            expect(named.length, what).toBeGreaterThan(0);
            // A field of the route, or a member the request itself sent (e.g. a NUL in an unknown one).
            const sent = new Set([...fields, ...sentMembers(body)]);
            for (const field of named) expect(sent, `${what}: unknown field ${field}`).toContain(field);
          }
          expect(h.emulator.inspectStore().digest, `${what}: rejected but changed state`).toBe(before);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }, 180_000);
  }
});
