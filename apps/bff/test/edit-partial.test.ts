import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  TagResourceCommand,
} from '@aws-sdk/client-sesv2';
import { apiPaths, type Tag } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearFaults, faultState, setFaults } from './support/faults.js';
import { ACCOUNT_ID, type Harness, REGION, startHarness, unique, url } from './support/harness.js';

const byKey = (tags: readonly Tag[]) => [...tags].sort((a, b) => a.key.localeCompare(b.key));

describe('multi-step edits: tags and DKIM', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(() => clearFaults(h.emulator));
  afterAll(() => h.close());

  async function domainWithTags(tags: Tag[]): Promise<string> {
    const domain = `${unique('tags')}.example.com`;
    await h.ses().send(
      new CreateEmailIdentityCommand({
        EmailIdentity: domain,
        Tags: tags.length > 0 ? tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
      }),
    );
    return domain;
  }
  const sesTags = async (identity: string) =>
    ((await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: identity }))).Tags ?? []).map((t) => ({
      key: t.Key ?? '',
      value: t.Value ?? '',
    }));
  const putTags = (identity: string, tags: Tag[]) =>
    request(h.app)
      .put(url(apiPaths.tags, { region: REGION, identity }))
      .send({ tags });

  it('when 30 tags are replaced by 30 others, then it succeeds (the identity never holds more than 50 on the way)', async () => {
    const old = Array.from({ length: 30 }, (_, i) => ({ key: `old-${i}`, value: `v${i}` }));
    const fresh = Array.from({ length: 30 }, (_, i) => ({ key: `new-${i}`, value: `w${i}` }));
    const domain = await domainWithTags(old);
    const res = await putTags(domain, fresh);
    expect(res.status).toBe(200);
    expect(byKey(res.body.tags)).toEqual(byKey(fresh));
    expect(byKey(await sesTags(domain))).toEqual(byKey(fresh));
  });

  it('when adding tags fails after the removals were applied, then the error says what was applied and what not, as SES holds it', async () => {
    const domain = await domainWithTags([
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'mail' },
    ]);
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'TagResource', errorProbability: 1 }],
    });
    const res = await putTags(domain, [{ key: 'owner', value: 'ops' }]);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'ServiceUnavailable',
      message: expect.stringMatching(
        /^Only part of the change was applied\. SES did not answer after 6 attempts/,
      ),
      applied: ['Removed tags: env, team'],
      notApplied: ['Tags not added or changed: owner=ops'],
    });
    expect(await sesTags(domain)).toEqual([]);
  }, 30_000);

  it('when the first call already fails, then it is the plain error: nothing was applied', async () => {
    const domain = await domainWithTags([{ key: 'env', value: 'prod' }]);
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'UntagResource', errorProbability: 1 }],
    });
    const res = await putTags(domain, [{ key: 'owner', value: 'ops' }]);
    expect(res.status).toBe(503);
    expect(res.body.error.applied).toBeUndefined();
    expect(res.body.error.message).toMatch(/^SES did not answer after 6 attempts/);
    expect(await sesTags(domain)).toEqual([{ key: 'env', value: 'prod' }]);
    expect((await faultState(h.emulator)).calls['sesv2:TagResource']).toBeUndefined();
  }, 30_000);

  it('when two replaces of the same identity run at the same time, then they do not merge: each answers exactly its own set and the later one holds', async () => {
    const domain = await domainWithTags([]);
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'TagResource', latencyMs: 300 }],
    });
    const wanted = [[{ key: 'owner', value: 'alice' }], [{ key: 'owner-2', value: 'bob' }]];
    const answers = await Promise.all(wanted.map((tags) => putTags(domain, tags).then((res) => res)));
    await clearFaults(h.emulator);
    expect(answers.map((res) => res.status)).toEqual([200, 200]);
    expect(answers.map((res) => res.body.tags)).toEqual(wanted);
    expect(wanted).toContainEqual(await sesTags(domain));
  }, 30_000);

  it('when another writer changes the tags while a replace is applied, then the answer is a 409 naming the tags as they now are, not a success', async () => {
    const domain = await domainWithTags([]);
    const arn = `arn:aws:ses:${REGION}:${ACCOUNT_ID}:identity/${domain}`;
    // Reads are slow, so the other writer's change lands between the replace's write and its check.
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'GetEmailIdentity', latencyMs: 400, times: 2 }],
    });
    const answer = putTags(domain, [{ key: 'owner', value: 'alice' }]).then((res) => res);
    await vi.waitFor(async () => expect((await faultState(h.emulator)).calls['sesv2:TagResource']).toBe(1), {
      timeout: 5_000,
      interval: 5,
    });
    await h.ses().send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'team', Value: 'bob' }] }));
    const res = await answer;
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'ConcurrentModification',
      message: `The tags of ${domain} were changed by someone else while this change was applied; they are now: owner=alice, team=bob. Review them and save again.`,
      applied: ['Added or changed tags: owner=alice'],
      notApplied: [],
    });
  }, 30_000);

  it('when DKIM signatures cannot be switched after the key length was applied, then the error says which part was applied', async () => {
    const domain = `${unique('dkim-half')}.example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'PutEmailIdentityDkimAttributes', errorProbability: 1 }],
    });
    const res = await request(h.app)
      .put(url(apiPaths.dkim, { region: REGION, identity: domain }))
      .send({ signing: { origin: 'AWS_SES', keyLength: 'RSA_1024_BIT' }, signingEnabled: false });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'ServiceUnavailable',
      message: expect.stringMatching(/^Only part of the change was applied\./),
      applied: ['DKIM signing key: Easy DKIM, RSA_1024_BIT'],
      notApplied: ['DKIM signatures disabled'],
    });
    await clearFaults(h.emulator);
    const dkim = (await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: domain }))).DkimAttributes;
    expect(dkim?.NextSigningKeyLength).toBe('RSA_1024_BIT');
    expect(dkim?.SigningEnabled).toBe(true);
  }, 30_000);
});
