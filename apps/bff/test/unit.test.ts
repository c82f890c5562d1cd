import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors/app-error.js';
import { mapAwsError } from '../src/errors/aws-error-map.js';
import { requiredDnsRecords } from '../src/services/dns-records.js';
import { toMailboxMessage } from '../src/services/emulator-control-service.js';
import { outcomeOfFailedDelete } from '../src/services/identity-delete-service.js';
import { tagDifference } from '../src/services/identity-edit-service.js';
import { candidateZoneNames } from '../src/services/route53-zones.js';

/** Shaped like an SDK ServiceException: the fields aws-error-map reads. */
function sdkError(name: string, status: number, message: string, attempts = 1) {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status, attempts },
  });
}

/** As clients/upstream-error-tag.ts leaves an SDK call's final error: the earlier attempts' errors. */
function withEarlierAttempts<E extends object>(error: E, earlier: unknown[]): E {
  Object.defineProperty(error, '$earlierAttemptErrors', { value: earlier, enumerable: false });
  return error;
}

describe('requiredDnsRecords', () => {
  it('when a domain uses Easy DKIM with a custom MAIL FROM, then it asks for 3 CNAMEs, the MX and the SPF TXT', () => {
    const records = requiredDnsRecords('example.com', 'eu-west-1', {
      IdentityType: 'DOMAIN',
      DkimAttributes: {
        Tokens: ['aaa', 'bbb', 'ccc'],
        SigningHostedZone: 'dkim.amazonses.com',
        SigningAttributesOrigin: 'AWS_SES',
      },
      MailFromAttributes: {
        MailFromDomain: 'mail.example.com',
        MailFromDomainStatus: 'PENDING',
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
    });
    expect(records).toEqual([
      {
        purpose: 'DKIM',
        type: 'CNAME',
        name: 'aaa._domainkey.example.com',
        value: 'aaa.dkim.amazonses.com',
        publishable: true,
      },
      {
        purpose: 'DKIM',
        type: 'CNAME',
        name: 'bbb._domainkey.example.com',
        value: 'bbb.dkim.amazonses.com',
        publishable: true,
      },
      {
        purpose: 'DKIM',
        type: 'CNAME',
        name: 'ccc._domainkey.example.com',
        value: 'ccc.dkim.amazonses.com',
        publishable: true,
      },
      {
        purpose: 'MAIL_FROM_MX',
        type: 'MX',
        name: 'mail.example.com',
        value: '10 feedback-smtp.eu-west-1.amazonses.com',
        publishable: true,
      },
      {
        purpose: 'MAIL_FROM_SPF',
        type: 'TXT',
        name: 'mail.example.com',
        value: '"v=spf1 include:amazonses.com ~all"',
        publishable: true,
      },
    ]);
  });

  it('when a domain uses BYODKIM, then it asks for the selector TXT, which cannot be published', () => {
    const records = requiredDnsRecords('example.com', 'us-east-1', {
      IdentityType: 'DOMAIN',
      DkimAttributes: { Tokens: ['sel1'], SigningAttributesOrigin: 'EXTERNAL' },
    });
    expect(records).toEqual([
      {
        purpose: 'DKIM',
        type: 'TXT',
        name: 'sel1._domainkey.example.com',
        value: '"p=customerProvidedPublicKey"',
        publishable: false,
      },
    ]);
  });

  it('when the identity is an email address, then it asks for no records', () => {
    expect(requiredDnsRecords('a@example.com', 'us-east-1', { IdentityType: 'EMAIL_ADDRESS' })).toEqual([]);
  });
});

describe('candidateZoneNames', () => {
  it('when a subdomain is given, then candidates go from the longest suffix to the registrable one', () => {
    expect(candidateZoneNames('mail.shop.example.com.')).toEqual([
      'mail.shop.example.com',
      'shop.example.com',
      'example.com',
    ]);
  });
});

describe('tagDifference', () => {
  it('when tags are replaced, then new and changed tags are tagged and removed keys untagged', () => {
    const diff = tagDifference(
      [
        { key: 'keep', value: '1' },
        { key: 'change', value: 'old' },
        { key: 'drop', value: 'x' },
      ],
      [
        { key: 'keep', value: '1' },
        { key: 'change', value: 'new' },
        { key: 'add', value: '' },
      ],
    );
    expect(diff).toEqual({
      toTag: [
        { key: 'change', value: 'new' },
        { key: 'add', value: '' },
      ],
      toUntag: ['drop'],
    });
  });
});

describe('outcomeOfFailedDelete', () => {
  it('when the only attempt says NotFound, then the identity is reported not_found', () => {
    expect(outcomeOfFailedDelete('a.com', sdkError('NotFoundException', 404, 'nope')).outcome).toBe(
      'not_found',
    );
  });

  it('when NotFound comes from an SDK retry after a 5xx, then the earlier attempt may have deleted it and it is reported deleted', () => {
    const error = withEarlierAttempts(sdkError('NotFoundException', 404, 'nope', 2), [
      sdkError('InternalServiceErrorException', 500, 'boom'),
    ]);
    expect(outcomeOfFailedDelete('a.com', error).outcome).toBe('deleted');
  });

  it('when NotFound comes from an SDK retry after throttles or a refused connection only, then nothing of ours ran and it is reported not_found', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = withEarlierAttempts(sdkError('NotFoundException', 404, 'nope', 3), [
      sdkError('TooManyRequestsException', 429, 'Rate exceeded'),
      refused,
    ]);
    expect(outcomeOfFailedDelete('a.com', error).outcome).toBe('not_found');
  });

  it('when the last attempt timed out after a 5xx, then the outcome is unknown, never failed', () => {
    const timeout = Object.assign(new Error('request timeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
    const error = withEarlierAttempts(timeout, [sdkError('InternalServiceErrorException', 500, 'boom')]);
    expect(outcomeOfFailedDelete('a.com', error)).toEqual({
      identity: 'a.com',
      outcome: 'unknown',
      message:
        'Not confirmed: SES did not answer in time, so the delete may or may not have run. Reload to see whether it is still there.',
    });
  });

  it('when SES keeps throttling through the retries, then the identity is reported failed saying so', () => {
    expect(
      outcomeOfFailedDelete('a.com', sdkError('TooManyRequestsException', 429, 'Rate exceeded', 4)),
    ).toEqual({
      identity: 'a.com',
      outcome: 'failed',
      message: 'AWS kept throttling requests (Rate exceeded) after 4 attempts over 0.0 s; try again later.',
    });
  });
});

describe('mapAwsError', () => {
  it.each([
    ['NotFoundException', 404, 404, 'NotFound'],
    ['NoSuchHostedZone', 404, 404, 'NotFound'],
    ['AlreadyExistsException', 400, 409, 'AlreadyExists'],
    ['BadRequestException', 400, 400, 'BadRequest'],
    ['InvalidChangeBatch', 400, 400, 'InvalidChangeBatch'],
    ['InvalidInput', 400, 400, 'InvalidInput'],
    ['MessageRejected', 400, 400, 'MessageRejected'],
    ['TooManyRequestsException', 429, 429, 'TooManyRequests'],
    ['LimitExceededException', 400, 429, 'LimitExceeded'],
    ['Throttling', 400, 429, 'TooManyRequests'],
  ])(
    'when SDK error %s (%i) arrives, then the BFF answers %i %s with AWS message',
    (name, status, want, code) => {
      const mapped = mapAwsError(sdkError(name, status, `aws says ${name}`));
      expect(mapped).toBeInstanceOf(AppError);
      expect(mapped).toMatchObject({ status: want, code, message: `aws says ${name}` });
    },
  );

  it('when an unknown SDK client error arrives, then it is a 502 without the upstream message', () => {
    const mapped = mapAwsError(sdkError('WeirdThing', 418, 'stack at http://10.0.0.1 secret'));
    expect(mapped).toMatchObject({ status: 502, code: 'UpstreamError' });
    expect((mapped as AppError).message).not.toContain('10.0.0.1');
  });

  it('when a 5xx survives the retries, then it is a 503 saying how long SES was tried, without the upstream message', () => {
    const mapped = mapAwsError(sdkError('InternalFailure', 500, 'stack at http://10.0.0.1 secret', 6));
    expect(mapped).toMatchObject({
      status: 503,
      code: 'ServiceUnavailable',
      message: 'AWS did not answer after 6 attempts over 0.0 s; try again later.',
    });
  });

  it('when the SDK times out, then it is a 504 UpstreamTimeout', () => {
    const timeout = Object.assign(new Error('socket hang up'), {
      name: 'TimeoutError',
      $metadata: { attempts: 6 },
      $upstreamService: 'SES',
      $elapsedMs: 61_234,
    });
    expect(mapAwsError(timeout)).toMatchObject({
      status: 504,
      code: 'UpstreamTimeout',
      message: 'SES did not answer in time after 6 attempts over 61.2 s; try again later.',
    });
  });
});

describe('toMailboxMessage', () => {
  it('when a verification email is read, then its link and token are extracted', () => {
    const message = toMailboxMessage(
      {
        Id: 'm1',
        Region: 'us-east-1',
        Source: 'no-reply-aws@amazon.com',
        Destination: { ToAddresses: ['me@example.com'], CcAddresses: [], BccAddresses: [] },
        Subject: 'Amazon Web Services – Email Address Verification Request in region US East (N. Virginia)',
        Body: {
          text_part:
            'go to\n\nhttp://127.0.0.1:4566/_emulator/verify-email?token=abc-DEF_1-ghi-JKL_2\n\nthanks',
          html_part: null,
        },
        Timestamp: '2026-01-02T03:04:05.000Z',
      },
      'http://127.0.0.1:4566',
    );
    expect(message).toEqual({
      id: 'm1',
      region: 'us-east-1',
      from: 'no-reply-aws@amazon.com',
      to: ['me@example.com'],
      subject: 'Amazon Web Services – Email Address Verification Request in region US East (N. Virginia)',
      text: 'go to\n\nhttp://127.0.0.1:4566/_emulator/verify-email?token=abc-DEF_1-ghi-JKL_2\n\nthanks',
      sentAt: '2026-01-02T03:04:05.000Z',
      verificationLink: 'http://127.0.0.1:4566/_emulator/verify-email?token=abc-DEF_1-ghi-JKL_2',
      verificationToken: 'abc-DEF_1-ghi-JKL_2',
    });
  });
});

describe('account id for identity ARNs', () => {
  it('when the credentials carry an account id, then it is used; when nothing knows it, then 502 says to set AWS_ACCOUNT_ID', async () => {
    const { SESv2Client } = await import('@aws-sdk/client-sesv2');
    const { createAccountIdResolver } = await import('../src/services/account-id.js');
    const withAccount = new SESv2Client({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x', accountId: '123456789012' },
    });
    const withoutAccount = new SESv2Client({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
    });
    const clientsOf = (client: typeof withAccount) => ({
      ses: () => client,
      sesSingleAttempt: () => client,
      attemptTimeoutMs: 1_000,
      route53: () => {
        throw new Error('unused');
      },
      sesV1: () => {
        throw new Error('unused');
      },
      sns: () => {
        throw new Error('unused');
      },
      destroy: () => {},
    });
    expect(await createAccountIdResolver(clientsOf(withAccount), undefined)('us-east-1')).toBe(
      '123456789012',
    );
    expect(await createAccountIdResolver(clientsOf(withoutAccount), '210987654321')('us-east-1')).toBe(
      '210987654321',
    );
    await expect(
      createAccountIdResolver(clientsOf(withoutAccount), undefined)('us-east-1'),
    ).rejects.toMatchObject({
      status: 502,
      code: 'AccountIdUnknown',
    });
    withAccount.destroy();
    withoutAccount.destroy();
  });
});

describe('loadConfig', () => {
  it('when nothing is set, then the defaults are emulator, 127.0.0.1:8080, us-east-1 and the SES commercial regions', async () => {
    const { loadConfig } = await import('../src/config.js');
    const config = loadConfig({}, '/tmp/console');
    expect(config).toMatchObject({
      SES_BACKEND: 'emulator',
      HOST: '127.0.0.1',
      PORT: 8080,
      AWS_REGION: 'us-east-1',
    });
    expect(config.REGIONS).toContain('eu-west-1');
    expect(config.REGIONS.length).toBeGreaterThan(20);
  });

  it('when REGIONS and AWS_REGION are set, then they are parsed; empty variables count as unset', async () => {
    const { loadConfig } = await import('../src/config.js');
    const config = loadConfig(
      { REGIONS: ' eu-west-1, us-east-2 ', AWS_REGION: 'us-east-2', PORT: '' },
      '/tmp/console',
    );
    expect(config.REGIONS).toEqual(['eu-west-1', 'us-east-2']);
    expect(config.AWS_REGION).toBe('us-east-2');
    expect(config.PORT).toBe(8080);
  });

  it('when AWS_REGION is not among REGIONS or a value is wrong, then start-up fails naming the variable', async () => {
    const { loadConfig } = await import('../src/config.js');
    expect(() => loadConfig({ REGIONS: 'eu-west-1', AWS_REGION: 'us-east-1' }, '/x')).toThrow(
      /AWS_REGION: AWS_REGION must be one of REGIONS/,
    );
    expect(() => loadConfig({ SES_BACKEND: 'gcp' }, '/x')).toThrow(/SES_BACKEND/);
    expect(() => loadConfig({ REGIONS: 'mars-1' }, '/x')).toThrow(/REGIONS/);
    expect(() => loadConfig({ AWS_ACCOUNT_ID: '12' }, '/x')).toThrow(/AWS_ACCOUNT_ID must be 12 digits/);
  });
});
