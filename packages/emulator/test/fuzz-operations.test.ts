import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { createRoute53Service } from '../src/services/route53/service.js';
import { DEED_REGIONS, replicaOrigin } from '../src/services/ses/dkim-regions.js';
import { createSesState } from '../src/services/ses/state.js';
import { createSesV2Module } from '../src/services/sesv2/service.js';
import {
  anyValue,
  encodeLabel,
  FUZZ_SEED,
  pathLabel,
  RUNS_PER_OPERATION,
  trickyString,
} from './fuzz-inputs.js';

/** Every emulated operation, read from the routers themselves so none can be forgotten. */
function emulatedOperations() {
  const core = createCore({
    verificationMode: 'auto',
    defaultAccountId: '000000000000',
    defaultRegion: 'us-east-1',
    publicUrl: '',
  });
  const route53 = createRoute53Service(core);
  const sesv2 = createSesV2Module(createSesState(core, { dns: route53.dnsView }));
  const operations = [
    ...sesv2.operations.list().map((r) => ({ ...r, service: 'sesv2' as const })),
    ...route53.module.operations.list().map((r) => ({ ...r, service: 'route53' as const })),
  ];
  core.db.close();
  return operations;
}

/** Member names the SES v2 and Route 53 inputs use, so generated bodies reach the validators. */
const SES_MEMBERS = [
  'EmailIdentity',
  'Tags',
  'ConfigurationSetName',
  'DkimSigningAttributes',
  'SigningEnabled',
  'SigningAttributesOrigin',
  'SigningAttributes',
  'DomainSigningSelector',
  'DomainSigningPrivateKey',
  'NextSigningKeyLength',
  'DomainSigningAttributesOrigin',
  'MailFromDomain',
  'BehaviorOnMxFailure',
  'EmailForwardingEnabled',
  'Policy',
  'ResourceArn',
  'PageSize',
  'NextToken',
  'FromEmailAddress',
  'Destination',
  'Content',
  'Key',
  'Value',
];
/** 100,000 levels: deep enough to overflow any recursive walk of the parsed body. */
const DEEP = 100_000;
const DEEP_JSON_ARRAY = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepJsonIn = (member: string) => `{"${member}":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}`;
/** NUL and lone surrogates as JSON escapes, and bytes that are not UTF-8 at all. */
const unstorableJson = fc
  .tuple(
    fc.constantFrom(...SES_MEMBERS),
    fc.constantFrom('\\u0000', '\\ud800', '\\udfff', 'x\\u0000.example.com', '\\ud83d.example'),
  )
  .map(([member, bad]) => `{"${member}":"${bad}","EmailIdentity":"${bad}"}`);
const invalidUtf8 = fc
  .constantFrom(...SES_MEMBERS)
  .map((member) =>
    Buffer.concat([
      Buffer.from(`{"${member}":"`),
      Buffer.from([0xed, 0xa0, 0x80, 0xff, 0x00]),
      Buffer.from('"}'),
    ]),
  );

/**
 * Deterministic Easy DKIM origins: every valid one (the seeded parents make some of them succeed),
 * the ones CreateEmailIdentity refuses, near-misses and junk; sometimes beside another DKIM member.
 */
const replicaOriginValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...DEED_REGIONS.map(replicaOrigin)),
  fc.constantFrom(
    'AWS_SES',
    'EXTERNAL',
    'AWS_SES_',
    'AWS_SES_ZZ_NOPE_1',
    'AWS_SES_us-east-1',
    'aws_ses_us_west_2',
    'AWS_SES_US_EAST_1 ',
    'AWS_SES_CN_NORTH_1',
    'us-west-2',
  ),
  trickyString.map((t) => `AWS_SES_${t}`),
  anyValue,
);
const replicaCreate: fc.Arbitrary<string> = fc
  .record(
    {
      EmailIdentity: fc.oneof(
        fc.constantFrom('example.com', 'deed.example.com', 'fresh.example.com', 'a@b.com'),
        trickyString,
      ),
      DkimSigningAttributes: fc.record(
        {
          DomainSigningAttributesOrigin: replicaOriginValue,
          DomainSigningSelector: trickyString,
          DomainSigningPrivateKey: trickyString,
          NextSigningKeyLength: fc.constantFrom('RSA_1024_BIT', 'RSA_2048_BIT', 'RSA_4096_BIT'),
        },
        { requiredKeys: ['DomainSigningAttributesOrigin'] },
      ),
    },
    { requiredKeys: ['DkimSigningAttributes'] },
  )
  .map((o) => JSON.stringify(o));

const sesBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  replicaCreate,
  fc.dictionary(fc.constantFrom(...SES_MEMBERS), anyValue, { maxKeys: 5 }).map((o) => JSON.stringify(o)),
  anyValue.map((v) => JSON.stringify(v) ?? ''),
  fc.string({ maxLength: 60 }),
  fc.constant(''),
  fc.constant(JSON.stringify({ EmailIdentity: 'big.example', Policy: 'p'.repeat(300_000) })),
  fc.constant(DEEP_JSON_ARRAY),
  fc.constantFrom(...SES_MEMBERS).map(deepJsonIn),
  unstorableJson,
  invalidUtf8,
);

function xmlEscape(value: string): string {
  return value.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] as string);
}
const NS = 'xmlns="https://route53.amazonaws.com/doc/2013-04-01/"';
const DEEP_XML = `<?xml version="1.0" encoding="UTF-8"?><CreateHostedZoneRequest ${'<a>'.repeat(DEEP)}${'</a>'.repeat(DEEP)}</CreateHostedZoneRequest>`;
const route53Body: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc
    .tuple(trickyString, trickyString)
    .map(
      ([name, ref]) =>
        `<?xml version="1.0" encoding="UTF-8"?><CreateHostedZoneRequest ${NS}><Name>${xmlEscape(name)}</Name><CallerReference>${xmlEscape(ref)}</CallerReference></CreateHostedZoneRequest>`,
    ),
  fc
    .tuple(fc.constantFrom('CREATE', 'UPSERT', 'DELETE', 'BOGUS'), trickyString, trickyString, trickyString)
    .map(
      ([action, name, type, value]) =>
        `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest ${NS}><ChangeBatch><Changes><Change><Action>${action}</Action><ResourceRecordSet><Name>${xmlEscape(name)}</Name><Type>${xmlEscape(type)}</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>${xmlEscape(value)}</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`,
    ),
  fc.string({ maxLength: 80 }),
  fc.constant('<unclosed'),
  fc.constant(''),
  fc.constant(DEEP_XML),
  fc
    .constantFrom('&#0;', '&#xD800;', '\u0000', '\uD800')
    .map(
      (bad) =>
        `<?xml version="1.0" encoding="UTF-8"?><CreateHostedZoneRequest ${NS}><Name>a${bad}.example.com</Name><CallerReference>r${bad}</CallerReference></CreateHostedZoneRequest>`,
    ),
  fc.constant(
    Buffer.concat([
      Buffer.from(`<CreateHostedZoneRequest ${NS}><Name>`),
      Buffer.from([0xed, 0xa0, 0x80, 0xff]),
      Buffer.from('</Name><CallerReference>b</CallerReference></CreateHostedZoneRequest>'),
    ]),
  ),
);

/** Content-Encoding headers no SDK sends for these services (mostly lies about the body). */
const contentEncoding = fc.constantFrom<string | undefined>(
  undefined,
  undefined,
  undefined,
  'bogus',
  'gzip',
  'br',
  'deflate',
  'identity',
);

const QUERY_KEYS = [
  'TagKeys',
  'ResourceArn',
  'PageSize',
  'NextToken',
  'maxitems',
  'marker',
  'dnsname',
  'hostedzoneid',
  'name',
  'type',
  'identifier',
];
const query: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), trickyString), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeLabel(v)}`).join('&'));

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function send(
  url: string,
  method: string,
  path: string,
  body: string | Buffer,
  contentType: string,
  contentEncoding?: string,
  region = 'us-east-1',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path,
        agent,
        headers: {
          'content-type': contentType,
          'content-length': Buffer.byteLength(body),
          ...(contentEncoding === undefined ? {} : { 'content-encoding': contentEncoding }),
          authorization: `AWS4-HMAC-SHA256 Credential=test/20240101/${region}/ses/aws4_request, SignedHeaders=host, Signature=0000000000000000000000000000000000000000000000000000000000000000`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('every emulator operation under generated bad input (fast-check)', () => {
  let emulator: RunningEmulator;
  const operations = emulatedOperations();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, verificationMode: 'auto' });
    // Some state for the generated requests to hit (and, on rejection, leave alone).
    const ses = (path: string, body: unknown) =>
      send(emulator.url, 'POST', path, JSON.stringify(body), 'application/json');
    await ses('/v2/email/configuration-sets', { ConfigurationSetName: 'cs' });
    await ses('/v2/email/identities', { EmailIdentity: 'example.com', Tags: [{ Key: 'k', Value: 'v' }] });
    await ses('/v2/email/identities', { EmailIdentity: 'a@b.com' });
    // DEED: example.com (us-east-1) is the parent of a us-west-2 replica, so deleting it or switching it
    // to BYODKIM is refused; deed.example.com has a parent in us-west-2 that us-east-1 creates can name.
    const west = async (body: unknown) => {
      const json = JSON.stringify(body);
      const res = await send(
        emulator.url,
        'POST',
        '/v2/email/identities',
        json,
        'application/json',
        undefined,
        'us-west-2',
      );
      expect(res.status).toBe(200);
    };
    await west({
      EmailIdentity: 'example.com',
      DkimSigningAttributes: { DomainSigningAttributesOrigin: 'AWS_SES_US_EAST_1' },
    });
    await west({ EmailIdentity: 'deed.example.com' });
    await send(
      emulator.url,
      'POST',
      '/2013-04-01/hostedzone',
      `<CreateHostedZoneRequest ${NS}><Name>example.com</Name><CallerReference>seed</CallerReference></CreateHostedZoneRequest>`,
      'application/xml',
    );
  });
  afterAll(async () => {
    agent.destroy();
    await emulator.close();
  });

  it('derives a non-trivial operation list from the routers', () => {
    expect(operations.filter((o) => o.service === 'sesv2').length).toBeGreaterThanOrEqual(20);
    expect(operations.filter((o) => o.service === 'route53').length).toBeGreaterThanOrEqual(8);
  });

  for (const op of operations) {
    it(`when ${op.service} ${op.operation} (${op.method} ${op.template}) gets generated input (deep nesting, NUL, lone surrogates, bogus Content-Encoding included), then it answers < 500 with an AWS error shape, and a rejection changes nothing`, async () => {
      const labels = Object.fromEntries(op.labels.map((l) => [l, pathLabel]));
      const request = fc.record({
        labels: fc.record(labels) as fc.Arbitrary<Record<string, string>>,
        query,
        body: op.service === 'sesv2' ? sesBody : route53Body,
        encoding: contentEncoding,
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ labels: values, query: q, body, encoding }) => {
          const path = op.template.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => values[name] ?? '');
          const before = emulator.inspectStore().digest;
          const res = await send(
            emulator.url,
            op.method,
            q ? `${path}?${q}` : path,
            body,
            op.service === 'sesv2' ? 'application/json' : 'application/xml',
            encoding,
          );
          const what = `${op.method} ${path} encoding=${encoding} body=${body.toString().slice(0, 120)} → ${res.status} ${res.body.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.status < 400) return;
          if (op.service === 'sesv2') {
            const parsed = JSON.parse(res.body) as { message?: unknown };
            expect(typeof parsed.message).toBe('string');
            expect(res.headers['x-amzn-errortype']).toBeTruthy();
          } else {
            expect(res.body).toMatch(/<Code>[A-Za-z.]+<\/Code>/);
            expect(res.body).toMatch(/<Message>[^<]*<\/Message>/);
          }
          expect(emulator.inspectStore().digest, `${what}: rejected but changed state`).toBe(before);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }, 120_000);
  }
});
