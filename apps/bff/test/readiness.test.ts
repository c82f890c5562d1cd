import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearFaults, faultState, setFaults } from './support/faults.js';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';

describe('/readyz, which anyone may call', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(() => clearFaults(h.emulator));
  afterAll(() => h.close());

  it('when /readyz is hit 100 times, then SES sees at most a couple of calls', async () => {
    const before = (await faultState(h.emulator)).calls['sesv2:ListEmailIdentities'] ?? 0;
    for (let i = 0; i < 80; i += 1) expect((await request(h.app).get('/readyz')).status).toBe(200);
    const burst = await Promise.all(Array.from({ length: 20 }, () => request(h.app).get('/readyz')));
    expect(burst.every((r) => r.status === 200)).toBe(true);
    const after = (await faultState(h.emulator)).calls['sesv2:ListEmailIdentities'] ?? 0;
    expect(after - before).toBeLessThanOrEqual(2);
  }, 30_000);
});

describe('/readyz while SES fails', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("when /readyz is hit 100 times while SES fails, then it answers 503 from a couple of single-attempt calls, and users' calls keep their retries", async () => {
    const domain = `${unique('after-probes')}.example`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'ListEmailIdentities', errorProbability: 1 }],
    });
    for (let i = 0; i < 100; i += 1) {
      const res = await request(h.app).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('NotReady');
    }
    const probes = (await faultState(h.emulator)).calls['sesv2:ListEmailIdentities'] ?? 0;
    expect(probes).toBeLessThanOrEqual(2);

    // A user's call that meets one server error is still retried: the probes spent none of the
    // retry quota the users' SDK client holds.
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'GetEmailIdentity', errorProbability: 1, times: 1 }],
    });
    const res = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity: domain }));
    expect(res.status).toBe(200);
    expect((await faultState(h.emulator)).injected['sesv2:GetEmailIdentity:error']).toBe(1);
  }, 60_000);
});
