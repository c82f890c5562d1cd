import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  paginateListEmailIdentities,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { failure, sesClient, startTestEmulator, verificationLink } from './helpers.js';

describe('SES v2 email identities', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator);
  });
  afterAll(() => emulator.close());

  it('when a domain is created, then it gets 3 Easy DKIM tokens with status NOT_STARTED, and PENDING afterwards', async () => {
    const created = await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'create.example.com' }));
    expect(created.IdentityType).toBe('DOMAIN');
    expect(created.VerifiedForSendingStatus).toBe(false);
    expect(created.DkimAttributes?.Status).toBe('NOT_STARTED');
    expect(created.DkimAttributes?.SigningHostedZone).toBe('dkim.amazonses.com');
    expect(created.DkimAttributes?.NextSigningKeyLength).toBe('RSA_2048_BIT');
    expect(created.DkimAttributes?.Tokens).toHaveLength(3);
    for (const token of created.DkimAttributes?.Tokens ?? []) expect(token).toMatch(/^[a-z0-9]{32}$/);
    expect(created.$metadata.requestId).toMatch(/[0-9a-f-]{36}/);

    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'create.example.com' }));
    expect(got.VerificationStatus).toBe('PENDING');
    expect(got.DkimAttributes?.Status).toBe('PENDING');
    expect(got.DkimAttributes?.Tokens).toEqual(created.DkimAttributes?.Tokens);
    expect(got.DkimAttributes?.LastKeyGenerationTimestamp).toBeInstanceOf(Date);
    expect(
      Math.abs((got.DkimAttributes?.LastKeyGenerationTimestamp?.getTime() ?? 0) - Date.now()),
    ).toBeLessThan(60_000);
    // Checked at once against (emulated) public DNS, where nothing is published yet.
    expect(got.VerificationInfo?.LastCheckedTimestamp).toBeInstanceOf(Date);
    expect(got.VerificationInfo?.ErrorType).toBe('HOST_NOT_FOUND');
    expect(got.VerificationInfo?.LastSuccessTimestamp).toBeUndefined();
    expect(got.VerifiedForSendingStatus).toBe(false);
    expect(got.FeedbackForwardingStatus).toBe(true);
    expect(got.MailFromAttributes).toEqual({ BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' });
    expect(got.Policies).toEqual({});
    expect(got.Tags).toEqual([]);
  });

  it('when an address is created, then it is EMAIL_ADDRESS without DKIM of its own', async () => {
    const created = await ses.send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'Someone@nodkim.example.org' }),
    );
    expect(created).toMatchObject({ IdentityType: 'EMAIL_ADDRESS', VerifiedForSendingStatus: false });
    expect(created.DkimAttributes).toBeUndefined();
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'Someone@nodkim.example.org' }));
    expect(got.VerificationStatus).toBe('PENDING');
    expect(got.DkimAttributes).toEqual({
      SigningEnabled: false,
      Status: 'NOT_STARTED',
      SigningAttributesOrigin: 'AWS_SES',
      NextSigningKeyLength: 'RSA_1024_BIT',
    });
  });

  it('when an address lives under a registered domain, then it reports the domain DKIM', async () => {
    const domain = await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'parent.example.com' }));
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'me@parent.example.com' }));
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'me@parent.example.com' }));
    expect(got.DkimAttributes?.Tokens).toEqual(domain.DkimAttributes?.Tokens);
    expect(got.DkimAttributes?.SigningEnabled).toBe(true);
  });

  it('when the identity already exists, then AlreadyExistsException 400 says so', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'dup.example.com' }));
    const error = await failure(
      ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'DUP.example.com' })),
    );
    expect(error).toEqual({
      name: 'AlreadyExistsException',
      message: 'Email identity dup.example.com already exist.',
      status: 400,
    });
  });

  it('when the identity already exists and the request also names a missing configuration set, then AlreadyExistsException is what it reports, and nothing changes', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'taken@example.com' }));
    const error = await failure(
      ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'taken@example.com',
          ConfigurationSetName: 'absent',
        }),
      ),
    );
    expect(error).toEqual({
      name: 'AlreadyExistsException',
      message: 'Email identity taken@example.com already exist.',
      status: 400,
    });
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'taken@example.com' }));
    expect(got.ConfigurationSetName).toBeUndefined();
    expect(
      await failure(
        ses.send(
          new CreateEmailIdentityCommand({
            EmailIdentity: 'free@example.com',
            ConfigurationSetName: 'absent',
          }),
        ),
      ),
    ).toMatchObject({ name: 'NotFoundException', status: 404 });
  });

  it.each([
    ['not a domain', /Invalid domain name not a domain/],
    ['a@b@c', /Invalid email address a@b@c/],
    ['nodot', /Invalid domain name nodot/],
    ['bad_label.example.com', /Invalid domain name/],
  ])('when the name is %s, then BadRequestException names the rule', async (name, message) => {
    const error = await failure(ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name })));
    expect(error.name).toBe('BadRequestException');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('when the name is missing, then a 1-validation-error message names the member', async () => {
    const res = await fetch(`${emulator.url}/v2/email/identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await res.json()).toMatchObject({
      message:
        "1 validation error detected: Value at 'emailIdentity' failed to satisfy constraint: Member must not be null",
    });
  });

  it('when the body is not JSON, then SerializationException 400', async () => {
    const res = await fetch(`${emulator.url}/v2/email/identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });

  it('when a missing identity is read or deleted, then NotFoundException 404', async () => {
    const get = await failure(
      ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'missing.example.com' })),
    );
    expect(get).toEqual({
      name: 'NotFoundException',
      message: 'Email identity missing.example.com does not exist.',
      status: 404,
    });
    const del = await failure(
      ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'gone@example.com' })),
    );
    expect(del).toEqual({
      name: 'NotFoundException',
      message: 'Email identity gone@example.com does not exist.',
      status: 404,
    });
  });

  it('when an identity is deleted, then it is gone from Get and List', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'delete-me.example.com' }));
    await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'delete-me.example.com' }));
    const error = await failure(
      ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'delete-me.example.com' })),
    );
    expect(error.name).toBe('NotFoundException');
    const list = await ses.send(new ListEmailIdentitiesCommand({ PageSize: 1000 }));
    expect(list.EmailIdentities?.map((i) => i.IdentityName)).not.toContain('delete-me.example.com');
  });

  it('when identities are listed with filters, then only matching ones come back in creation order', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'zeta-filter.example.com' }));
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'alpha@filter-example.com' }));
    const byName = await ses.send(
      new ListEmailIdentitiesCommand({ Filter: { IDENTITY_NAME_CONTAINS: 'FILTER' } }),
    );
    expect(byName.EmailIdentities?.map((i) => i.IdentityName)).toEqual([
      'zeta-filter.example.com',
      'alpha@filter-example.com',
    ]);
    const byType = await ses.send(
      new ListEmailIdentitiesCommand({
        Filter: { IDENTITY_NAME_CONTAINS: 'filter', IDENTITY_TYPE: 'EMAIL_ADDRESS' },
      }),
    );
    expect(byType.EmailIdentities).toEqual([
      {
        IdentityName: 'alpha@filter-example.com',
        IdentityType: 'EMAIL_ADDRESS',
        SendingEnabled: false,
        VerificationStatus: 'PENDING',
      },
    ]);
    const none = await ses.send(
      new ListEmailIdentitiesCommand({ Filter: { VERIFICATION_STATUS: 'SUCCESS' } }),
    );
    expect(none.EmailIdentities).toEqual([]);
  });

  it('when identities of every status are listed page by page, then each entry says what GetEmailIdentity says', async () => {
    const region = 'ap-south-1';
    const regional = sesClient(emulator, region);
    const seeded = await fetch(`${emulator.url}/_emulator/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identities: 10, regions: [region] }),
    });
    expect(seeded.status).toBe(200);
    // One address moves PENDING → SUCCESS after it is listed once: the list follows the status.
    await regional.send(new CreateEmailIdentityCommand({ EmailIdentity: 'clicks@list-status.example.com' }));
    const before = await regional.send(
      new ListEmailIdentitiesCommand({ Filter: { IDENTITY_NAME_CONTAINS: 'clicks@' } }),
    );
    expect(before.EmailIdentities).toEqual([
      {
        IdentityName: 'clicks@list-status.example.com',
        IdentityType: 'EMAIL_ADDRESS',
        SendingEnabled: false,
        VerificationStatus: 'PENDING',
      },
    ]);
    await fetch(await verificationLink(emulator, 'clicks@list-status.example.com'));

    const listed = [];
    for await (const page of paginateListEmailIdentities({ client: regional, pageSize: 3 }, {})) {
      expect(page.EmailIdentities?.length).toBeLessThanOrEqual(3);
      listed.push(...(page.EmailIdentities ?? []));
    }
    expect(listed).toHaveLength(11);
    expect(new Set(listed.map((i) => i.VerificationStatus))).toEqual(
      new Set(['SUCCESS', 'PENDING', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED']),
    );
    expect(listed.at(-1)).toMatchObject({
      IdentityName: 'clicks@list-status.example.com',
      SendingEnabled: true,
      VerificationStatus: 'SUCCESS',
    });
    for (const entry of listed) {
      const got = await regional.send(new GetEmailIdentityCommand({ EmailIdentity: entry.IdentityName }));
      expect(entry).toEqual({
        IdentityName: entry.IdentityName,
        IdentityType: got.IdentityType,
        SendingEnabled: got.VerifiedForSendingStatus,
        VerificationStatus: got.VerificationStatus,
      });
    }
  });

  it('when a filter value or page size is invalid, then BadRequestException names it', async () => {
    const status = await failure(
      ses.send(new ListEmailIdentitiesCommand({ Filter: { VERIFICATION_STATUS: 'DONE' } })),
    );
    expect(status.name).toBe('BadRequestException');
    expect(status.message).toMatch(/'filter.VERIFICATION_STATUS'.*enum value set/);
    const size = await failure(ses.send(new ListEmailIdentitiesCommand({ PageSize: 1001 })));
    expect(size).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(size.message).toMatch(/Value '1001' at 'pageSize'/);
    const token = await failure(ses.send(new ListEmailIdentitiesCommand({ NextToken: 'garbage' })));
    expect(token).toEqual({
      name: 'BadRequestException',
      message: 'Invalid NextToken: garbage',
      status: 400,
    });
  });
});

describe('SES v2 identity paging over more than 1000 identities', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    emulator.seed({ identities: 1205, regions: ['eu-west-1'] });
  });
  afterAll(() => emulator.close());

  it('when the SDK paginator pages with PageSize 1000, then every identity comes exactly once', async () => {
    const ses = sesClient(emulator, 'eu-west-1');
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListEmailIdentities({ client: ses, pageSize: 1000 }, {})) {
      pages++;
      names.push(...(page.EmailIdentities ?? []).map((i) => i.IdentityName ?? ''));
    }
    expect(pages).toBe(2);
    expect(names).toHaveLength(1205);
    expect(new Set(names).size).toBe(1205);
  });

  it('when the old GET route pages with PageSize/NextToken, then it returns the same identities in order', async () => {
    const post = await sesClient(emulator, 'eu-west-1').send(
      new ListEmailIdentitiesCommand({ PageSize: 1000 }),
    );
    const names: string[] = [];
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ PageSize: '500', ...(token ? { NextToken: token } : {}) });
      const res = await fetch(`${emulator.url}/v2/email/identities?${query}`, {
        headers: {
          authorization:
            'AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/ses/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
        },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        EmailIdentities: Array<{ IdentityName: string }>;
        NextToken?: string;
      };
      names.push(...body.EmailIdentities.map((i) => i.IdentityName));
      token = body.NextToken;
    } while (token);
    expect(names).toHaveLength(1205);
    expect(names.slice(0, 1000)).toEqual(post.EmailIdentities?.map((i) => i.IdentityName));
  });

  it('when the region differs, then the identities are not there', async () => {
    const list = await sesClient(emulator, 'us-west-2').send(new ListEmailIdentitiesCommand({}));
    expect(list.EmailIdentities).toEqual([]);
  });
});

describe('SES v2 protocol edges', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it('when a path label is badly percent-encoded, then a 4xx with a request id, never a 500', async () => {
    const res = await fetch(`${emulator.url}/v2/email/identities/%E0%A4%A`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  });
});
