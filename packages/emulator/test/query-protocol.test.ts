import { describe, expect, it } from 'vitest';
import { AwsError } from '../src/protocol/aws-error.js';
import type { IncomingRequest } from '../src/protocol/http-types.js';
import {
  decodeQueryFields,
  InvalidQueryParameter,
  MAX_KEY_SEGMENTS,
  queryBoolean,
  queryFormOf,
  queryInteger,
  queryMap,
  queryProtocol,
  queryResponse,
  queryString,
  queryStringList,
  queryStruct,
  queryStructList,
} from '../src/protocol/query.js';
import { xmlList, xmlMap } from '../src/protocol/xml.js';

/** A form body as the query protocol sends it, decoded by the emulator's query layer. */
const decode = (body: string) => decodeQueryFields(new URLSearchParams(body));

function refusal(work: () => unknown): AwsError {
  try {
    work();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected the form to be refused');
}

function request(body: string, headers: Record<string, string> = {}): IncomingRequest {
  return {
    method: 'POST',
    rawPath: '/',
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: Buffer.from(body),
    ctx: { requestId: 'req-1', accountId: '000000000000', region: 'us-east-1' },
  };
}

describe('query protocol: reading the form', () => {
  it('when a list is sent as Foo.member.N, then it reads in member order, whatever the key order', () => {
    const input = decode('Identities.member.2=b.example&Identities.member.1=a.example&Identities.member.3=c');
    expect(queryStringList(input, 'Identities')).toEqual(['a.example', 'b.example', 'c']);
  });

  it('when a list member is missing (a gap), then InvalidQueryParameter names the member and the gap', () => {
    const error = refusal(() => decode('Identities.member.1=a&Identities.member.3=c'));
    expect(error).toBeInstanceOf(InvalidQueryParameter);
    expect(error.code).toBe('InvalidQueryParameter');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      'Identities.member.3: list members are numbered from 1 without gaps, but Identities.member.2 is missing.',
    );
  });

  it.each([
    ['Identities.member.0=a', 'Identities.member.0'],
    ['Identities.member.01=a', 'Identities.member.01'],
    ['Identities.member.x=a', 'Identities.member.x'],
    ['Identities.member.-1=a', 'Identities.member.-1'],
  ])('when a list is numbered %s (not 1, 2, 3, …), then it is refused naming it', (body, key) => {
    expect(refusal(() => decode(body)).message).toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}: `));
  });

  it('when a map is sent as Attributes.entry.N.key/value, then it reads as a map in the order sent', () => {
    const input = decode(
      'Name=t&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=Hi%20there' +
        '&Attributes.entry.2.key=Policy&Attributes.entry.2.value=%7B%22a%22%3A1%7D',
    );
    expect([...(queryMap(input, 'Attributes') ?? [])]).toEqual([
      ['DisplayName', 'Hi there'],
      ['Policy', '{"a":1}'],
    ]);
    expect(queryString(input, 'Name')).toBe('t');
  });

  it('when a map uses the model’s own key and value names (SNS MessageAttributes), then those are read', () => {
    const input = decode(
      'MessageAttributes.entry.1.Name=color&MessageAttributes.entry.1.Value.DataType=String' +
        '&MessageAttributes.entry.1.Value.StringValue=blue',
    );
    const map = queryMap(input, 'MessageAttributes', { key: 'Name', value: 'Value' });
    const value = map?.get('color') as Parameters<typeof queryString>[0];
    expect(queryString(value, 'DataType')).toBe('String');
    expect(queryString(value, 'StringValue')).toBe('blue');
  });

  it('when a map key is given twice, then it is refused naming the entry', () => {
    const input = decode(
      'Attributes.entry.1.key=A&Attributes.entry.1.value=1&Attributes.entry.2.key=A&Attributes.entry.2.value=2',
    );
    expect(refusal(() => queryMap(input, 'Attributes')).message).toBe(
      'Attributes.entry.2.key: the key "A" is given twice.',
    );
  });

  it('when structures nest (Destination.ToAddresses.member.1, Message.Body.Text.Data), then each level reads', () => {
    const input = decode(
      'Source=a%40example.com&Destination.ToAddresses.member.1=b%40example.com' +
        '&Destination.ToAddresses.member.2=c%40example.com&Destination.CcAddresses=' +
        '&Message.Subject.Data=Hello&Message.Body.Text.Data=Hi%2Bthere&Tags.member.1.Name=k&Tags.member.1.Value=v',
    );
    const destination = queryStruct(input, 'Destination');
    expect(destination && queryStringList(destination, 'ToAddresses')).toEqual([
      'b@example.com',
      'c@example.com',
    ]);
    // The SDKs send an empty list as `Foo=`.
    expect(destination && queryStringList(destination, 'CcAddresses')).toEqual([]);
    const message = queryStruct(input, 'Message');
    const body = message && queryStruct(message, 'Body');
    const text = body && queryStruct(body, 'Text');
    expect(text && queryString(text, 'Data')).toBe('Hi+there');
    const tags = queryStructList(input, 'Tags') ?? [];
    expect(tags.map((t) => [queryString(t, 'Name'), queryString(t, 'Value')])).toEqual([['k', 'v']]);
  });

  it('when a member has the wrong shape, then the refusal names its full dotted path', () => {
    const input = decode('Destination.ToAddresses=x&Count=ten&Flag=yes&Identities.member.1.Deep=x');
    const destination = queryStruct(input, 'Destination');
    expect(refusal(() => destination && queryStringList(destination, 'ToAddresses')).message).toBe(
      'Destination.ToAddresses: must be a list (Destination.ToAddresses.member.1, ….member.2, …).',
    );
    expect(refusal(() => queryInteger(input, 'Count')).message).toBe('Count: must be a whole number.');
    expect(refusal(() => queryBoolean(input, 'Flag')).message).toBe('Flag: must be "true" or "false".');
    expect(refusal(() => queryStringList(input, 'Identities')).message).toBe(
      'Identities: must be a list of single values.',
    );
    expect(refusal(() => queryString(input, 'Destination')).message).toBe(
      'Destination: must be a single value.',
    );
  });

  it('when a key is given twice, or both as a value and as a structure, then it is refused', () => {
    expect(refusal(() => decode('Name=a&Name=b')).message).toBe('Name: given more than once.');
    expect(refusal(() => decode('Message=x&Message.Subject.Data=y')).message).toBe(
      'Message: given both as a value and as a structure.',
    );
    expect(refusal(() => decode('Ids=x&Ids.member.1=y')).message).toBe(
      'Ids: given both as a value and as a list.',
    );
    expect(refusal(() => decode('Message..Data=y')).message).toMatch(/empty part in a dotted key/);
  });

  it('when a key is deeper than the limit, then it is refused (no unbounded nesting)', () => {
    const deep = Array.from({ length: MAX_KEY_SEGMENTS + 1 }, () => 'a').join('.');
    expect(refusal(() => decode(`${deep}=x`)).message).toMatch(
      new RegExp(`keys have at most ${MAX_KEY_SEGMENTS} dotted parts`),
    );
    const deepest = Array.from({ length: MAX_KEY_SEGMENTS }, () => 'a').join('.');
    expect(() => decode(`${deepest}=x`)).not.toThrow();
  });

  it('when a member is named __proto__ or constructor, then it is just a member (no prototype pollution)', () => {
    const input = decode('__proto__.polluted=yes&constructor=x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const proto = queryStruct(input, '__proto__');
    expect(proto && queryString(proto, 'polluted')).toBe('yes');
    expect(queryString(input, 'constructor')).toBe('x');
    expect(queryString(input, 'toString')).toBeUndefined();
  });

  it('when a value carries + (form space), %20, %2B and UTF-8, then each decodes as form encoding means', () => {
    const input = decode('A=a+b&B=a%20b&C=a%2Bb&D=%C3%BC%E2%82%AC');
    expect([
      queryString(input, 'A'),
      queryString(input, 'B'),
      queryString(input, 'C'),
      queryString(input, 'D'),
    ]).toEqual(['a b', 'a b', 'a+b', 'ü€']);
  });

  it('when the form has exactly one Action and one Version, then they are its action and version, apart from the fields', () => {
    const form = queryFormOf(request('Action=GetCallerIdentity&Version=2011-06-15&X=1'));
    expect(form?.action).toBe('GetCallerIdentity');
    expect(form?.version).toBe('2011-06-15');
    expect([...(form?.fields ?? [])]).toEqual([['X', '1']]);
  });

  it.each([
    ['no Action', request('Version=2011-06-15')],
    ['two Actions', request('Action=A&Action=B&Version=2011-06-15')],
    ['a JSON body', request('{"Action":"A","Version":"1"}', { 'content-type': 'application/json' })],
    ['a path other than /', { ...request('Action=A&Version=1'), rawPath: '/v2/email/identities' }],
    ['GET', { ...request('Action=A&Version=1'), method: 'GET' }],
  ])('when the request has %s, then it is not a query request', (_what, req) => {
    expect(queryFormOf(req)).toBeUndefined();
  });
});

describe('query protocol: answers', () => {
  it('when an operation answers, then the document has the Response and Result wrappers and the request id', () => {
    const out = queryResponse(request(''), 'https://sts.amazonaws.com/doc/2011-06-15/', 'GetCallerIdentity', {
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/<a&b>',
    });
    expect(out.status).toBe(200);
    expect(out.headers).toMatchObject({ 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' });
    expect(out.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
        '<GetCallerIdentityResult><Account>123456789012</Account>' +
        '<Arn>arn:aws:iam::123456789012:user/&lt;a&amp;b&gt;</Arn></GetCallerIdentityResult>' +
        '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
    );
  });

  it('when an operation has an empty output, then an empty Result element is written; with no output shape, none', () => {
    const ns = 'http://ses.amazonaws.com/doc/2010-12-01/';
    expect(String(queryResponse(request(''), ns, 'DeleteIdentity', {}).body)).toContain(
      '<DeleteIdentityResult></DeleteIdentityResult><ResponseMetadata>',
    );
    expect(String(queryResponse(request(''), ns, 'VerifyEmailAddress', undefined).body)).toContain(
      '<VerifyEmailAddressResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><ResponseMetadata>',
    );
  });

  it('when a result holds lists and maps, then they are written as member and entry/key/value elements', () => {
    const out = queryResponse(request(''), 'ns', 'GetIdentityVerificationAttributes', {
      VerificationAttributes: xmlMap([['a.example', { VerificationStatus: 'Success' }]]),
      Identities: xmlList('member', ['a', 'b']),
    });
    expect(out.body).toContain(
      '<VerificationAttributes><entry><key>a.example</key><value><VerificationStatus>Success</VerificationStatus></value></entry></VerificationAttributes>' +
        '<Identities><member>a</member><member>b</member></Identities>',
    );
  });

  it('when an error is answered, then it is <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>, escaped', () => {
    const protocol = queryProtocol('http://sns.amazonaws.com/doc/2010-03-31/');
    const out = protocol.errorResponse(
      'req-9',
      new AwsError('InvalidParameter', 400, 'Invalid parameter: <Name> & "x"'),
    );
    expect(out.status).toBe(400);
    expect(out.headers).toEqual({ 'content-type': 'text/xml', 'x-amzn-requestid': 'req-9' });
    expect(out.body).toBe(
      '<?xml version="1.0"?>\n<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">' +
        '<Error><Type>Sender</Type><Code>InvalidParameter</Code>' +
        '<Message>Invalid parameter: &lt;Name&gt; &amp; &quot;x&quot;</Message></Error>' +
        '<RequestId>req-9</RequestId></ErrorResponse>',
    );
    expect(protocol.errorResponse('r', new AwsError('InternalFailure', 500, 'x')).body).toContain(
      '<Type>Receiver</Type>',
    );
    // The core's own refusals use the XML services' codes.
    expect(protocol.codes.accessDenied).toBe('AccessDenied');
    expect(protocol.codes.sigV4['bad-signature']).toBe('SignatureDoesNotMatch');
  });
});
