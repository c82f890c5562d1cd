import { apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';

describe('the SES account: sandbox notice and the emulator production-access toggle', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('when the account is in the sandbox, then GET account says so and a custom unverified recipient is refused with SES message; after the toggle the same send goes out', async () => {
    const region = 'eu-west-1';
    const domain = `${unique('sbx')}.example.com`;
    await request(h.app).post(url(apiPaths.identities, { region })).send({ type: 'DOMAIN', name: domain });
    const before = await request(h.app).get(url(apiPaths.account, { region }));
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toEqual({
      productionAccessEnabled: false,
      sendingEnabled: true,
      sendQuota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 },
    });
    const send = {
      from: `test@${domain}`,
      scenario: 'custom',
      customRecipient: 'stranger@elsewhere.example',
      subject: 'Hi',
    };
    const refused = await request(h.app).post(url(apiPaths.sendTestEmail, { region })).send(send);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Email address is not verified. The following identities failed the check in region EU-WEST-1: stranger@elsewhere.example',
    );

    const toggled = await request(h.app)
      .post(apiPaths.emulatorAccount)
      .send({ region, productionAccess: true });
    expect(toggled.status, JSON.stringify(toggled.body)).toBe(200);
    expect(toggled.body).toMatchObject({
      productionAccessEnabled: true,
      sendQuota: { max24HourSend: 50_000, maxSendRate: 14 },
    });
    const sent = await request(h.app).post(url(apiPaths.sendTestEmail, { region })).send(send);
    expect(sent.status).toBe(200);
    const after = await request(h.app).get(url(apiPaths.account, { region }));
    expect(after.body).toMatchObject({ productionAccessEnabled: true, sendQuota: { sentLast24Hours: 1 } });
    // Another Region is still in the sandbox.
    expect(
      (await request(h.app).get(url(apiPaths.account, { region: REGION }))).body.productionAccessEnabled,
    ).toBe(false);
  });

  it('when the toggle gets a bad body, then 400 names the field', async () => {
    const res = await request(h.app)
      .post(apiPaths.emulatorAccount)
      .send({ region: 'moon', productionAccess: 'yes' });
    expect(res.status).toBe(400);
    const fields = (res.body.error.fieldErrors as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['productionAccess', 'region']);
  });
});
