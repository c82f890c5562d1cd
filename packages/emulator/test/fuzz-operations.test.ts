import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { createRoute53Service } from '../src/services/route53/service.js';
import { DEED_REGIONS, replicaOrigin } from '../src/services/ses/dkim-regions.js';
import { createSesState } from '../src/services/ses/state.js';
import { createSesV1Module } from '../src/services/sesv1/service.js';
import { createSesV2Module } from '../src/services/sesv2/service.js';
import { createSnsModule } from '../src/services/sns/service.js';
import { createSnsState } from '../src/services/sns/state.js';
import { createStsModule } from '../src/services/sts/service.js';
import { createStsState } from '../src/services/sts/state.js';
import {
  anyValue,
  encodeLabel,
  encodeLabelRaw,
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
  const ses = createSesState(core, { dns: route53.dnsView });
  const sesv2 = createSesV2Module(ses);
  const sesv1 = createSesV1Module(ses);
  const sns = createSnsModule(createSnsState(core, { email: () => undefined }));
  const sts = createStsModule(createStsState(core));
  const operations = [
    ...sesv2.operations.list().map((r) => ({ ...r, service: 'sesv2' as const })),
    ...route53.module.operations.list().map((r) => ({ ...r, service: 'route53' as const })),
    ...sesv1.operations.list().map((r) => ({ ...r, service: 'sesv1' as const })),
    ...sns.operations.list().map((r) => ({ ...r, service: 'sns' as const })),
    ...sts.operations.list().map((r) => ({ ...r, service: 'sts' as const })),
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
  'TemplateName',
  'TemplateArn',
  'TemplateContent',
  'TemplateData',
  'Template',
  'Subject',
  'Text',
  'Html',
  'EmailAddress',
  'Reason',
  'SuppressedReasons',
  'SuppressionOptions',
  'MailType',
  'WebsiteURL',
  'ContactLanguage',
  'UseCaseDescription',
  'AdditionalContactEmailAddresses',
  'ProductionAccessEnabled',
  'SendingEnabled',
  'DefaultContent',
  'BulkEmailEntries',
  'ReplacementEmailContent',
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
  // Route 53 zone metadata bodies: comments, tag changes, tag lookups, and alias / routing-policy records.
  fc
    .tuple(trickyString, fc.constantFrom('', '<Comment/>'))
    .map(
      ([comment, extra]) =>
        `<?xml version="1.0" encoding="UTF-8"?><UpdateHostedZoneCommentRequest ${NS}>${extra}<Comment>${xmlEscape(comment)}</Comment></UpdateHostedZoneCommentRequest>`,
    ),
  fc
    .tuple(trickyString, trickyString, trickyString)
    .map(
      ([key, value, remove]) =>
        `<?xml version="1.0" encoding="UTF-8"?><ChangeTagsForResourceRequest ${NS}><AddTags><Tag><Key>${xmlEscape(key)}</Key><Value>${xmlEscape(value)}</Value></Tag></AddTags><RemoveTagKeys><Key>${xmlEscape(remove)}</Key><Key>${xmlEscape(key)}</Key></RemoveTagKeys></ChangeTagsForResourceRequest>`,
    ),
  fc
    .array(trickyString, { maxLength: 12 })
    .map(
      (ids) =>
        `<?xml version="1.0" encoding="UTF-8"?><ListTagsForResourcesRequest ${NS}><ResourceIds>${ids.map((id) => `<ResourceId>${xmlEscape(id)}</ResourceId>`).join('')}</ResourceIds></ListTagsForResourcesRequest>`,
    ),
  fc
    .tuple(
      trickyString,
      trickyString,
      trickyString,
      fc.constantFrom('Weight', 'Failover', 'MultiValueAnswer', 'Region'),
    )
    .map(
      ([zoneId, target, setId, policy]) =>
        `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest ${NS}><ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet><Name>a.example.com</Name><Type>A</Type><SetIdentifier>${xmlEscape(setId)}</SetIdentifier><${policy}>${xmlEscape(target)}</${policy}><AliasTarget><HostedZoneId>${xmlEscape(zoneId)}</HostedZoneId><DNSName>${xmlEscape(target)}</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`,
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

/** SNS form members (dotted, as the query serialiser writes them), so generated forms reach the validators. */
const SNS_MEMBERS = [
  'Name',
  'TopicArn',
  'TargetArn',
  'PhoneNumber',
  'Protocol',
  'Endpoint',
  'Token',
  'SubscriptionArn',
  'Message',
  'Subject',
  'MessageStructure',
  'NextToken',
  'ReturnSubscriptionArn',
  'AuthenticateOnUnsubscribe',
  'Attributes',
  'Attributes.entry.1.key',
  'Attributes.entry.1.value',
  'Attributes.entry.2.key',
  'Attributes.member.1',
  'Tags.member.1.Key',
  'Tags.member.1.Value',
  'Tags.member.3.Key',
  'MessageAttributes.entry.1.Name',
  'MessageAttributes.entry.1.Value.DataType',
  'MessageAttributes.entry.1.Value.StringValue',
  'MessageAttributes.entry.1.Value',
  'Message.member.1',
];
const SNS_TOPIC = 'arn:aws:sns:us-east-1:000000000000:fz';
const snsValue = fc.oneof(
  trickyString,
  fc.constantFrom(
    SNS_TOPIC,
    `${SNS_TOPIC}:0`,
    'http://127.0.0.1:1/x',
    'email',
    'http',
    'sqs',
    'true',
    'json',
  ),
  fc.constantFrom('{"default":"x"}', '', 'String', 'Binary', 'a@b.com', 'Name'),
);
const formPair = ([key, value]: [string, string]) =>
  `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
/** A form for `action`: generated members, deep or empty dotted keys, repeats, or no form at all. */
const snsBody = (action: string): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.constantFrom(...SNS_MEMBERS), snsValue), { maxLength: 6 })
      .map((pairs) => [`Action=${action}`, 'Version=2010-03-31', ...pairs.map(formPair)].join('&')),
    fc.constant(`Action=${action}&Version=2010-03-31&${'a.'.repeat(40)}b=1`),
    fc.constant(`Action=${action}&Version=2010-03-31&TopicArn..x=1&Name=a&Name=b`),
    fc.constant(`Action=${action}&Version=2010-03-31&Message=${'m'.repeat(300_000)}&TopicArn=${SNS_TOPIC}`),
    fc.constant(`Action=${action}&Version=2010-03-31&Name=%00%ED%A0%80`),
    fc.string({ maxLength: 60 }),
    fc.constant(''),
  );

/** STS form members, so generated forms reach AssumeRole's and GetSessionToken's validators. */
const STS_MEMBERS = [
  'RoleArn',
  'RoleSessionName',
  'DurationSeconds',
  'ExternalId',
  'Policy',
  'PolicyArns.member.1.arn',
  'PolicyArns.member.2.arn',
  'PolicyArns.member.1',
  'Tags.member.1.Key',
  'Tags.member.1.Value',
  'Tags.member.2.Key',
  'Tags.member.1',
  'TransitiveTagKeys.member.1',
  'TransitiveTagKeys',
  'SerialNumber',
  'TokenCode',
  'SourceIdentity',
  'ProvidedContexts.member.1.ProviderArn',
  'ProvidedContexts',
  'AccessKeyId',
  'RoleArn.member.1',
];
const stsValue = fc.oneof(
  trickyString,
  fc.constantFrom(
    'arn:aws:iam::123456789012:role/ConsoleRole',
    'arn:aws:iam::123456789012:role/a/b/c/Role',
    'arn:aws:iam::123456789012:user/Alice',
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'ses-console',
    'a',
    '900',
    '3600',
    '43201',
    '-1',
    '1e3',
    '99999999999999999',
    '{"Version":"2012-10-17","Statement":[]}',
    '{bad',
    'ASIAAAAAAAAAAAAAAAAA',
    'AKIAIOSFODNN7EXAMPLE',
    '123456',
    'team',
    '',
  ),
);
/** A form for `action`: generated members, a huge policy, a deep key, or no form at all. */
const stsBody = (action: string): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom(...STS_MEMBERS), stsValue), { maxLength: 7 })
        .map((pairs) => [`Action=${action}`, 'Version=2011-06-15', ...pairs.map(formPair)].join('&')),
    },
    {
      weight: 1,
      arbitrary: fc.constant(
        `Action=${action}&Version=2011-06-15&RoleArn=arn:aws:iam::123456789012:role/R&RoleSessionName=s&Policy={"a":"${'p'.repeat(300_000)}"}`,
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant(`Action=${action}&Version=2011-06-15&${'Tags.member.1.'.repeat(20)}x=1`),
    },
    { weight: 1, arbitrary: fc.constant(`Action=${action}&Version=2010-03-31&RoleArn=x`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  );
/** The caller of a generated STS request: a static key, or a made-up session (key and token). */
const stsCaller = fc.constantFrom<{ accessKeyId: string; token?: string }>(
  { accessKeyId: 'test' },
  { accessKeyId: '123456789012' },
  { accessKeyId: 'ASIAAAAAAAAAAAAAAAAA', token: 'made-up' },
  { accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' },
);

/** SES v1 (query) members, and the dotted tails their lists and structures take, so forms reach the validators. */
const SES_V1_MEMBERS = [
  'EmailAddress',
  'Domain',
  'Identity',
  'Identities',
  'IdentityType',
  'MaxItems',
  'NextToken',
  'DkimEnabled',
  'MailFromDomain',
  'BehaviorOnMXFailure',
  'ForwardingEnabled',
  'NotificationType',
  'SnsTopic',
  'Enabled',
  'PolicyName',
  'PolicyNames',
  'Policy',
  'Source',
  'Destination',
  'Message',
  'RawMessage',
  'Destinations',
  'Tags',
  'ConfigurationSetName',
  'ReplyToAddresses',
  'Action',
  'Version',
];
const SES_V1_TAILS = [
  '',
  '',
  '.member.1',
  '.member.2',
  '.member.0',
  '.member.x',
  '.member.1.Name',
  '.member.1.Value',
  '.member.1.member.1',
  '.entry.1.key',
  '.ToAddresses.member.1',
  '.CcAddresses',
  '.Subject.Data',
  '.Body.Text.Data',
  '.Body.Html.Data',
  '.Data',
  '..',
  '.',
  `${'.a'.repeat(40)}`,
];
/** A known-good value for a member, so generated forms also get past the first checks. */
const plausibleValue = fc.constantFrom(
  'a@b.com',
  'example.com',
  'true',
  'false',
  'Bounce',
  'Domain',
  'EmailAddress',
  'UseDefaultValue',
  '5',
  '0',
  'p1',
  '{"Version":"2012-10-17"}',
  'arn:aws:sns:us-east-1:000000000000:t',
  'arn:aws:ses:us-east-1:000000000000:identity/example.com',
  Buffer.from('From: a@b.com\r\nTo: c@d.com\r\nSubject: s\r\n\r\nbody').toString('base64'),
  '%%%',
);
const sesV1Field = fc
  .tuple(
    fc.constantFrom(...SES_V1_MEMBERS),
    fc.constantFrom(...SES_V1_TAILS),
    fc.oneof(trickyString, plausibleValue),
    fc.boolean(),
  )
  .map(
    ([member, tail, value, raw]) => `${member}${tail}=${raw ? encodeLabelRaw(value) : encodeLabel(value)}`,
  );
/** A form for `action`: its own Action and Version (or, sometimes, a wrong or missing one) and generated fields. */
function sesV1Body(action: string): fc.Arbitrary<string | Buffer> {
  const head = fc.constantFrom(
    `Action=${action}&Version=2010-12-01`,
    `Action=${action}&Version=2010-12-01`,
    `Action=${action}&Version=2010-12-01`,
    `Action=${action}&Version=2019-09-27`,
    `Action=${action}`,
    'Version=2010-12-01',
    `Action=${action}&Action=${action}&Version=2010-12-01`,
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(head, fc.array(sesV1Field, { maxLength: 6 })).map(([h, f]) => [h, ...f].join('&')),
    },
    { weight: 1, arbitrary: head.map((h) => `${h}&${'Identities.member.1.'.repeat(5000)}x=1`) },
    {
      weight: 1,
      arbitrary: head.map((h) => `${h}&Policy=${'p'.repeat(300_000)}&Identity=example.com&PolicyName=big`),
    },
    {
      weight: 1,
      arbitrary: head.map((h) =>
        Buffer.concat([Buffer.from(`${h}&EmailAddress=`), Buffer.from([0xed, 0xa0, 0x80, 0xff, 0x00])]),
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  );
}

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
  'Reason',
  'StartDate',
  'EndDate',
];
const query: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), trickyString), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeLabel(v)}`).join('&'));

const CONTENT_TYPES = {
  sesv2: 'application/json',
  route53: 'application/xml',
  sesv1: 'application/x-www-form-urlencoded',
  sns: 'application/x-www-form-urlencoded',
  sts: 'application/x-www-form-urlencoded',
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function send(
  url: string,
  method: string,
  path: string,
  body: string | Buffer,
  contentType: string,
  contentEncoding?: string,
  /** The SigV4 credential scope: the Region and the signing name (`ses`, `sns`), and the caller's key. */
  scope: { region?: string; service?: string; accessKeyId?: string; token?: string } = {},
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
          ...(scope.token === undefined ? {} : { 'x-amz-security-token': scope.token }),
          authorization: `AWS4-HMAC-SHA256 Credential=${scope.accessKeyId ?? 'test'}/20240101/${scope.region ?? 'us-east-1'}/${scope.service ?? 'ses'}/aws4_request, SignedHeaders=host, Signature=0000000000000000000000000000000000000000000000000000000000000000`,
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
        { region: 'us-west-2' },
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
      '/',
      'Action=VerifyDomainIdentity&Version=2010-12-01&Domain=v1.example.com',
      'application/x-www-form-urlencoded',
    );
    await ses('/v2/email/templates', { TemplateName: 'tpl', TemplateContent: { Subject: '{{s}}' } });
    await send(
      emulator.url,
      'PUT',
      '/v2/email/suppression/addresses',
      JSON.stringify({ EmailAddress: 'x@b.com', Reason: 'BOUNCE' }),
      'application/json',
    );
    await send(
      emulator.url,
      'POST',
      '/2013-04-01/hostedzone',
      `<CreateHostedZoneRequest ${NS}><Name>example.com</Name><CallerReference>seed</CallerReference></CreateHostedZoneRequest>`,
      'application/xml',
    );
    await send(
      emulator.url,
      'POST',
      '/',
      `Action=CreateTopic&Version=2010-03-31&Name=fz`,
      'application/x-www-form-urlencoded',
      undefined,
      { service: 'sns' },
    );
  });
  afterAll(async () => {
    agent.destroy();
    await emulator.close();
  });

  it('derives a non-trivial operation list from the routers', () => {
    expect(operations.filter((o) => o.service === 'sesv2').length).toBeGreaterThanOrEqual(20);
    expect(operations.filter((o) => o.service === 'route53').length).toBeGreaterThanOrEqual(13);
    expect(operations.filter((o) => o.service === 'sns').length).toBeGreaterThanOrEqual(9);
    expect(operations.filter((o) => o.service === 'sesv1').length).toBeGreaterThanOrEqual(23);
    expect(operations.filter((o) => o.service === 'sts').length).toBeGreaterThanOrEqual(2);
  });

  for (const op of operations) {
    it(`when ${op.service} ${op.operation} (${op.method} ${op.template}) gets generated input (deep nesting, NUL, lone surrogates, bogus Content-Encoding included), then it answers < 500 with an AWS error shape, and a rejection changes nothing`, async () => {
      const labels = Object.fromEntries(op.labels.map((l) => [l, pathLabel]));
      const request = fc.record({
        labels: fc.record(labels) as fc.Arbitrary<Record<string, string>>,
        query,
        caller: op.service === 'sts' ? stsCaller : fc.constant({ accessKeyId: 'test' }),
        body:
          op.service === 'sesv2'
            ? sesBody
            : op.service === 'sesv1'
              ? sesV1Body(op.operation)
              : op.service === 'sns'
                ? snsBody(op.operation)
                : op.service === 'sts'
                  ? stsBody(op.operation)
                  : route53Body,
        encoding: contentEncoding,
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ labels: values, query: q, body, encoding, caller }) => {
          const path = op.template.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => values[name] ?? '');
          const before = emulator.inspectStore().digest;
          const res = await send(
            emulator.url,
            op.method,
            q ? `${path}?${q}` : path,
            body,
            CONTENT_TYPES[op.service],
            encoding,
            { service: op.service === 'sns' || op.service === 'sts' ? op.service : 'ses', ...caller },
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
