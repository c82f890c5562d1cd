import { randomUUID } from 'node:crypto';
import {
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  DeleteHostedZoneCommand,
  GetHostedZoneCommand,
  GetHostedZoneCountCommand,
  ListTagsForResourceCommand,
  ListTagsForResourcesCommand,
  type Route53Client,
  UpdateHostedZoneCommentCommand,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { createZone, rejectionOf, route53Client } from './route53-helpers.js';

/** The calls zone tools make next to identities: zone count, zone comments, zone tags. */
describe('Route 53 GetHostedZoneCount and UpdateHostedZoneComment', () => {
  let emulator: RunningEmulator;
  let client: Route53Client;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url, '111122223333');
  });
  afterAll(() => emulator.close());

  it('when zones are created and deleted, then GetHostedZoneCount follows, public and private alike', async () => {
    const count = async () => (await client.send(new GetHostedZoneCountCommand({}))).HostedZoneCount;
    expect(await count()).toBe(0);
    const { zoneId } = await createZone(client, 'count-a.test');
    await client.send(
      new CreateHostedZoneCommand({
        Name: 'count-b.test',
        CallerReference: randomUUID(),
        VPC: { VPCId: 'vpc-1', VPCRegion: 'eu-west-1' },
      }),
    );
    expect(await count()).toBe(2);
    await client.send(new DeleteHostedZoneCommand({ Id: zoneId }));
    expect(await count()).toBe(1);
    // Another account sees its own count.
    expect(
      (await route53Client(emulator.url, '444455556666').send(new GetHostedZoneCountCommand({})))
        .HostedZoneCount,
    ).toBe(0);
  });

  it('when the comment is updated, then the zone carries it; without a Comment it is removed', async () => {
    const { zoneId } = await createZone(client, 'comment.test');
    const updated = await client.send(
      new UpdateHostedZoneCommentCommand({ Id: zoneId, Comment: 'mail zone' }),
    );
    expect(updated.HostedZone).toMatchObject({ Id: `/hostedzone/${zoneId}`, Name: 'comment.test.' });
    expect(updated.HostedZone?.Config?.Comment).toBe('mail zone');
    expect((await client.send(new GetHostedZoneCommand({ Id: zoneId }))).HostedZone?.Config?.Comment).toBe(
      'mail zone',
    );
    const cleared = await client.send(new UpdateHostedZoneCommentCommand({ Id: zoneId }));
    expect(cleared.HostedZone?.Config?.Comment).toBeUndefined();
  });

  it('when the comment is too long or the zone unknown, then it is InvalidInput / NoSuchHostedZone', async () => {
    const { zoneId } = await createZone(client, 'long-comment.test');
    const long = await rejectionOf(
      client.send(new UpdateHostedZoneCommentCommand({ Id: zoneId, Comment: 'c'.repeat(257) })),
    );
    expect(long.name).toBe('InvalidInput');
    expect(long.message).toBe(
      `1 validation error detected: Value '${'c'.repeat(257)}' at 'comment' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
    expect(long.$metadata.httpStatusCode).toBe(400);
    const missing = await rejectionOf(
      client.send(new UpdateHostedZoneCommentCommand({ Id: 'ZNOPE', Comment: 'x' })),
    );
    expect(missing.name).toBe('NoSuchHostedZone');
    expect(missing.message).toBe('No hosted zone found with ID: ZNOPE');
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });
});

describe('Route 53 tags for hosted zones', () => {
  let emulator: RunningEmulator;
  let client: Route53Client;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = route53Client(emulator.url);
  });
  afterAll(() => emulator.close());

  const tagsOf = async (zoneId: string) =>
    (await client.send(new ListTagsForResourceCommand({ ResourceType: 'hostedzone', ResourceId: zoneId })))
      .ResourceTagSet;

  it('when tags are added, replaced and removed, then ListTagsForResource shows the result in order', async () => {
    const { zoneId } = await createZone(client, 'tags.test');
    expect(await tagsOf(zoneId)).toEqual({ ResourceType: 'hostedzone', ResourceId: zoneId, Tags: [] });
    await client.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        AddTags: [
          { Key: 'team', Value: 'mail' },
          { Key: 'env', Value: 'dev' },
        ],
      }),
    );
    await client.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        AddTags: [
          { Key: 'team', Value: 'email' },
          { Key: 'cost', Value: '' },
        ],
        RemoveTagKeys: ['env'],
      }),
    );
    expect((await tagsOf(zoneId))?.Tags).toEqual([
      { Key: 'team', Value: 'email' },
      { Key: 'cost', Value: '' },
    ]);
  });

  it('when several zones are asked at once, then ListTagsForResources answers each in the order asked', async () => {
    const one = await createZone(client, 'one.tags.test');
    const two = await createZone(client, 'two.tags.test');
    await client.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: two.zoneId,
        AddTags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    const out = await client.send(
      new ListTagsForResourcesCommand({ ResourceType: 'hostedzone', ResourceIds: [two.zoneId, one.zoneId] }),
    );
    expect(out.ResourceTagSets).toEqual([
      { ResourceType: 'hostedzone', ResourceId: two.zoneId, Tags: [{ Key: 'k', Value: 'v' }] },
      { ResourceType: 'hostedzone', ResourceId: one.zoneId, Tags: [] },
    ]);
  });

  it('when a zone is deleted, then its tags go with it', async () => {
    const { zoneId } = await createZone(client, 'gone.tags.test');
    await client.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        AddTags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    await client.send(new DeleteHostedZoneCommand({ Id: zoneId }));
    const error = await rejectionOf(tagsOf(zoneId));
    expect(error.name).toBe('NoSuchHostedZone');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('when a tag change breaks a rule, then nothing of it is applied and the answer names the member', async () => {
    const { zoneId } = await createZone(client, 'rules.tags.test');
    await client.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        AddTags: [{ Key: 'keep', Value: '1' }],
      }),
    );
    const longKey = await rejectionOf(
      client.send(
        new ChangeTagsForResourceCommand({
          ResourceType: 'hostedzone',
          ResourceId: zoneId,
          AddTags: [
            { Key: 'fine', Value: 'x' },
            { Key: 'k'.repeat(129), Value: 'x' },
          ],
          RemoveTagKeys: ['keep'],
        }),
      ),
    );
    expect(longKey.name).toBe('InvalidInput');
    expect(longKey.message).toBe(
      `1 validation error detected: Value '${'k'.repeat(129)}' at 'addTags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
    const eleven = await rejectionOf(
      client.send(
        new ChangeTagsForResourceCommand({
          ResourceType: 'hostedzone',
          ResourceId: zoneId,
          AddTags: Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
        }),
      ),
    );
    expect(eleven.name).toBe('InvalidInput');
    expect(eleven.message).toBe(
      "1 validation error detected: Value null at 'addTags' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
    for (let batch = 0; batch < 5; batch++) {
      await client.send(
        new ChangeTagsForResourceCommand({
          ResourceType: 'hostedzone',
          ResourceId: zoneId,
          AddTags: Array.from({ length: batch === 4 ? 9 : 10 }, (_, i) => ({
            Key: `b${batch}-${i}`,
            Value: 'v',
          })),
        }),
      );
    }
    const tooMany = await rejectionOf(
      client.send(
        new ChangeTagsForResourceCommand({
          ResourceType: 'hostedzone',
          ResourceId: zoneId,
          AddTags: [{ Key: 'one-more', Value: 'v' }],
        }),
      ),
    );
    expect(tooMany.name).toBe('InvalidInput');
    expect(tooMany.message).toBe(
      'Invalid request: a hosted zone can have at most 50 tags; this change would leave 51.',
    );
    const tags = (await tagsOf(zoneId))?.Tags ?? [];
    expect(tags).toHaveLength(50);
    expect(tags[0]).toEqual({ Key: 'keep', Value: '1' });
    expect(tags.map((t) => t.Key)).not.toContain('fine');
  });

  it('when the resource is a health check, an unknown type or an unknown zone, then the answer says which', async () => {
    const health = await rejectionOf(
      client.send(new ListTagsForResourceCommand({ ResourceType: 'healthcheck', ResourceId: 'abc' })),
    );
    expect(health.name).toBe('NoSuchHealthCheck');
    expect(health.$metadata.httpStatusCode).toBe(404);
    const res = await fetch(`${emulator.url}/2013-04-01/tags/bucket/Z1`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      "Value 'bucket' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [healthcheck, hostedzone]",
    );
    const unknown = await rejectionOf(
      client.send(new ListTagsForResourcesCommand({ ResourceType: 'hostedzone', ResourceIds: ['ZNOPE'] })),
    );
    expect(unknown.name).toBe('NoSuchHostedZone');
    expect(unknown.message).toBe('No hosted zone found with ID: ZNOPE');
  });
});
