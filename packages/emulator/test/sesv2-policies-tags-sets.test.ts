import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailIdentityPolicyCommand,
  DeleteConfigurationSetCommand,
  DeleteEmailIdentityCommand,
  DeleteEmailIdentityPolicyCommand,
  GetConfigurationSetCommand,
  GetEmailIdentityCommand,
  GetEmailIdentityPoliciesCommand,
  ListConfigurationSetsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateEmailIdentityPolicyCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { failure, sesClient, startTestEmulator } from './helpers.js';

const policy = (sid: string) =>
  JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: sid,
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 'ses:SendEmail',
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );

describe('SES v2 identity policies', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'pol.example.com' }));
  });
  afterAll(() => emulator.close());

  it('when a policy is created, updated and deleted, then Get and GetEmailIdentity follow (whitespace compacted)', async () => {
    await ses.send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: 'pol.example.com',
        PolicyName: 'p-1',
        Policy: policy('one'),
      }),
    );
    const got = await ses.send(new GetEmailIdentityPoliciesCommand({ EmailIdentity: 'pol.example.com' }));
    expect(got.Policies).toEqual({ 'p-1': JSON.stringify(JSON.parse(policy('one'))) });
    await ses.send(
      new UpdateEmailIdentityPolicyCommand({
        EmailIdentity: 'pol.example.com',
        PolicyName: 'p-1',
        Policy: policy('two'),
      }),
    );
    const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'pol.example.com' }));
    expect(JSON.parse(identity.Policies?.['p-1'] ?? '{}').Statement[0].Sid).toBe('two');
    await ses.send(
      new DeleteEmailIdentityPolicyCommand({ EmailIdentity: 'pol.example.com', PolicyName: 'p-1' }),
    );
    expect(
      (await ses.send(new GetEmailIdentityPoliciesCommand({ EmailIdentity: 'pol.example.com' }))).Policies,
    ).toEqual({});
  });

  it('when a policy is duplicated, badly named or not JSON, then the matching error', async () => {
    await ses.send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: 'pol.example.com',
        PolicyName: 'dup',
        Policy: policy('d'),
      }),
    );
    expect(
      await failure(
        ses.send(
          new CreateEmailIdentityPolicyCommand({
            EmailIdentity: 'pol.example.com',
            PolicyName: 'dup',
            Policy: policy('d'),
          }),
        ),
      ),
    ).toEqual({
      name: 'AlreadyExistsException',
      message: 'Policy dup already exists for pol.example.com.',
      status: 400,
    });
    const name = await failure(
      ses.send(
        new CreateEmailIdentityPolicyCommand({
          EmailIdentity: 'pol.example.com',
          PolicyName: 'bad.name',
          Policy: policy('x'),
        }),
      ),
    );
    expect(name.message).toMatch(/^1 validation error detected: Value 'bad.name' at 'policyName'/);
    const json = await failure(
      ses.send(
        new CreateEmailIdentityPolicyCommand({
          EmailIdentity: 'pol.example.com',
          PolicyName: 'j',
          Policy: '{not json',
        }),
      ),
    );
    expect(json).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(json.message).toMatch(/not valid JSON/);
    const big = await failure(
      ses.send(
        new CreateEmailIdentityPolicyCommand({
          EmailIdentity: 'pol.example.com',
          PolicyName: 'big',
          Policy: JSON.stringify({ a: 'x'.repeat(4100) }),
        }),
      ),
    );
    expect(big.message).toMatch(
      /at 'policy' failed to satisfy constraint: Member must have a size less than or equal to 4096 bytes/,
    );
    const identity = await failure(
      ses.send(
        new CreateEmailIdentityPolicyCommand({
          EmailIdentity: 'nobody.example.com',
          PolicyName: 'p',
          Policy: policy('x'),
        }),
      ),
    );
    expect(identity).toEqual({
      name: 'NotFoundException',
      message: 'Email identity nobody.example.com does not exist.',
      status: 404,
    });
  });

  it('when Update or Delete names a policy the identity does not have, then both succeed as the API reference says: Update stores it, Delete changes nothing', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'absent-policy.example.com' }));
    const updated = await ses.send(
      new UpdateEmailIdentityPolicyCommand({
        EmailIdentity: 'absent-policy.example.com',
        PolicyName: 'nope',
        Policy: policy('x'),
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(200);
    const deleted = await ses.send(
      new DeleteEmailIdentityPolicyCommand({
        EmailIdentity: 'absent-policy.example.com',
        PolicyName: 'never-there',
      }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    const { Policies } = await ses.send(
      new GetEmailIdentityPoliciesCommand({ EmailIdentity: 'absent-policy.example.com' }),
    );
    expect(Object.keys(Policies ?? {})).toEqual(['nope']);
    expect(JSON.parse(Policies?.nope ?? '{}')).toEqual(JSON.parse(policy('x')));
  });
  it('when a 21st policy is added, then LimitExceededException', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'many@example.com' }));
    for (let i = 0; i < 20; i++) {
      await ses.send(
        new CreateEmailIdentityPolicyCommand({
          EmailIdentity: 'many@example.com',
          PolicyName: `p${i}`,
          Policy: policy(`s${i}`),
        }),
      );
    }
    const error = await failure(
      ses.send(
        new CreateEmailIdentityPolicyCommand({
          EmailIdentity: 'many@example.com',
          PolicyName: 'p20',
          Policy: policy('s'),
        }),
      ),
    );
    expect(error).toEqual({
      name: 'LimitExceededException',
      message:
        'Number of policies for many@example.com exceeds max allowed number of policies per resource (20).',
      status: 400,
    });
  });

  it('when an identity is deleted and created again, then its policies and tags are gone', async () => {
    await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'again.example.com',
        Tags: [{ Key: 'team', Value: 'mail' }],
      }),
    );
    await ses.send(
      new CreateEmailIdentityPolicyCommand({
        EmailIdentity: 'again.example.com',
        PolicyName: 'p',
        Policy: policy('x'),
      }),
    );
    await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'again.example.com' }));
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'again.example.com' }));
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'again.example.com' }));
    expect(got.Policies).toEqual({});
    expect(got.Tags).toEqual([]);
  });
});

describe('SES v2 tags', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  const arn = 'arn:aws:ses:us-east-1:000000000000:identity/tags.example.com';
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator);
    await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'tags.example.com',
        Tags: [{ Key: 'env', Value: 'test' }],
      }),
    );
  });
  afterAll(() => emulator.close());

  it('when tags are added, overwritten and removed, then ListTagsForResource and GetEmailIdentity agree', async () => {
    expect((await ses.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'env', Value: 'test' },
    ]);
    await ses.send(
      new TagResourceCommand({
        ResourceArn: arn,
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: '' },
          { Key: 'x', Value: '1' },
        ],
      }),
    );
    await ses.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team', 'x'] }));
    expect((await ses.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
    expect((await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'tags.example.com' }))).Tags).toEqual(
      [{ Key: 'env', Value: 'prod' }],
    );
  });

  it('when a configuration set is tagged, then its ARN works the same way', async () => {
    await ses.send(
      new CreateConfigurationSetCommand({ ConfigurationSetName: 'tagged', Tags: [{ Key: 'a', Value: '1' }] }),
    );
    const setArn = 'arn:aws:ses:us-east-1:000000000000:configuration-set/tagged';
    await ses.send(new TagResourceCommand({ ResourceArn: setArn, Tags: [{ Key: 'b', Value: '2' }] }));
    expect((await ses.send(new ListTagsForResourceCommand({ ResourceArn: setArn }))).Tags).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ]);
    expect(
      (await ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'tagged' }))).Tags,
    ).toHaveLength(2);
  });

  it('when tags break a rule, then BadRequestException names the rule', async () => {
    const reserved = await failure(
      ses.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'aws:owner', Value: 'x' }] })),
    );
    expect(reserved).toEqual({
      name: 'BadRequestException',
      message: 'Invalid tag key aws:owner: the aws: prefix is reserved for AWS use.',
      status: 400,
    });
    const long = await failure(
      ses.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'k'.repeat(129), Value: 'x' }] })),
    );
    expect(long.message).toMatch(
      /at 'tags.1.member.key' failed to satisfy constraint: Member must have length between 1 and 128/,
    );
    const value = await failure(
      ses.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'k', Value: 'v'.repeat(257) }] })),
    );
    expect(value.message).toMatch(
      /at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256/,
    );
    const tooMany = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const over = await failure(ses.send(new TagResourceCommand({ ResourceArn: arn, Tags: tooMany })));
    expect(over.message).toMatch(/at most 50 tags; this request would leave 51/);
    const create = await failure(
      ses.send(
        new CreateEmailIdentityCommand({
          EmailIdentity: 'toomany.example.com',
          Tags: [...tooMany, { Key: 'z', Value: '' }],
        }),
      ),
    );
    expect(create.message).toMatch(
      /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50/,
    );
  });

  it('when TagResource has no Tags or UntagResource no TagKeys, then the member is named', async () => {
    const noTags = await failure(
      ses.send(new TagResourceCommand({ ResourceArn: arn, Tags: undefined as never })),
    );
    expect(noTags.message).toBe(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must not be null",
    );
    const noKeys = await failure(ses.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: [] })));
    expect(noKeys).toEqual({
      name: 'BadRequestException',
      message:
        "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must not be null",
      status: 400,
    });
  });

  it('when the ARN is malformed, unknown or in another region, then BadRequest or NotFound', async () => {
    expect((await failure(ses.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:nope' })))).name).toBe(
      'BadRequestException',
    );
    const unknown = 'arn:aws:ses:us-east-1:000000000000:identity/unknown.example.com';
    expect(await failure(ses.send(new ListTagsForResourceCommand({ ResourceArn: unknown })))).toEqual({
      name: 'NotFoundException',
      message: `Resource not found: ${unknown}`,
      status: 404,
    });
    const elsewhere = 'arn:aws:ses:eu-west-1:000000000000:identity/tags.example.com';
    expect((await failure(ses.send(new ListTagsForResourceCommand({ ResourceArn: elsewhere })))).status).toBe(
      404,
    );
  });
});

describe('SES v2 configuration sets', () => {
  let emulator: RunningEmulator;
  let ses: ReturnType<typeof sesClient>;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    ses = sesClient(emulator);
  });
  afterAll(() => emulator.close());

  it('when sets are created, then Get echoes the options and both list routes page them in creation order', async () => {
    await ses.send(
      new CreateConfigurationSetCommand({
        ConfigurationSetName: 'set-b',
        SendingOptions: { SendingEnabled: true },
        DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      }),
    );
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'set-a' }));
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'other_1' }));
    const got = await ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'set-b' }));
    expect(got).toMatchObject({
      ConfigurationSetName: 'set-b',
      SendingOptions: { SendingEnabled: true },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      Tags: [],
    });
    const page1 = await ses.send(new ListConfigurationSetsCommand({ PageSize: 2 }));
    expect(page1.ConfigurationSets).toEqual(['set-b', 'set-a']);
    const page2 = await ses.send(
      new ListConfigurationSetsCommand({ PageSize: 2, NextToken: page1.NextToken }),
    );
    expect(page2).toMatchObject({ ConfigurationSets: ['other_1'] });
    expect(page2.NextToken).toBeUndefined();
    const filtered = await ses.send(
      new ListConfigurationSetsCommand({ Filter: { CONFIGURATION_SET_NAME_CONTAINS: 'SET-' } }),
    );
    expect(filtered.ConfigurationSets).toEqual(['set-b', 'set-a']);
    const res = await fetch(`${emulator.url}/v2/email/configuration-sets?PageSize=2`);
    const body = (await res.json()) as { ConfigurationSets: string[]; NextToken: string };
    expect(body.ConfigurationSets).toEqual(['set-b', 'set-a']);
    const res2 = await fetch(`${emulator.url}/v2/email/configuration-sets?NextToken=${body.NextToken}`);
    expect(((await res2.json()) as { ConfigurationSets: string[] }).ConfigurationSets).toEqual(['other_1']);
    const identityToken = await failure(
      ses.send(
        new ListConfigurationSetsCommand({ NextToken: Buffer.from('identities:1').toString('base64url') }),
      ),
    );
    expect(identityToken.name).toBe('BadRequestException');
  });

  it('when a set name is duplicated, invalid or unknown, then AlreadyExists, BadRequest or NotFound', async () => {
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'dup-set' }));
    expect(
      await failure(ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'dup-set' }))),
    ).toEqual({
      name: 'AlreadyExistsException',
      message: 'Configuration set dup-set already exists.',
      status: 400,
    });
    const invalid = await failure(
      ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'bad name!' })),
    );
    expect(invalid.message).toMatch(/Value 'bad name!' at 'configurationSetName'.*\^\[a-zA-Z0-9_-\]\+\$/);
    const long = await failure(
      ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'x'.repeat(65) })),
    );
    expect(long.name).toBe('BadRequestException');
    expect(
      await failure(ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'ghost' }))),
    ).toEqual({
      name: 'NotFoundException',
      message: 'Configuration set <ghost> does not exist.',
      status: 404,
    });
    expect(
      (await failure(ses.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'ghost' })))).status,
    ).toBe(404);
  });

  it('when a set used as a default is deleted, then the identity keeps working without a default', async () => {
    await ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'doomed' }));
    await ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'uses-doomed.example.com',
        ConfigurationSetName: 'doomed',
      }),
    );
    await ses.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'doomed' }));
    const got = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'uses-doomed.example.com' }));
    expect(got.ConfigurationSetName).toBeUndefined();
    expect(got.VerificationStatus).toBe('PENDING');
  });
});
