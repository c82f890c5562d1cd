import { CreateEmailIdentityCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import {
  apiPaths,
  createIdentityResponseSchema,
  identityAcrossRegionsResponseSchema,
  identityDetailSchema,
  listAllRegionsIdentitiesResponseSchema,
  replicateIdentityResponseSchema,
} from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, unique, url } from './support/harness.js';
import { createZone } from './support/route53.js';

describe('Global identities (Deterministic Easy DKIM)', () => {
  let h: Harness;
  const regions = ['us-east-1', 'eu-west-1', 'ap-south-1', 'sa-east-1'];
  const setFaults = (rules: unknown[]) =>
    fetch(`${h.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules }),
    });
  const advance = (seconds: number) =>
    request(h.app).post(apiPaths.emulatorClock).send({ advanceSeconds: seconds }).expect(200);
  const detail = (region: string, identity: string) =>
    request(h.app).get(url(apiPaths.identity, { region, identity }));
  const replicate = (region: string, identity: string, body: object) =>
    request(h.app).post(url(apiPaths.replicateIdentity, { region, identity })).send(body);

  /** A domain verified in us-east-1 with Easy DKIM: records published to Route 53, clock advanced. */
  async function verifiedParent(prefix: string): Promise<string> {
    const domain = `${unique(prefix)}.com`;
    await createZone(h.route53, domain);
    const created = await request(h.app)
      .post(url(apiPaths.identities, { region: 'us-east-1' }))
      .send({ type: 'DOMAIN', name: domain, publishToRoute53: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await advance(600);
    expect((await detail('us-east-1', domain)).body.status).toBe('SUCCESS');
    return domain;
  }

  beforeAll(async () => {
    h = await startHarness({ regions });
  });
  afterEach(async () => {
    await fetch(`${h.emulator.url}/_emulator/faults`, { method: 'DELETE' });
  });
  afterAll(async () => {
    await h.close();
  });

  describe('create with a parent Region', () => {
    it('when a domain is created with Deterministic Easy DKIM naming its verified parent, then it is a replica with the parent tokens that verifies with no DNS change', async () => {
      const domain = await verifiedParent('deed-create');
      const parent = identityDetailSchema.parse((await detail('us-east-1', domain)).body);

      const res = await request(h.app)
        .post(url(apiPaths.identities, { region: 'eu-west-1' }))
        .send({ type: 'DOMAIN', name: domain, dkim: { origin: 'DEED', parentRegion: 'us-east-1' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const body = createIdentityResponseSchema.parse(res.body);
      expect(body.complete).toBe(true);
      expect(body.identity?.dkim.origin).toBe('AWS_SES_US_EAST_1');
      expect(body.identity?.dkim.parentRegion).toBe('us-east-1');

      await advance(600);
      const replica = identityDetailSchema.parse((await detail('eu-west-1', domain)).body);
      expect(replica.status).toBe('SUCCESS');
      expect(replica.dkim.tokens).toEqual(parent.dkim.tokens);
      expect(replica.dkim.parentRegion).toBe('us-east-1');
      expect(parent.dkim.parentRegion, 'a parent is an ordinary Easy DKIM identity').toBeUndefined();
      expect(parent.dkim.origin).toBe('AWS_SES');
    });

    it('when the parent Region is the identity own Region, then 400 names dkim.parentRegion and nothing is created', async () => {
      const domain = `${unique('deed-same')}.com`;
      const res = await request(h.app)
        .post(url(apiPaths.identities, { region: 'eu-west-1' }))
        .send({ type: 'DOMAIN', name: domain, dkim: { origin: 'DEED', parentRegion: 'eu-west-1' } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('ValidationError');
      expect(res.body.error.fieldErrors).toEqual([
        {
          field: 'dkim.parentRegion',
          message: expect.stringContaining("differ from the identity's own Region"),
        },
      ]);
      expect((await detail('eu-west-1', domain)).status).toBe(404);
    });

    it('when the parent Region is not one the console offers, then 400 names dkim.parentRegion', async () => {
      const res = await request(h.app)
        .post(url(apiPaths.identities, { region: 'eu-west-1' }))
        .send({
          type: 'DOMAIN',
          name: `${unique('deed-far')}.com`,
          dkim: { origin: 'DEED', parentRegion: 'eu-north-1' },
        });
      expect(res.status).toBe(400);
      expect(res.body.error.fieldErrors).toEqual([
        { field: 'dkim.parentRegion', message: expect.stringContaining('eu-north-1 is not') },
      ]);
    });

    it('when the parent Region is not a Region name, then 400 names dkim.parentRegion', async () => {
      const res = await request(h.app)
        .post(url(apiPaths.identities, { region: 'eu-west-1' }))
        .send({
          type: 'DOMAIN',
          name: `${unique('deed-bad')}.com`,
          dkim: { origin: 'DEED', parentRegion: 'Mars' },
        });
      expect(res.status).toBe(400);
      expect(res.body.error.fieldErrors?.map((f: { field: string }) => f.field)).toEqual([
        'dkim.parentRegion',
      ]);
    });
  });

  describe('replicate', () => {
    it('when a verified parent is replicated to two Regions, then each is created, shares the tokens and turns Verified', async () => {
      const domain = await verifiedParent('deed-rep');
      const res = await replicate('us-east-1', domain, { regions: ['eu-west-1', 'ap-south-1'] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = replicateIdentityResponseSchema.parse(res.body);
      expect(body, 'no field the contract does not know').toEqual(res.body);
      expect(body.results.map((r) => `${r.region} ${r.outcome}`)).toEqual([
        'eu-west-1 created',
        'ap-south-1 created',
      ]);
      expect(body).toMatchObject({
        name: domain,
        parentRegion: 'us-east-1',
        created: 2,
        failed: 0,
        unknown: 0,
      });

      await advance(600);
      const parentTokens = (
        await h.ses('us-east-1').send(new GetEmailIdentityCommand({ EmailIdentity: domain }))
      ).DkimAttributes?.Tokens;
      for (const region of ['eu-west-1', 'ap-south-1']) {
        const replica = identityDetailSchema.parse((await detail(region, domain)).body);
        expect(replica.status, region).toBe('SUCCESS');
        expect(replica.dkim.origin, region).toBe('AWS_SES_US_EAST_1');
        expect(replica.dkim.tokens, region).toEqual(parentTokens);
      }
    });

    it('when a Region already has the name, then it is already_exists and the others are still created', async () => {
      const domain = await verifiedParent('deed-exists');
      await h.ses('sa-east-1').send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
      const before = await h.ses('sa-east-1').send(new GetEmailIdentityCommand({ EmailIdentity: domain }));

      const res = await replicate('us-east-1', domain, { regions: ['sa-east-1', 'eu-west-1', 'sa-east-1'] });
      expect(res.status).toBe(200);
      const body = replicateIdentityResponseSchema.parse(res.body);
      expect(body.results).toEqual([
        {
          region: 'sa-east-1',
          outcome: 'already_exists',
          message: expect.stringContaining('nothing was changed'),
        },
        { region: 'eu-west-1', outcome: 'created', status: expect.any(String) },
      ]);
      const after = await h.ses('sa-east-1').send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
      expect(after.DkimAttributes?.Tokens, 'the existing identity was left alone').toEqual(
        before.DkimAttributes?.Tokens,
      );
      expect(after.DkimAttributes?.SigningAttributesOrigin).toBe('AWS_SES');
    });

    it('when SES keeps throttling one Region, then that Region is failed with the reason and the others are created', async () => {
      const domain = await verifiedParent('deed-throttle');
      await setFaults([
        { service: 'sesv2', operation: 'CreateEmailIdentity', region: 'ap-south-1', throttleProbability: 1 },
      ]);
      const res = await replicate('us-east-1', domain, { regions: ['eu-west-1', 'ap-south-1'] });
      expect(res.status).toBe(200);
      const body = replicateIdentityResponseSchema.parse(res.body);
      expect(body.results).toEqual([
        { region: 'eu-west-1', outcome: 'created', status: expect.any(String) },
        { region: 'ap-south-1', outcome: 'failed', message: expect.stringMatching(/kept throttling/) },
      ]);
      expect(body.failed).toBe(1);
      expect((await detail('ap-south-1', domain)).status).toBe(404);
    });

    it('when SES answers only server errors in one Region, then that Region is unknown (the create may have run)', async () => {
      const domain = await verifiedParent('deed-5xx');
      await setFaults([
        { service: 'sesv2', operation: 'CreateEmailIdentity', region: 'ap-south-1', errorProbability: 1 },
      ]);
      const res = await replicate('us-east-1', domain, { regions: ['ap-south-1'] });
      expect(res.status).toBe(200);
      const body = replicateIdentityResponseSchema.parse(res.body);
      expect(body.results).toEqual([
        {
          region: 'ap-south-1',
          outcome: 'unknown',
          message: expect.stringMatching(/^Not confirmed: SES answered a server error/),
        },
      ]);
      expect(body.unknown).toBe(1);
    });

    it('when the answer of a create is lost and the repeat says AlreadyExists, then the Region is created', async () => {
      const domain = await verifiedParent('deed-lost');
      await setFaults([
        {
          service: 'sesv2',
          operation: 'CreateEmailIdentity',
          region: 'eu-west-1',
          lostAnswerProbability: 1,
          times: 1,
        },
      ]);
      const res = await replicate('us-east-1', domain, { regions: ['eu-west-1'] });
      expect(res.status).toBe(200);
      const body = replicateIdentityResponseSchema.parse(res.body);
      expect(body.results).toEqual([
        { region: 'eu-west-1', outcome: 'created', message: expect.stringContaining('earlier attempt') },
      ]);
      const replica = await h.ses('eu-west-1').send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
      expect(replica.DkimAttributes?.SigningAttributesOrigin).toBe('AWS_SES_US_EAST_1');
    });

    it('when a target Region is the parent own Region or not offered, then 400 names each field and nothing is created', async () => {
      const domain = await verifiedParent('deed-badtarget');
      const res = await replicate('us-east-1', domain, { regions: ['eu-west-1', 'us-east-1', 'eu-north-1'] });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('ValidationError');
      expect(res.body.error.fieldErrors).toEqual([
        { field: 'regions.1', message: expect.stringContaining("parent's own Region") },
        { field: 'regions.2', message: expect.stringContaining('not one of the Regions') },
      ]);
      expect((await detail('eu-west-1', domain)).status, 'nothing half done').toBe(404);
    });

    it('when no Region is chosen or one is not a Region name, then 400 names regions', async () => {
      const domain = `${unique('deed-empty')}.com`;
      const empty = await replicate('us-east-1', domain, { regions: [] });
      expect(empty.status).toBe(400);
      expect(empty.body.error.fieldErrors).toEqual([
        { field: 'regions', message: 'Choose at least one Region' },
      ]);
      const bad = await replicate('us-east-1', domain, { regions: ['nowhere'] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['regions.0']);
    });

    it('when the identity does not exist, then 404 and nothing is created', async () => {
      const domain = `${unique('deed-none')}.com`;
      const res = await replicate('us-east-1', domain, { regions: ['eu-west-1'] });
      expect(res.status).toBe(404);
      expect((await detail('eu-west-1', domain)).status).toBe(404);
    });

    it('when the identity is itself a replica, then 400 says to replicate its parent', async () => {
      const domain = await verifiedParent('deed-chain');
      await replicate('us-east-1', domain, { regions: ['eu-west-1'] }).expect(200);
      const res = await replicate('eu-west-1', domain, { regions: ['ap-south-1'] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/replica of its parent in us-east-1/);
      expect((await detail('ap-south-1', domain)).status).toBe(404);
    });

    it('when the identity is an email address, then 400 says only a domain can be replicated', async () => {
      const address = `me@${unique('deed-mail')}.com`;
      await h.ses('us-east-1').send(new CreateEmailIdentityCommand({ EmailIdentity: address }));
      const res = await replicate('us-east-1', address, { regions: ['eu-west-1'] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/only a domain identity/);
    });
  });

  describe('the name in every Region', () => {
    it('when a parent has replicas, then each Region says whether it has the name and the replicas name their parent', async () => {
      const domain = await verifiedParent('deed-across');
      await replicate('us-east-1', domain, { regions: ['eu-west-1', 'ap-south-1'] }).expect(200);
      await advance(600);

      const res = await request(h.app).get(url(apiPaths.identityAcrossRegions, { identity: domain }));
      expect(res.status).toBe(200);
      const body = identityAcrossRegionsResponseSchema.parse(res.body);
      expect(body, 'no field the contract does not know').toEqual(res.body);
      expect(body.identities).toEqual([
        {
          region: 'us-east-1',
          type: 'DOMAIN',
          status: 'SUCCESS',
          dkimStatus: 'SUCCESS',
          dkimOrigin: 'AWS_SES',
        },
        {
          region: 'eu-west-1',
          type: 'DOMAIN',
          status: 'SUCCESS',
          dkimStatus: 'SUCCESS',
          dkimOrigin: 'AWS_SES_US_EAST_1',
          parentRegion: 'us-east-1',
        },
        {
          region: 'ap-south-1',
          type: 'DOMAIN',
          status: 'SUCCESS',
          dkimStatus: 'SUCCESS',
          dkimOrigin: 'AWS_SES_US_EAST_1',
          parentRegion: 'us-east-1',
        },
      ]);
      expect(body.regions).toEqual([
        { region: 'us-east-1', outcome: 'found' },
        { region: 'eu-west-1', outcome: 'found' },
        { region: 'ap-south-1', outcome: 'found' },
        { region: 'sa-east-1', outcome: 'absent' },
      ]);
    });

    it('when the lists are asked for the DKIM origin, then each domain of the family has its own and addresses have none', async () => {
      const domain = await verifiedParent('deed-origin');
      await replicate('us-east-1', domain, { regions: ['sa-east-1'] }).expect(200);
      await h.ses('us-east-1').send(new CreateEmailIdentityCommand({ EmailIdentity: `me@${domain}` }));

      const all = await request(h.app)
        .get(apiPaths.allRegionsIdentities)
        .query({ name: domain, include: 'dkim-origin' });
      expect(all.status).toBe(200);
      const rows = listAllRegionsIdentitiesResponseSchema.parse(all.body).identities;
      expect(rows.map((r) => `${r.region} ${r.name} ${r.dkimOrigin ?? '-'}`).sort()).toEqual([
        `sa-east-1 ${domain} AWS_SES_US_EAST_1`,
        `us-east-1 ${domain} AWS_SES`,
        `us-east-1 me@${domain} -`,
      ]);

      const plain = await request(h.app)
        .get(url(apiPaths.identities, { region: 'sa-east-1' }))
        .query({ name: domain });
      expect(plain.body.identities[0], 'not asked for: not looked up').not.toHaveProperty('dkimOrigin');
    });

    it('when one Region fails, then it is a warning with the error and the other Regions still answer', async () => {
      const domain = `${unique('deed-warn')}.com`;
      await h.ses('us-east-1').send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
      await setFaults([
        { service: 'sesv2', operation: 'GetEmailIdentity', region: 'sa-east-1', errorProbability: 1 },
      ]);
      const res = await request(h.app).get(url(apiPaths.identityAcrossRegions, { identity: domain }));
      expect(res.status).toBe(200);
      const body = identityAcrossRegionsResponseSchema.parse(res.body);
      expect(body.identities.map((i) => i.region)).toEqual(['us-east-1']);
      expect(body.regions.find((r) => r.region === 'sa-east-1')).toEqual({
        region: 'sa-east-1',
        outcome: 'failed',
        error: { code: 'ServiceUnavailable', message: expect.stringMatching(/^SES did not answer/) },
      });
      expect(body.regions.filter((r) => r.outcome === 'absent').map((r) => r.region)).toEqual([
        'eu-west-1',
        'ap-south-1',
      ]);
    });
  });
});
