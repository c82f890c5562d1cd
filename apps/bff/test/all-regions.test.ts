import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { apiPaths, listAllRegionsIdentitiesResponseSchema } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, unique } from './support/harness.js';

describe('GET /api/identities (every configured region)', () => {
  let h: Harness;
  const regions = ['us-east-1', 'eu-west-1', 'eu-west-3', 'ap-south-1', 'sa-east-1'];
  const setFaults = (rules: unknown[]) =>
    fetch(`${h.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules }),
    });
  beforeAll(async () => {
    h = await startHarness({ regions });
  });
  afterEach(async () => {
    await fetch(`${h.emulator.url}/_emulator/faults`, { method: 'DELETE' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('when identities live in several regions, then each comes once with its region and every region reports loaded', async () => {
    const marker = unique('allreg');
    await h.ses('us-east-1').send(new CreateEmailIdentityCommand({ EmailIdentity: `${marker}.com` }));
    await h.ses('sa-east-1').send(new CreateEmailIdentityCommand({ EmailIdentity: `${marker}.com` }));
    await h.ses('eu-west-3').send(new CreateEmailIdentityCommand({ EmailIdentity: `me@${marker}.com` }));

    const res = await request(h.app).get(apiPaths.allRegionsIdentities).query({ name: marker });
    expect(res.status).toBe(200);
    const body = listAllRegionsIdentitiesResponseSchema.parse(res.body);
    expect(body, 'no field the contract does not know').toEqual(res.body);
    expect(body.identities.map((i) => `${i.region} ${i.name} ${i.type}`).sort()).toEqual([
      `eu-west-3 me@${marker}.com EMAIL_ADDRESS`,
      `sa-east-1 ${marker}.com DOMAIN`,
      `us-east-1 ${marker}.com DOMAIN`,
    ]);
    expect(body.regions.map((r) => r.region)).toEqual(regions);
    expect(body.regions.every((r) => r.outcome === 'loaded')).toBe(true);
    expect(body.regions.find((r) => r.region === 'eu-west-3')).toEqual({
      region: 'eu-west-3',
      outcome: 'loaded',
      count: 1,
    });
  });

  it('when one region fails, then it is reported with the error and the other regions still load', async () => {
    const marker = unique('allfail');
    await h.ses('eu-west-1').send(new CreateEmailIdentityCommand({ EmailIdentity: `${marker}.com` }));
    await h.ses('eu-west-3').send(new CreateEmailIdentityCommand({ EmailIdentity: `${marker}.com` }));
    await setFaults([
      { service: 'sesv2', operation: 'ListEmailIdentities', region: 'eu-west-3', errorProbability: 1 },
    ]);

    const res = await request(h.app).get(apiPaths.allRegionsIdentities).query({ name: marker });
    expect(res.status).toBe(200);
    const body = listAllRegionsIdentitiesResponseSchema.parse(res.body);
    expect(
      body.identities.map((i) => `${i.region} ${i.name}`),
      JSON.stringify(body),
    ).toEqual([`eu-west-1 ${marker}.com`]);
    expect(body.regions.find((r) => r.region === 'eu-west-3')).toEqual({
      region: 'eu-west-3',
      outcome: 'failed',
      // SES kept answering 500 through every retry: the region reports SES as unavailable.
      error: {
        code: 'ServiceUnavailable',
        message: expect.stringMatching(
          /^SES did not answer after \d+ attempts over [\d.]+ s; try again later\.$/,
        ),
      },
    });
    expect(body.regions.filter((r) => r.outcome === 'loaded')).toHaveLength(regions.length - 1);
  });

  it('when a filter is not valid, then the answer is 400 naming the field', async () => {
    const res = await request(h.app).get(apiPaths.allRegionsIdentities).query({ status: 'MAYBE' });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors[0].field).toBe('status');
  });

  it('when the API is described, then /api/openapi.json lists both new routes', async () => {
    const res = await request(h.app).get(apiPaths.openapi);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/identities',
        '/api/regions/{region}/identities/{identity}/dns-diagnostics',
      ]),
    );
  });
});
