import { type Change, ChangeResourceRecordSetsCommand, type Route53Client } from '@aws-sdk/client-route-53';
import {
  DeleteIdentityCommand,
  DeleteIdentityPolicyCommand,
  GetIdentityDkimAttributesCommand,
  GetIdentityMailFromDomainAttributesCommand,
  GetIdentityPoliciesCommand,
  GetIdentityVerificationAttributesCommand,
  ListIdentitiesCommand,
  ListIdentityPoliciesCommand,
  PutIdentityPolicyCommand,
  type SESClient,
  SetIdentityDkimEnabledCommand,
  SetIdentityFeedbackForwardingEnabledCommand,
  SetIdentityMailFromDomainCommand,
  VerifyDomainDkimCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailAddressCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import {
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  GetEmailIdentityCommand,
  GetEmailIdentityPoliciesCommand,
  ListEmailIdentitiesCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import {
  advanceClock,
  failure,
  HOURS,
  mailbox,
  postForm,
  sesClient,
  sesV1Client,
  startTestEmulator,
  verificationLink,
} from './helpers.js';
import { createZone, route53Client } from './route53-helpers.js';

/**
 * SES v1 (query protocol) identity operations through the real `@aws-sdk/client-ses`, over the same
 * state SES v2 serves: what one API creates, the other lists, verifies, deletes.
 */

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'ses:SendEmail', Resource: '*' },
  ],
});

describe('SES v1 identities (realistic verification, emulator clock)', () => {
  let emulator: RunningEmulator;
  let v1: SESClient;
  let v2: SESv2Client;
  let r53: Route53Client;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'realistic' });
    v1 = sesV1Client(emulator);
    v2 = sesClient(emulator);
    r53 = route53Client(emulator.url);
  });
  afterAll(() => emulator.close());

  const verification = async (...identities: string[]) =>
    (await v1.send(new GetIdentityVerificationAttributesCommand({ Identities: identities })))
      .VerificationAttributes ?? {};
  const dkim = async (...identities: string[]) =>
    (await v1.send(new GetIdentityDkimAttributesCommand({ Identities: identities }))).DkimAttributes ?? {};
  const upsert = (zoneId: string, changes: Change[]) =>
    r53.send(
      new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } }),
    );
  const txt = (name: string, ...values: string[]): Change => ({
    Action: 'UPSERT',
    ResourceRecordSet: {
      Name: name,
      Type: 'TXT',
      TTL: 1800,
      ResourceRecords: values.map((Value) => ({ Value })),
    },
  });

  it('when VerifyEmailIdentity adds an address, then v1 says Pending, v2 lists it PENDING, and its link makes both Success', async () => {
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'one@v1.example' }));
    expect(await verification('one@v1.example')).toEqual({
      'one@v1.example': { VerificationStatus: 'Pending' },
    });
    const listed = await v2.send(new ListEmailIdentitiesCommand({}));
    expect(listed.EmailIdentities).toContainEqual({
      IdentityType: 'EMAIL_ADDRESS',
      IdentityName: 'one@v1.example',
      SendingEnabled: false,
      VerificationStatus: 'PENDING',
    });
    await fetch(await verificationLink(emulator, 'one@v1.example'));
    expect((await verification('one@v1.example'))['one@v1.example']?.VerificationStatus).toBe('Success');
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'one@v1.example' }));
    expect(got.VerificationStatus).toBe('SUCCESS');
    // Asking again for a verified address changes nothing and sends no new email.
    const before = (await mailbox(emulator, '?email=no-reply-aws@amazon.com')).length;
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'one@v1.example' }));
    expect((await verification('one@v1.example'))['one@v1.example']?.VerificationStatus).toBe('Success');
    expect((await mailbox(emulator, '?email=no-reply-aws@amazon.com')).length).toBe(before);
  });

  it('when a v2-created address is read through v1, then it is listed with v1’s status name and no token', async () => {
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'two@v2.example' }));
    const list = await v1.send(new ListIdentitiesCommand({ IdentityType: 'EmailAddress' }));
    expect(list.Identities).toContain('two@v2.example');
    expect(await verification('two@v2.example')).toEqual({
      'two@v2.example': { VerificationStatus: 'Pending' },
    });
  });

  it('when an address link is not opened within 24 h, then v1 says Failed, and VerifyEmailIdentity sends a new link that works', async () => {
    await v1.send(new VerifyEmailAddressCommand({ EmailAddress: 'late@v1.example' }));
    const first = await verificationLink(emulator, 'late@v1.example');
    await advanceClock(emulator, 25 * HOURS);
    expect((await verification('late@v1.example'))['late@v1.example']?.VerificationStatus).toBe('Failed');
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'late@v1.example' }));
    expect((await verification('late@v1.example'))['late@v1.example']?.VerificationStatus).toBe('Pending');
    const second = await verificationLink(emulator, 'late@v1.example');
    expect(second).not.toBe(first);
    await fetch(second);
    expect((await verification('late@v1.example'))['late@v1.example']?.VerificationStatus).toBe('Success');
  });

  it('when VerifyDomainIdentity is asked twice, then it returns one 44-character token and the domain is Pending with DKIM NotStarted', async () => {
    const first = await v1.send(new VerifyDomainIdentityCommand({ Domain: 'Token.Example.com' }));
    expect(first.VerificationToken).toMatch(/^[A-Za-z0-9+/]{44}$/);
    const again = await v1.send(new VerifyDomainIdentityCommand({ Domain: 'token.example.com' }));
    expect(again.VerificationToken).toBe(first.VerificationToken);
    expect(await verification('token.example.com')).toEqual({
      'token.example.com': { VerificationStatus: 'Pending', VerificationToken: first.VerificationToken },
    });
    expect(await dkim('token.example.com')).toEqual({
      'token.example.com': { DkimEnabled: false, DkimVerificationStatus: 'NotStarted' },
    });
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'token.example.com' }));
    expect(got).toMatchObject({
      IdentityType: 'DOMAIN',
      VerificationStatus: 'PENDING',
      DkimAttributes: { SigningEnabled: false, Status: 'NOT_STARTED' },
    });
  });

  it('when the _amazonses TXT record holds the token, then the domain is Success through v1 and v2 while DKIM stays NotStarted', async () => {
    const { zoneId } = await createZone(r53, 'txt.example.com');
    const { VerificationToken: token } = await v1.send(
      new VerifyDomainIdentityCommand({ Domain: 'txt.example.com' }),
    );
    // A record that holds something else does not verify it.
    await upsert(zoneId, [txt('_amazonses.txt.example.com', '"not-the-token"')]);
    expect((await verification('txt.example.com'))['txt.example.com']?.VerificationStatus).toBe('Pending');
    await upsert(zoneId, [txt('_amazonses.txt.example.com', '"not-the-token"', `"${token}"`)]);
    expect((await verification('txt.example.com'))['txt.example.com']?.VerificationStatus).toBe('Success');
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'txt.example.com' }));
    expect(got.VerificationStatus).toBe('SUCCESS');
    expect(got.VerifiedForSendingStatus).toBe(true);
    expect(got.DkimAttributes?.Status).toBe('NOT_STARTED');
    expect((await dkim('txt.example.com'))['txt.example.com']?.DkimVerificationStatus).toBe('NotStarted');
  });

  it('when no _amazonses record appears within 72 h on the emulator clock, then Failed; asking again restarts it with the same token', async () => {
    const { zoneId } = await createZone(r53, 'slow.example.com');
    const { VerificationToken: token } = await v1.send(
      new VerifyDomainIdentityCommand({ Domain: 'slow.example.com' }),
    );
    await advanceClock(emulator, 71 * HOURS);
    expect((await verification('slow.example.com'))['slow.example.com']?.VerificationStatus).toBe('Pending');
    await advanceClock(emulator, 2 * HOURS);
    expect((await verification('slow.example.com'))['slow.example.com']?.VerificationStatus).toBe('Failed');
    const retried = await v1.send(new VerifyDomainIdentityCommand({ Domain: 'slow.example.com' }));
    expect(retried.VerificationToken).toBe(token);
    expect((await verification('slow.example.com'))['slow.example.com']?.VerificationStatus).toBe('Pending');
    await upsert(zoneId, [txt('_amazonses.slow.example.com', `"${token}"`)]);
    expect((await verification('slow.example.com'))['slow.example.com']?.VerificationStatus).toBe('Success');
  });

  it('when a v2 domain’s DKIM CNAMEs are published, then v1 reports the same tokens, DKIM Success and the domain Success', async () => {
    const { zoneId } = await createZone(r53, 'dkim.example.com');
    const created = await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'dkim.example.com' }));
    const tokens = created.DkimAttributes?.Tokens ?? [];
    expect(await dkim('dkim.example.com')).toEqual({
      'dkim.example.com': { DkimEnabled: true, DkimVerificationStatus: 'Pending', DkimTokens: tokens },
    });
    expect(await verification('dkim.example.com')).toEqual({
      'dkim.example.com': { VerificationStatus: 'Pending' },
    });
    await upsert(
      zoneId,
      tokens.map((t) => ({
        Action: 'UPSERT',
        ResourceRecordSet: {
          Name: `${t}._domainkey.dkim.example.com`,
          Type: 'CNAME',
          TTL: 1800,
          ResourceRecords: [{ Value: `${t}.dkim.amazonses.com` }],
        },
      })),
    );
    expect((await dkim('dkim.example.com'))['dkim.example.com']?.DkimVerificationStatus).toBe('Success');
    expect((await verification('dkim.example.com'))['dkim.example.com']?.VerificationStatus).toBe('Success');
    // An address on the domain reports the domain's DKIM.
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'news@dkim.example.com' }));
    expect((await dkim('news@dkim.example.com'))['news@dkim.example.com']).toEqual({
      DkimEnabled: true,
      DkimVerificationStatus: 'Success',
      DkimTokens: tokens,
    });
  });

  it('when VerifyDomainDkim is called for a new domain and again, then it returns the same three tokens that v2 shows', async () => {
    const first = await v1.send(new VerifyDomainDkimCommand({ Domain: 'easy.example.com' }));
    expect(first.DkimTokens).toHaveLength(3);
    for (const token of first.DkimTokens ?? []) expect(token).toMatch(/^[a-z0-9]{32}$/);
    const again = await v1.send(new VerifyDomainDkimCommand({ Domain: 'easy.example.com' }));
    expect(again.DkimTokens).toEqual(first.DkimTokens);
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'easy.example.com' }));
    expect(got.DkimAttributes?.Tokens).toEqual(first.DkimTokens);
    expect(got.DkimAttributes?.SigningEnabled).toBe(true);
  });

  it('when VerifyDomainDkim follows VerifyDomainIdentity, then the domain gains Easy DKIM and keeps its token', async () => {
    const { VerificationToken: token } = await v1.send(
      new VerifyDomainIdentityCommand({ Domain: 'both.example.com' }),
    );
    const { DkimTokens } = await v1.send(new VerifyDomainDkimCommand({ Domain: 'both.example.com' }));
    expect(DkimTokens).toHaveLength(3);
    expect(await dkim('both.example.com')).toEqual({
      'both.example.com': { DkimEnabled: true, DkimVerificationStatus: 'Pending', DkimTokens },
    });
    expect((await verification('both.example.com'))['both.example.com']?.VerificationToken).toBe(token);
  });

  it('when ListIdentities filters by type and pages with MaxItems, then every identity comes once and only of that type', async () => {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await v1.send(
        new ListIdentitiesCommand({ IdentityType: 'Domain', MaxItems: 2, NextToken }),
      );
      expect((page.Identities ?? []).length).toBeLessThanOrEqual(2);
      names.push(...(page.Identities ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names).toEqual(
      expect.arrayContaining(['token.example.com', 'txt.example.com', 'dkim.example.com']),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => !n.includes('@'))).toBe(true);
    const all = await v1.send(new ListIdentitiesCommand({}));
    expect(all.Identities).toEqual(expect.arrayContaining([...names, 'one@v1.example', 'two@v2.example']));
    expect(all.NextToken).toBeUndefined();
  });

  it('when ListIdentities gets a bad IdentityType or MaxItems, then ValidationError names the parameter', async () => {
    const type = await failure(v1.send(new ListIdentitiesCommand({ IdentityType: 'Phone' as never })));
    expect(type).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value 'Phone' at 'identityType' failed to satisfy constraint: Member must satisfy enum value set: [Domain, EmailAddress]",
    });
    const max = await failure(v1.send(new ListIdentitiesCommand({ MaxItems: 1001 })));
    expect(max.name).toBe('ValidationError');
    expect(max.message).toContain("at 'maxItems'");
  });

  it('when Get*Attributes name unknown identities, other Regions’ ARNs or more than 100, then unknown ones are left out and >100 is refused', async () => {
    expect(await verification('nobody@v1.example', 'unknown.example')).toEqual({});
    const arn = 'arn:aws:ses:us-east-1:000000000000:identity/one@v1.example';
    expect(await verification(arn)).toEqual({ [arn]: { VerificationStatus: 'Success' } });
    expect(await verification('arn:aws:ses:eu-west-1:000000000000:identity/one@v1.example')).toEqual({});
    const many = Array.from({ length: 101 }, (_, i) => `x${i}@v1.example`);
    const error = await failure(v1.send(new GetIdentityVerificationAttributesCommand({ Identities: many })));
    expect(error).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(error.message).toContain(
      "at 'identities' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
  });

  it('when an identity is made in one Region, then another Region’s v1 does not see it', async () => {
    const other = sesV1Client(emulator, 'eu-west-1');
    expect((await other.send(new ListIdentitiesCommand({}))).Identities).toEqual([]);
    await other.send(new VerifyEmailIdentityCommand({ EmailAddress: 'one@v1.example' }));
    expect(
      (await other.send(new GetIdentityVerificationAttributesCommand({ Identities: ['one@v1.example'] })))
        .VerificationAttributes,
    ).toEqual({ 'one@v1.example': { VerificationStatus: 'Pending' } });
    expect((await verification('one@v1.example'))['one@v1.example']?.VerificationStatus).toBe('Success');
  });

  it('when Verify* get malformed names, then InvalidParameterValue with SES’s message', async () => {
    expect(await failure(v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'example.com' })))).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: "Missing final '@domain'",
    });
    expect(
      (await failure(v1.send(new VerifyEmailIdentityCommand({ EmailAddress: '@example.com' })))).message,
    ).toBe('Missing local name');
    expect((await failure(v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@' })))).message).toBe(
      'Missing domain',
    );
    expect(
      (await failure(v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'a@exa_mple.com' })))).message,
    ).toBe('Domain contains illegal character');
    const domain = await failure(v1.send(new VerifyDomainIdentityCommand({ Domain: 'me@example.com' })));
    expect(domain.name).toBe('InvalidParameterValue');
    expect(domain.message).toMatch(/^Invalid domain name me@example.com/);
  });

  it('when SetIdentityDkimEnabled turns signing off, then v1 and v2 both show it off; on an unknown domain InvalidParameterValue', async () => {
    await v1.send(new SetIdentityDkimEnabledCommand({ Identity: 'easy.example.com', DkimEnabled: false }));
    expect((await dkim('easy.example.com'))['easy.example.com']?.DkimEnabled).toBe(false);
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'easy.example.com' }));
    expect(got.DkimAttributes?.SigningEnabled).toBe(false);
    await v1.send(new SetIdentityDkimEnabledCommand({ Identity: 'easy.example.com', DkimEnabled: true }));
    expect((await dkim('easy.example.com'))['easy.example.com']?.DkimEnabled).toBe(true);
    expect(
      await failure(
        v1.send(new SetIdentityDkimEnabledCommand({ Identity: 'nowhere.example', DkimEnabled: true })),
      ),
    ).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: 'Domain nowhere.example is not verified for DKIM signing.',
    });
  });

  it('when SetIdentityMailFromDomain sets and clears a MAIL FROM domain, then v1 and v2 agree; bad input is refused', async () => {
    await v1.send(
      new SetIdentityMailFromDomainCommand({
        Identity: 'txt.example.com',
        MailFromDomain: 'bounce.txt.example.com',
        BehaviorOnMXFailure: 'RejectMessage',
      }),
    );
    const read = await v1.send(
      new GetIdentityMailFromDomainAttributesCommand({ Identities: ['txt.example.com'] }),
    );
    expect(read.MailFromDomainAttributes).toEqual({
      'txt.example.com': {
        MailFromDomain: 'bounce.txt.example.com',
        MailFromDomainStatus: 'Pending',
        BehaviorOnMXFailure: 'RejectMessage',
      },
    });
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'txt.example.com' }));
    expect(got.MailFromAttributes).toEqual({
      MailFromDomain: 'bounce.txt.example.com',
      MailFromDomainStatus: 'PENDING',
      BehaviorOnMxFailure: 'REJECT_MESSAGE',
    });
    const behavior = await failure(
      v1.send(
        new SetIdentityMailFromDomainCommand({
          Identity: 'txt.example.com',
          MailFromDomain: 'bounce.txt.example.com',
          BehaviorOnMXFailure: 'Bounce' as never,
        }),
      ),
    );
    expect(behavior).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value 'Bounce' at 'behaviorOnMXFailure' failed to satisfy constraint: Member must satisfy enum value set: [RejectMessage, UseDefaultValue]",
    });
    const outside = await failure(
      v1.send(
        new SetIdentityMailFromDomainCommand({
          Identity: 'txt.example.com',
          MailFromDomain: 'mail.other.example',
        }),
      ),
    );
    expect(outside.name).toBe('InvalidParameterValue');
    expect(outside.message).toContain('it must be a subdomain of txt.example.com');
    await v1.send(new SetIdentityMailFromDomainCommand({ Identity: 'txt.example.com' }));
    const cleared = await v1.send(
      new GetIdentityMailFromDomainAttributesCommand({ Identities: ['txt.example.com'] }),
    );
    expect(cleared.MailFromDomainAttributes).toEqual({
      'txt.example.com': { BehaviorOnMXFailure: 'UseDefaultValue' },
    });
  });

  it('when SetIdentityFeedbackForwardingEnabled is given for an identity, then v2 shows it; for an unknown one InvalidParameterValue', async () => {
    await v1.send(
      new SetIdentityFeedbackForwardingEnabledCommand({
        Identity: 'one@v1.example',
        ForwardingEnabled: true,
      }),
    );
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'one@v1.example' }));
    expect(got.FeedbackForwardingStatus).toBe(true);
    const unknown = await failure(
      v1.send(
        new SetIdentityFeedbackForwardingEnabledCommand({
          Identity: 'nobody@v1.example',
          ForwardingEnabled: true,
        }),
      ),
    );
    expect(unknown).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
    expect(unknown.message).toContain('nobody@v1.example');
  });

  it('when policies are put through v1 and v2, then both APIs list and read all of them; Put replaces, Delete of a missing one is fine', async () => {
    await v1.send(
      new PutIdentityPolicyCommand({ Identity: 'one@v1.example', PolicyName: 'from-v1', Policy: POLICY }),
    );
    await v2.send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: 'one@v1.example',
        PolicyName: 'from-v2',
        Policy: POLICY,
      }),
    );
    const names = await v1.send(new ListIdentityPoliciesCommand({ Identity: 'one@v1.example' }));
    expect(names.PolicyNames?.sort()).toEqual(['from-v1', 'from-v2']);
    const replaced = POLICY.replace('111122223333', '444455556666');
    await v1.send(
      new PutIdentityPolicyCommand({ Identity: 'one@v1.example', PolicyName: 'from-v1', Policy: replaced }),
    );
    const some = await v1.send(
      new GetIdentityPoliciesCommand({ Identity: 'one@v1.example', PolicyNames: ['from-v1', 'absent'] }),
    );
    expect(some.Policies).toEqual({ 'from-v1': replaced });
    const v2Policies = await v2.send(
      new GetEmailIdentityPoliciesCommand({ EmailIdentity: 'one@v1.example' }),
    );
    expect(v2Policies.Policies).toEqual({ 'from-v1': replaced, 'from-v2': POLICY });
    await v1.send(new DeleteIdentityPolicyCommand({ Identity: 'one@v1.example', PolicyName: 'from-v2' }));
    await v1.send(new DeleteIdentityPolicyCommand({ Identity: 'one@v1.example', PolicyName: 'from-v2' }));
    expect(
      (await v1.send(new ListIdentityPoliciesCommand({ Identity: 'one@v1.example' }))).PolicyNames,
    ).toEqual(['from-v1']);
  });

  it('when a policy is not JSON, its name breaks the pattern or the identity is unknown, then InvalidPolicy / ValidationError / InvalidParameterValue', async () => {
    const notJson = await failure(
      v1.send(new PutIdentityPolicyCommand({ Identity: 'one@v1.example', PolicyName: 'p', Policy: '{nope' })),
    );
    // The wire code is InvalidPolicy; the SDK names its modeled error class InvalidPolicyException.
    expect(notJson.name).toBe('InvalidPolicyException');
    expect(notJson.status).toBe(400);
    const name = await failure(
      v1.send(
        new PutIdentityPolicyCommand({ Identity: 'one@v1.example', PolicyName: 'bad name', Policy: POLICY }),
      ),
    );
    expect(name.name).toBe('ValidationError');
    expect(name.message).toContain("at 'policyName'");
    const unknown = await failure(
      v1.send(new ListIdentityPoliciesCommand({ Identity: 'nobody@v1.example' })),
    );
    expect(unknown).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: 'Email identity nobody@v1.example does not exist.',
    });
  });

  it('when DeleteIdentity removes a v2-created identity (by ARN), then v2 no longer finds it; deleting it again succeeds', async () => {
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'gone.example.com' }));
    await v1.send(
      new DeleteIdentityCommand({ Identity: 'arn:aws:ses:us-east-1:000000000000:identity/gone.example.com' }),
    );
    const error = await failure(v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'gone.example.com' })));
    expect(error.name).toBe('NotFoundException');
    const again = await v1.send(new DeleteIdentityCommand({ Identity: 'gone.example.com' }));
    expect(again.$metadata.httpStatusCode).toBe(200);
  });
});

describe('SES v1 query input a client this project did not write might send', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
  });
  afterAll(() => emulator.close());

  const refusal = async (body: string, service = 'ses') => {
    const res = await postForm(emulator, body, service);
    return { status: res.status, text: await res.text() };
  };

  it('when the Action is unknown, then 400 InvalidAction in SES’s namespace', async () => {
    const out = await refusal('Action=DeleteEverything&Version=2010-12-01');
    expect(out.status).toBe(400);
    expect(out.text).toContain(
      '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>The action DeleteEverything is not valid for this web service',
    );
  });

  it('when the Version is another or missing, or the Action missing, then 400 naming Version / Action', async () => {
    const wrong = await refusal('Action=ListIdentities&Version=2019-09-27');
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(
      '<Code>NoSuchVersion</Code><Message>The requested version (2019-09-27) of service AmazonSimpleEmailService does not exist: the Version parameter must be 2010-12-01.</Message>',
    );
    const missing = await refusal('Action=ListIdentities');
    expect(missing.status).toBe(400);
    expect(missing.text).toContain(
      '<Code>MissingParameter</Code><Message>The request must contain the parameter Version (2010-12-01 for AmazonSimpleEmailService).</Message>',
    );
    const noAction = await refusal('Version=2010-12-01');
    expect(noAction.text).toContain('<Code>MissingAction</Code>');
  });

  it('when a required parameter is missing, then 400 ValidationError naming it', async () => {
    const out = await refusal('Action=VerifyEmailIdentity&Version=2010-12-01');
    expect(out.status).toBe(400);
    expect(out.text).toContain(
      "<Code>ValidationError</Code><Message>1 validation error detected: Value at 'emailAddress' failed to satisfy constraint: Member must not be null</Message>",
    );
    const nested = await refusal(
      'Action=SendEmail&Version=2010-12-01&Source=a%40b.com&Destination.ToAddresses.member.1=c%40d.com&Message.Body.Text.Data=x',
    );
    expect(nested.text).toContain(
      "at 'message.subject' failed to satisfy constraint: Member must not be null",
    );
  });

  it('when a member.N list has a gap or a list is given as a value, then 400 InvalidQueryParameter naming it, and nothing is created', async () => {
    const gap = await refusal(
      'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities.member.1=a%40b.com&Identities.member.3=c%40d.com',
    );
    expect(gap.status).toBe(400);
    expect(gap.text).toContain(
      '<Code>InvalidQueryParameter</Code><Message>Identities.member.3: list members are numbered from 1 without gaps, but Identities.member.2 is missing.</Message>',
    );
    const value = await refusal(
      'Action=GetIdentityVerificationAttributes&Version=2010-12-01&Identities=a%40b.com',
    );
    expect(value.status).toBe(400);
    expect(value.text).toContain('Identities: must be a list (Identities.member.1, ….member.2, …)');
    const twice = await refusal(
      'Action=VerifyEmailIdentity&Version=2010-12-01&EmailAddress=a%40b.com&EmailAddress=c%40d.com',
    );
    expect(twice.text).toContain(
      '<Code>InvalidQueryParameter</Code><Message>EmailAddress: given more than once.</Message>',
    );
    const list = await (await postForm(emulator, 'Action=ListIdentities&Version=2010-12-01')).text();
    expect(list).toContain('<Identities/>');
  });

  it('when a boolean is not true/false, then 400 naming the parameter', async () => {
    const out = await refusal(
      'Action=SetIdentityDkimEnabled&Version=2010-12-01&Identity=example.com&DkimEnabled=yes',
    );
    expect(out.status).toBe(400);
    expect(out.text).toContain('DkimEnabled: must be &quot;true&quot; or &quot;false&quot;.');
  });

  it('when VerifyEmailAddress (no output shape) answers, then its response has no Result element', async () => {
    const res = await postForm(
      emulator,
      'Action=VerifyEmailAddress&Version=2010-12-01&EmailAddress=old%40api.example',
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<VerifyEmailAddressResponse xmlns="http:\/\/ses.amazonaws.com\/doc\/2010-12-01\/"><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/VerifyEmailAddressResponse>$/,
    );
    const empty = await (
      await postForm(emulator, 'Action=DeleteIdentity&Version=2010-12-01&Identity=x.example')
    ).text();
    expect(empty).toContain('<DeleteIdentityResult></DeleteIdentityResult>');
  });
});
