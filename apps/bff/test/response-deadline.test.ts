import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearFaults, setFaults } from './support/faults.js';
import { type Harness, REGION, startHarness } from './support/harness.js';

describe('client-visible time limit of API calls', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ apiTimeoutMs: 400 });
  });
  afterAll(() => h.close());

  it('when SES answers slower than the limit, then the caller gets a 504 envelope in time, and the BFF keeps serving', async () => {
    await setFaults(h.emulator, { rules: [{ service: 'sesv2', operation: '*', latencyMs: 1500 }] });
    const started = performance.now();
    const slow = await request(h.app).get(`/api/regions/${REGION}/identities`);
    expect(performance.now() - started).toBeLessThan(1400);
    expect(slow.status).toBe(504);
    expect(slow.body.error).toMatchObject({
      code: 'RequestTimeout',
      message: 'The request did not finish within 0.4 s (AWS is slow or not answering); try again later.',
    });
    await clearFaults(h.emulator);
    await new Promise((r) => setTimeout(r, 1500)); // the late SES answer arrives and is dropped quietly
    const next = await request(h.app).get(`/api/regions/${REGION}/identities`);
    expect(next.status).toBe(200);
  }, 20_000);
});
