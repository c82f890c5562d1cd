import { ListEmailIdentitiesCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { DeleteIdentitiesResponse, ListIdentitiesResponse } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearFaults, faultState, setFaults } from './support/faults.js';
import { type Harness, REGION, startHarness } from './support/harness.js';

/** Every identity name in the region, read straight from the emulator (faults off). */
async function allNames(ses: SESv2Client): Promise<string[]> {
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const out = await ses.send(new ListEmailIdentitiesCommand({ PageSize: 1000, NextToken }));
    for (const i of out.EmailIdentities ?? []) if (i.IdentityName) names.push(i.IdentityName);
    NextToken = out.NextToken || undefined;
  } while (NextToken);
  return names.sort();
}

describe('the BFF under injected faults (30% throttling, 5% server errors, 50 ms latency)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(() => clearFaults(h.emulator));
  afterAll(() => h.close());

  it('when 2,000 identities are listed and 500 bulk-deleted, then the list is exact, exactly those 500 are gone, each deleted once, and the report is complete', async () => {
    h.emulator.seed({ identities: 2000, regions: [REGION] });
    const before = await allNames(h.ses());
    expect(before).toHaveLength(2000);
    await setFaults(h.emulator, {
      seed: 20240601,
      rules: [
        {
          service: 'sesv2',
          operation: '*',
          throttleProbability: 0.3,
          errorProbability: 0.05,
          latencyMs: 50,
        },
      ],
    });

    const listed = await request(h.app).get(`/api/regions/${REGION}/identities`);
    expect(listed.status).toBe(200);
    const listedNames = (listed.body as ListIdentitiesResponse).identities.map((i) => i.name).sort();
    expect(listedNames).toEqual(before);

    const doomed = before.filter((_, i) => i % 4 === 1); // 500 spread over the list
    expect(doomed).toHaveLength(500);
    const started = performance.now();
    const deleted = await request(h.app)
      .post(`/api/regions/${REGION}/identities/delete`)
      .send({ identities: doomed });
    const seconds = (performance.now() - started) / 1000;
    expect(deleted.status).toBe(200);
    const report = deleted.body as DeleteIdentitiesResponse;
    expect(report.results.map((r) => r.identity)).toEqual(doomed);
    expect(report.results.filter((r) => r.outcome !== 'deleted')).toEqual([]);
    expect(report).toMatchObject({ deleted: 500, failed: 0 });

    const state = await faultState(h.emulator);
    // Faults were really injected on the deletes, and each identity's delete ran exactly once.
    expect(state.injected['sesv2:DeleteEmailIdentity:throttle']).toBeGreaterThan(50);
    expect(state.injected['sesv2:DeleteEmailIdentity:error']).toBeGreaterThan(5);
    const executions = state.succeeded['sesv2:DeleteEmailIdentity'] ?? {};
    expect(Object.keys(executions).sort()).toEqual([...doomed].sort());
    expect(Object.values(executions).every((n) => n === 1)).toBe(true);

    await clearFaults(h.emulator);
    const after = await allNames(h.ses());
    const doomedSet = new Set(doomed);
    expect(after).toEqual(before.filter((n) => !doomedSet.has(n)));
    // The bulk delete kept several calls in flight (500 × 50 ms one by one would be 25 s + retries).
    expect(seconds).toBeLessThan(30);
  }, 90_000);

  it('when one identity is opened under the same faults, then its detail loads through the retries', async () => {
    await request(h.app)
      .post(`/api/regions/${REGION}/identities`)
      .send({ type: 'DOMAIN', name: 'faulty-detail.example' });
    await setFaults(h.emulator, {
      seed: 7,
      rules: [
        { service: '*', operation: '*', throttleProbability: 0.3, errorProbability: 0.05, latencyMs: 50 },
      ],
    });
    for (let i = 0; i < 5; i += 1) {
      const res = await request(h.app).get(`/api/regions/${REGION}/identities/faulty-detail.example`);
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('faulty-detail.example');
    }
  }, 60_000);

  it('when Route 53 throttles half the calls, then publishing still writes the whole batch once (UPSERT)', async () => {
    const domain = 'publish-faults.example';
    await h.route53.send(
      new (await import('@aws-sdk/client-route-53')).CreateHostedZoneCommand({
        Name: domain,
        CallerReference: `ref-${Date.now()}`,
      }),
    );
    await request(h.app).post(`/api/regions/${REGION}/identities`).send({ type: 'DOMAIN', name: domain });
    await setFaults(h.emulator, {
      seed: 12,
      rules: [{ service: 'route53', operation: '*', throttleProbability: 0.5, latencyMs: 20 }],
    });
    const res = await request(h.app)
      .post(`/api/regions/${REGION}/identities/${domain}/publish-dns`)
      .send({ scope: 'all' });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('published');
    expect(res.body.records.filter((r: { purpose: string }) => r.purpose === 'DKIM')).toHaveLength(3);
    const state = await faultState(h.emulator);
    const route53Throttles = Object.entries(state.injected)
      .filter(([key]) => key.startsWith('route53:'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(route53Throttles).toBeGreaterThan(0);
    expect(Object.values(state.succeeded['route53:ChangeResourceRecordSets'] ?? {})).toEqual([1]);
  }, 60_000);

  it('when SES always fails with 500, then the list answers 503 saying SES did not answer after 6 attempts', async () => {
    await setFaults(h.emulator, { rules: [{ service: 'sesv2', operation: '*', errorProbability: 1 }] });
    const res = await request(h.app).get(`/api/regions/${REGION}/identities`);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('ServiceUnavailable');
    expect(res.body.error.message).toMatch(
      /^SES did not answer after 6 attempts over \d+\.\d s; try again later\.$/,
    );
  }, 30_000);

  it('when DeleteEmailIdentity is limited to 10 per second, then a bulk delete of 40 paces itself to it and deletes each once', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `paced-${i}.example`);
    for (const name of names) {
      await request(h.app).post(`/api/regions/${REGION}/identities`).send({ type: 'DOMAIN', name });
    }
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'DeleteEmailIdentity', rateLimit: 10, burst: 2 }],
    });
    const started = performance.now();
    const res = await request(h.app)
      .post(`/api/regions/${REGION}/identities/delete`)
      .send({ identities: names });
    const seconds = (performance.now() - started) / 1000;
    expect(res.body).toMatchObject({ deleted: 40, failed: 0 });
    const state = await faultState(h.emulator);
    const executions = state.succeeded['sesv2:DeleteEmailIdentity'] ?? {};
    expect(Object.keys(executions).sort()).toEqual([...names].sort());
    expect(Object.values(executions).every((n) => n === 1)).toBe(true);
    // Throughput follows the limit (40 at 10/s with a burst of 2 needs ≥ 3.8 s) and the pacer
    // does not hammer it: throttled calls stay within a small multiple of the useful ones.
    expect(seconds).toBeGreaterThan(3.5);
    const throttled = state.injected['sesv2:DeleteEmailIdentity:throttle'] ?? 0;
    expect(throttled).toBeLessThan(3 * names.length);
  }, 60_000);

  it('when delete answers are lost after the delete ran (30%), then the bulk delete still reports each as deleted and never runs one twice', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `lost-answer-${i}.example`);
    for (const name of names) {
      await request(h.app).post(`/api/regions/${REGION}/identities`).send({ type: 'DOMAIN', name });
    }
    await setFaults(h.emulator, {
      seed: 5,
      rules: [
        {
          service: 'sesv2',
          operation: 'DeleteEmailIdentity',
          lostAnswerProbability: 0.3,
          throttleProbability: 0.2,
        },
      ],
    });
    const res = await request(h.app)
      .post(`/api/regions/${REGION}/identities/delete`)
      .send({ identities: names });
    expect(res.body).toMatchObject({ deleted: 30, failed: 0 });
    expect(res.body.results.every((r: { outcome: string }) => r.outcome === 'deleted')).toBe(true);
    const state = await faultState(h.emulator);
    expect(state.injected['sesv2:DeleteEmailIdentity:lost-answer']).toBeGreaterThan(3);
    expect(Object.values(state.succeeded['sesv2:DeleteEmailIdentity'] ?? {})).toEqual(names.map(() => 1));
  }, 60_000);

  it("when the answer to CreateEmailIdentity is lost, then the retry's AlreadyExists is this request's success, said in the steps", async () => {
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'CreateEmailIdentity', lostAnswerProbability: 1 }],
    });
    const res = await request(h.app)
      .post(`/api/regions/${REGION}/identities`)
      .send({ type: 'DOMAIN', name: 'lost-create.example' });
    expect(res.status).toBe(201);
    expect(res.body.steps[0]).toMatchObject({
      step: 'create-identity',
      status: 'succeeded',
      message: expect.stringMatching(/^SES answered AlreadyExists to a repeated attempt/),
    });
    const state = await faultState(h.emulator);
    expect(state.succeeded['sesv2:CreateEmailIdentity']).toEqual({ '-': 1 });
  }, 30_000);
});
