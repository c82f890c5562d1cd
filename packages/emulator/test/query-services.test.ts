import {
  GetIdentityVerificationAttributesCommand,
  ListIdentitiesCommand,
  SESClient,
  SendEmailCommand,
} from '@aws-sdk/client-ses';
import { ListEmailIdentitiesCommand } from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createControlPlane } from '../src/control/control-plane.js';
import { createCore } from '../src/core.js';
import { createDispatcher } from '../src/dispatcher.js';
import { FaultInjector } from '../src/faults/fault-injector.js';
import type { EmulatorLogger } from '../src/logger.js';
import { AwsError } from '../src/protocol/aws-error.js';
import type { IncomingRequest } from '../src/protocol/http-types.js';
import {
  QueryActions,
  type QueryStruct,
  queryInteger,
  queryMap,
  queryProtocol,
  queryRefusal,
  queryResponse,
  queryString,
  queryStringList,
  queryStruct,
  queryStructList,
} from '../src/protocol/query.js';
import { parseCredentials } from '../src/protocol/sigv4.js';
import { xmlList, xmlMap } from '../src/protocol/xml.js';
import { type ListeningHttp, listenHttp } from '../src/server.js';
import { createServiceCatalog } from '../src/services/catalog.js';
import type { ServiceModule } from '../src/services/service.js';
import { rejectionOf } from './route53-helpers.js';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

/**
 * Query services exist only in this test: tiny stand-ins for STS, SES v1 and SNS, registered beside the
 * built-in SES v2 and Route 53 modules and reached through the real SDK clients, to show that the core
 * recognises, signs, faults, logs and answers a query service it has never heard of.
 */

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const SES_NS = 'http://ses.amazonaws.com/doc/2010-12-01/';
const SNS_NS = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** What each stand-in saw: the raw body and the decoded input of its last call. */
const seen: { body?: string; input?: QueryStruct } = {};
function remember(req: IncomingRequest, input: QueryStruct) {
  seen.body = req.body.toString('utf8');
  seen.input = input;
}

function queryService(
  name: string,
  signingName: string,
  version: string,
  namespace: string,
  actions: QueryActions,
): ServiceModule {
  // \`actions\` are created with the version too, so another API's form never runs an operation.
  return {
    name,
    signingNames: [signingName],
    recognition: { kind: 'query', version },
    protocol: queryProtocol(namespace),
    operations: actions,
    unknownOperation: (req) => queryRefusal(req, { version, service: name }),
    faults: {
      throttle: () => new AwsError('Throttling', 400, 'Rate exceeded'),
      serverError: () => new AwsError('ServiceUnavailable', 503, 'Service unavailable'),
      lostAnswer: () => new AwsError('ServiceUnavailable', 503, 'Service unavailable'),
    },
  };
}

const testSts = queryService(
  'test-sts',
  'sts',
  '2011-06-15',
  STS_NS,
  new QueryActions('2011-06-15')
    .add('GetCallerIdentity', (req, input) => {
      remember(req, input);
      return queryResponse(req, STS_NS, 'GetCallerIdentity', {
        UserId: 'AIDAEXAMPLE',
        Account: req.ctx.accountId,
        Arn: `arn:aws:iam::${req.ctx.accountId}:user/a&b<c>"d"`,
      });
    })
    .add('AssumeRole', (req, input) => {
      remember(req, input);
      const roleArn = queryString(input, 'RoleArn');
      if (!roleArn)
        throw new AwsError('ValidationError', 400, "Value null at 'roleArn' failed to satisfy constraint");
      const session = queryString(input, 'RoleSessionName') ?? '';
      const tags = queryStructList(input, 'Tags') ?? [];
      return queryResponse(req, STS_NS, 'AssumeRole', {
        Credentials: {
          AccessKeyId: 'ASIAEXAMPLE',
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: new Date(
            Date.UTC(2030, 0, 1) + (queryInteger(input, 'DurationSeconds') ?? 3600) * 1000,
          ),
        },
        AssumedRoleUser: { AssumedRoleId: `AROAEXAMPLE:${session}`, Arn: `${roleArn}/${session}` },
        PackedPolicySize: tags.length,
      });
    })
    .add('GetSessionToken', () => {
      throw new Error('a bug in the operation');
    }),
);

const testSesV1 = queryService(
  'test-ses-v1',
  'ses',
  '2010-12-01',
  SES_NS,
  new QueryActions('2010-12-01')
    .add('SendEmail', (req, input) => {
      remember(req, input);
      return queryResponse(req, SES_NS, 'SendEmail', { MessageId: 'msg-1' });
    })
    .add('ListIdentities', (req, input) => {
      remember(req, input);
      return queryResponse(req, SES_NS, 'ListIdentities', {
        Identities: xmlList('member', ['a.example', 'b@example.com']),
      });
    })
    .add('GetIdentityVerificationAttributes', (req, input) => {
      remember(req, input);
      const identities = queryStringList(input, 'Identities') ?? [];
      return queryResponse(req, SES_NS, 'GetIdentityVerificationAttributes', {
        VerificationAttributes: xmlMap(
          identities.map((identity) => [
            identity,
            { VerificationStatus: 'Success', VerificationToken: `token-of-${identity}` },
          ]),
        ),
      });
    }),
);

const testSns = queryService(
  'test-sns',
  'sns',
  '2010-03-31',
  SNS_NS,
  new QueryActions('2010-03-31')
    .add('CreateTopic', (req, input) => {
      remember(req, input);
      return queryResponse(req, SNS_NS, 'CreateTopic', {
        TopicArn: `arn:aws:sns:${req.ctx.region}:${req.ctx.accountId}:${queryString(input, 'Name')}`,
      });
    })
    .add('GetTopicAttributes', (req, input) => {
      remember(req, input);
      return queryResponse(req, SNS_NS, 'GetTopicAttributes', {
        Attributes: xmlMap([
          ['TopicArn', queryString(input, 'TopicArn') ?? ''],
          ['DisplayName', 'Ünïcode & <markup>'],
        ]),
      });
    }),
);

interface Running {
  url: string;
  logged: Array<{ level: string; fields: Record<string, unknown>; message: string }>;
  close(): Promise<void>;
}

/** The emulator's parts, as `startEmulator` puts them together, with the stand-ins added. */
async function startWithStandIns(options: { sigv4?: string } = {}): Promise<Running> {
  const logged: Running['logged'] = [];
  const capture =
    (level: string) =>
    (fields: object, message: string): void => {
      logged.push({ level, fields: fields as Record<string, unknown>, message });
    };
  const logger: EmulatorLogger = {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
  const core = createCore(
    { verificationMode: 'auto', defaultAccountId: '000000000000', defaultRegion: 'us-east-1', publicUrl: '' },
    { logger },
  );
  const catalog = createServiceCatalog(core, {});
  // The catalog's own query services (SES v1, …) make way for the stand-ins that stand for them here.
  const services = [
    ...catalog.modules.filter((m) => m.recognition.kind !== 'query'),
    testSesV1,
    testSns,
    testSts,
  ];
  const names = services.map((s) => s.name);
  const faults = new FaultInjector(names);
  const control = createControlPlane(core, { faults, services: names });
  catalog.addControlRoutes(control);
  const dispatch = createDispatcher({
    services,
    control,
    faults,
    defaults: core.config,
    credentials: options.sigv4 ? parseCredentials(options.sigv4) : undefined,
    logger,
  });
  const listening: ListeningHttp = await listenHttp(dispatch, { host: '127.0.0.1', port: 0, logger });
  const url = `http://127.0.0.1:${listening.port}`;
  core.config.publicUrl = url;
  return {
    url,
    logged,
    close: async () => {
      await listening.close();
      core.db.close();
    },
  };
}

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('query services on the shared port (stand-ins registered only in this test)', () => {
  let emulator: Running;
  beforeAll(async () => {
    emulator = await startWithStandIns();
  });
  afterAll(() => emulator.close());
  afterEach(() => fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' }));

  const sts = () =>
    new STSClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1 });
  const ses = () =>
    new SESClient({ region: 'eu-west-1', endpoint: emulator.url, credentials, maxAttempts: 1 });
  const sns = () =>
    new SNSClient({ region: 'eu-west-3', endpoint: emulator.url, credentials, maxAttempts: 1 });

  it('when the STS SDK calls GetCallerIdentity, then the stand-in answers and the SDK reads the Result (escaped text intact)', async () => {
    const out = await sts().send(new GetCallerIdentityCommand({}));
    expect(seen.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
    expect(out.Account).toBe('000000000000');
    expect(out.Arn).toBe('arn:aws:iam::000000000000:user/a&b<c>"d"');
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the STS SDK sends AssumeRole with tags and policy ARNs, then every member decodes and the typed result reads back', async () => {
    const out = await sts().send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/demo',
        RoleSessionName: 'console',
        DurationSeconds: 900,
        Tags: [
          { Key: 'team', Value: 'mail' },
          { Key: 'env', Value: 'a b+c' },
        ],
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      }),
    );
    const input = seen.input as QueryStruct;
    expect(queryString(input, 'RoleSessionName')).toBe('console');
    expect(queryInteger(input, 'DurationSeconds')).toBe(900);
    expect(
      (queryStructList(input, 'Tags') ?? []).map((t) => [queryString(t, 'Key'), queryString(t, 'Value')]),
    ).toEqual([
      ['team', 'mail'],
      ['env', 'a b+c'],
    ]);
    expect((queryStructList(input, 'PolicyArns') ?? []).map((p) => queryString(p, 'arn'))).toEqual([
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    expect(out.Credentials?.AccessKeyId).toBe('ASIAEXAMPLE');
    expect(out.Credentials?.Expiration?.toISOString()).toBe('2030-01-01T00:15:00.000Z');
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:iam::123456789012:role/demo/console');
    expect(out.PackedPolicySize).toBe(2);
  });

  it('when an operation refuses the input, then the SDK sees the error code, message and status from <ErrorResponse>', async () => {
    const error = await rejectionOf(sts().send(new AssumeRoleCommand({ RoleSessionName: 'x' } as never)));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe("Value null at 'roleArn' failed to satisfy constraint");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('when the SES v1 SDK sends SendEmail, then Destination.ToAddresses.member.N and Message.Body.Text.Data decode as sent', async () => {
    const out = await ses().send(
      new SendEmailCommand({
        Source: 'sender@example.com',
        Destination: { ToAddresses: ['a@example.com', 'b@example.com'], CcAddresses: [] },
        Message: { Subject: { Data: 'Hello & welcome' }, Body: { Text: { Data: 'Line 1\nLine 2 ü' } } },
        Tags: [{ Name: 'campaign', Value: 'launch' }],
      }),
    );
    expect(out.MessageId).toBe('msg-1');
    expect(seen.body).toContain(
      'Destination.ToAddresses.member.1=a%40example.com&Destination.ToAddresses.member.2=b%40example.com',
    );
    const input = seen.input as QueryStruct;
    const destination = queryStruct(input, 'Destination') as QueryStruct;
    expect(queryStringList(destination, 'ToAddresses')).toEqual(['a@example.com', 'b@example.com']);
    expect(queryStringList(destination, 'CcAddresses')).toEqual([]);
    const message = queryStruct(input, 'Message') as QueryStruct;
    const text = queryStruct(queryStruct(message, 'Body') as QueryStruct, 'Text') as QueryStruct;
    expect(queryString(text, 'Data')).toBe('Line 1\nLine 2 ü');
    expect(queryString(queryStruct(message, 'Subject') as QueryStruct, 'Data')).toBe('Hello & welcome');
    expect((queryStructList(input, 'Tags') ?? []).map((t) => queryString(t, 'Name'))).toEqual(['campaign']);
  });

  it('when SES v1 answers a list and a map, then the SDK reads Identities and VerificationAttributes', async () => {
    const list = await ses().send(new ListIdentitiesCommand({}));
    expect(list.Identities).toEqual(['a.example', 'b@example.com']);
    const attributes = await ses().send(
      new GetIdentityVerificationAttributesCommand({ Identities: ['a.example', 'b@example.com'] }),
    );
    expect(seen.body).toBe(
      'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities.member.1=a.example&Identities.member.2=b%40example.com',
    );
    expect(attributes.VerificationAttributes).toEqual({
      'a.example': { VerificationStatus: 'Success', VerificationToken: 'token-of-a.example' },
      'b@example.com': { VerificationStatus: 'Success', VerificationToken: 'token-of-b@example.com' },
    });
  });

  it('when the SNS SDK sends Attributes (a map) and Tags, then Attributes.entry.N.key/value decode as a map', async () => {
    const out = await sns().send(
      new CreateTopicCommand({
        Name: 'alerts',
        Attributes: { DisplayName: 'Alerts & more', Policy: '{"Version":"2012-10-17"}' },
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    expect(out.TopicArn).toBe('arn:aws:sns:eu-west-3:000000000000:alerts');
    expect(seen.body).toContain(
      'Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=Alerts%20%26%20more',
    );
    const input = seen.input as QueryStruct;
    expect(Object.fromEntries(queryMap(input, 'Attributes') ?? [])).toEqual({
      DisplayName: 'Alerts & more',
      Policy: '{"Version":"2012-10-17"}',
    });
    const attributes = await sns().send(new GetTopicAttributesCommand({ TopicArn: out.TopicArn }));
    expect(attributes.Attributes).toEqual({ TopicArn: out.TopicArn, DisplayName: 'Ünïcode & <markup>' });
  });

  it('when SES v1 (query) and SES v2 (REST) both sign as ses, then each reaches its own service', async () => {
    const v2 = await new (await import('@aws-sdk/client-sesv2')).SESv2Client({
      region: 'eu-west-1',
      endpoint: emulator.url,
      credentials,
      maxAttempts: 1,
    }).send(new ListEmailIdentitiesCommand({}));
    expect(v2.EmailIdentities).toEqual([]);
    const v1 = await ses().send(new ListIdentitiesCommand({}));
    expect(v1.Identities).toEqual(['a.example', 'b@example.com']);
  });

  const form = (body: string, signedFor?: string) =>
    fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signedFor && {
          authorization: `AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/${signedFor}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
        }),
      },
      body,
    });

  it('when a form names SES v1’s Version but is signed for sns, then SNS takes it and refuses the Version (scope and Version must agree)', async () => {
    const res = await form('Action=ListIdentities&Version=2010-12-01', 'sns');
    expect(res.status).toBe(400);
    // In SNS's XML error shape, naming the parameter, not as SES v1's answer.
    const text = await res.text();
    expect(text).toContain(
      `<ErrorResponse xmlns="${SNS_NS}"><Error><Type>Sender</Type><Code>NoSuchVersion</Code><Message>The requested version (2010-12-01) of service test-sns does not exist: the Version parameter must be 2010-03-31.</Message>`,
    );
    expect(text).not.toContain('ListIdentitiesResult');
  });

  it('when a form is signed for no emulated service, then no service takes it', async () => {
    const res = await form('Action=ListQueues&Version=2012-11-05', 'sqs');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain(
      '<Code>UnknownOperationException</Code><Message>No emulated service handles POST /</Message>',
    );
  });

  it('when a form signed for a stand-in lacks Action or Version, then it answers MissingAction / MissingParameter', async () => {
    const noAction = await form('Version=2011-06-15', 'sts');
    expect(noAction.status).toBe(400);
    expect(await noAction.text()).toContain(
      '<Code>MissingAction</Code><Message>The request must contain the parameter Action.</Message>',
    );
    const noVersion = await form('Action=GetCallerIdentity', 'sts');
    expect(noVersion.status).toBe(400);
    expect(await noVersion.text()).toContain(
      '<Code>MissingParameter</Code><Message>The request must contain the parameter Version (2011-06-15 for test-sts).</Message>',
    );
  });

  it('when a form is unsigned (as AssumeRoleWithWebIdentity is), then its Version alone picks the service', async () => {
    const res = await form('Action=GetCallerIdentity&Version=2011-06-15');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<GetCallerIdentityResult><UserId>AIDAEXAMPLE</UserId>');
  });

  it('when a recognised service has no such Action, then it answers InvalidAction in its own namespace', async () => {
    const res = await form('Action=DeleteEverything&Version=2011-06-15', 'sts');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain(
      `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code>`,
    );
    expect(text).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
  });

  it('when a list in the form has a gap, then the SDK-shaped error is InvalidQueryParameter and the operation sees nothing', async () => {
    seen.body = undefined;
    const res = await form(
      'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities.member.2=x',
      'ses',
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      '<Code>InvalidQueryParameter</Code><Message>Identities.member.2: list members are numbered from 1 without gaps, but Identities.member.1 is missing.</Message>',
    );
    expect(seen.body).toBeUndefined();
  });

  it('when a page posts a form to POST /, then the browser guard refuses it with the query service’s AccessDenied', async () => {
    const res = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://attacker.example' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('when a fault rule names a stand-in, then its calls get its own throttling error and are counted', async () => {
    const set = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({
        rules: [{ service: 'test-sts', operation: 'GetCallerIdentity', throttleProbability: 1 }],
      }),
    });
    expect(set.status).toBe(200);
    const error = await rejectionOf(sts().send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('Throttling');
    expect(error.$metadata.httpStatusCode).toBe(400);
    const state = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      injected: Record<string, number>;
    };
    expect(state.injected['test-sts:GetCallerIdentity:throttle']).toBe(1);
    const unknown = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ service: 'sqs', operation: '*', throttleProbability: 1 }] }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toBe(
      'rules[0].service: must be "sesv2", "route53", "test-ses-v1", "test-sns", "test-sts" or "*"',
    );
  });

  it('when the health probe is asked, then it lists every registered service', async () => {
    const health = (await (await fetch(`${emulator.url}/_emulator/health`)).json()) as { services: string[] };
    expect(health.services).toEqual(['sesv2', 'route53', 'test-ses-v1', 'test-sns', 'test-sts']);
  });

  it('when an operation throws something unexpected, then the SDK sees InternalFailure (500) and the logger gets the error with the request id', async () => {
    const error = await rejectionOf(sts().send(new GetSessionTokenCommand({})));
    expect(error.name).toBe('InternalFailure');
    expect(error.$metadata.httpStatusCode).toBe(500);
    const requestId = (error.$metadata as { requestId?: string }).requestId;
    const entry = emulator.logged.find((l) => l.level === 'error' && l.fields.requestId === requestId);
    expect(entry?.message).toBe('emulator: unexpected error');
    expect(entry?.fields).toMatchObject({ service: 'test-sts', operation: 'GetSessionToken' });
    expect((entry?.fields.err as Error | undefined)?.message).toBe('a bug in the operation');
    const request = emulator.logged.find((l) => l.level === 'debug' && l.fields.requestId === requestId);
    expect(request?.fields).toMatchObject({ method: 'POST', path: '/', status: 500, service: 'test-sts' });
  });
});

describe('query services with EMULATOR_AUTH=sigv4', () => {
  let emulator: Running;
  beforeAll(async () => {
    emulator = await startWithStandIns({ sigv4: 'AKIDQUERY:query-secret:444444444444' });
  });
  afterAll(() => emulator.close());

  const sts = (secretAccessKey: string) =>
    new STSClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'AKIDQUERY', secretAccessKey },
      maxAttempts: 1,
    });

  it('when the form body is signed with the right secret, then the call is served for the key’s account', async () => {
    const out = await sts('query-secret').send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('444444444444');
  });

  it('when the secret is wrong, then the answer is SignatureDoesNotMatch (403) in the query error shape', async () => {
    const error = await rejectionOf(sts('wrong').send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});
