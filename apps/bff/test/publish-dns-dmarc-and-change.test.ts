import { ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { CreateEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearFaults, faultState, setFaults } from './support/faults.js';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { createZone, recordSets } from './support/route53.js';

/** Publishing end to end: the recommended DMARC record, a lost answer, and following the change. */
describe('publish DNS records: DMARC, lost answers and the change status', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(() => clearFaults(h.emulator));
  afterAll(() => h.close());

  const publish = (identity: string, body: object = {}) =>
    request(h.app)
      .post(url(apiPaths.publishDns, { region: REGION, identity }))
      .send(body);
  const domainInZone = async (prefix: string) => {
    const domain = `${unique(prefix)}.com`;
    const zoneId = await createZone(h.route53, domain);
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    return { domain, zoneId };
  };
  const txtAt = async (zoneId: string, name: string) =>
    (await recordSets(h.route53, zoneId))
      .filter((s) => s.Name === `${name}.` && s.Type === 'TXT')
      .flatMap((s) => (s.ResourceRecords ?? []).map((r) => r.Value));

  it('when a domain without DMARC is published, then the answer offers the recommended record and writes none', async () => {
    const { domain, zoneId } = await domainInZone('dmarc-offer');
    const res = await publish(domain, { scope: 'dkim' });
    expect(res.status).toBe(200);
    expect(res.body.dmarc).toEqual({
      name: `_dmarc.${domain}`,
      recommended: '"v=DMARC1; p=none;"',
      state: 'missing',
      existing: [],
    });
    expect(res.body.plan.changes.map((c: { purpose: string }) => c.purpose)).toEqual([
      'DKIM',
      'DKIM',
      'DKIM',
    ]);
    expect(await txtAt(zoneId, `_dmarc.${domain}`)).toEqual([]);
  });

  it('when publishing is asked to write DMARC and none exists, then the plan has it and the zone holds "v=DMARC1; p=none;"', async () => {
    const { domain, zoneId } = await domainInZone('dmarc-write');
    const res = await publish(domain, { scope: 'dkim', dmarc: true });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('published');
    expect(res.body.dmarc).toMatchObject({ state: 'written', existing: [] });
    expect(res.body.plan.changes).toContainEqual({
      purpose: 'DMARC',
      type: 'TXT',
      name: `_dmarc.${domain}`,
      action: 'create',
      existing: [],
      values: ['"v=DMARC1; p=none;"'],
      removed: [],
    });
    expect(await txtAt(zoneId, `_dmarc.${domain}`)).toEqual(['"v=DMARC1; p=none;"']);

    // Asked again (e.g. from the DMARC offer after the DKIM publish): everything is in place, nothing written.
    const again = await publish(domain, { scope: 'dkim', dmarc: true });
    expect(again.body.dmarc).toMatchObject({ state: 'existing', existing: ['"v=DMARC1; p=none;"'] });
    expect(again.body.plan.changes).toEqual([]);
    expect(again.body.changeId).toBeUndefined();
  });

  it('when the domain already has a DMARC policy, then publishing says so and leaves it exactly as it is', async () => {
    const { domain, zoneId } = await domainInZone('dmarc-keep');
    const policy = '"v=DMARC1; p=reject; rua=mailto:dmarc@example.net"';
    await h.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: `_dmarc.${domain}`,
                Type: 'TXT',
                TTL: 300,
                ResourceRecords: [{ Value: policy }],
              },
            },
          ],
        },
      }),
    );
    const res = await publish(domain, { dmarc: true });
    expect(res.status).toBe(200);
    expect(res.body.dmarc).toEqual({
      name: `_dmarc.${domain}`,
      recommended: '"v=DMARC1; p=none;"',
      state: 'existing',
      existing: [policy],
    });
    expect(res.body.plan.changes.some((c: { purpose: string }) => c.purpose === 'DMARC')).toBe(false);
    expect(await txtAt(zoneId, `_dmarc.${domain}`)).toEqual([policy]);
  });

  it('when the answer to ChangeResourceRecordSets is lost, then the refused retry is read as done: published, the records in place, written once', async () => {
    const { domain, zoneId } = await domainInZone('lost-publish');
    await setFaults(h.emulator, {
      rules: [{ service: 'route53', operation: 'ChangeResourceRecordSets', lostAnswerProbability: 1 }],
    });
    const res = await publish(domain, { dmarc: true });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('published');
    expect(res.body.changeId).toBeUndefined();
    expect(res.body.records.every((r: { publishedInRoute53: boolean }) => r.publishedInRoute53)).toBe(true);
    const state = await faultState(h.emulator);
    expect(state.injected['route53:ChangeResourceRecordSets:lost-answer']).toBeGreaterThanOrEqual(1);
    expect(Object.values(state.succeeded['route53:ChangeResourceRecordSets'] ?? {})).toEqual([1]);
    await clearFaults(h.emulator);
    const cnames = (await recordSets(h.route53, zoneId)).filter((s) => s.Type === 'CNAME');
    expect(cnames).toHaveLength(3);
    expect(await txtAt(zoneId, `_dmarc.${domain}`)).toEqual(['"v=DMARC1; p=none;"']);
  });

  it('when a publish wrote records, then GET /api/route53/changes/:id follows the change from PENDING to INSYNC on the emulator clock', async () => {
    const { domain } = await domainInZone('follow');
    const res = await publish(domain);
    expect(res.body).toMatchObject({ outcome: 'published', changeStatus: 'PENDING' });
    const changeId = res.body.changeId as string;
    expect(changeId).toMatch(/^C[A-Z0-9]+$/);
    const first = await request(h.app).get(url(apiPaths.route53Change, { changeId }));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: changeId, status: 'PENDING', submittedAt: expect.any(String) });
    const moved = await fetch(`${h.emulator.url}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 10 }),
    });
    expect(moved.status).toBe(200);
    const later = await request(h.app).get(url(apiPaths.route53Change, { changeId }));
    expect(later.body).toMatchObject({ id: changeId, status: 'INSYNC' });
  });

  it('when the change id is malformed or unknown, then 400 names changeId, 404 says it does not exist', async () => {
    const bad = await request(h.app).get(url(apiPaths.route53Change, { changeId: 'not/a-change' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors).toContainEqual(expect.objectContaining({ field: 'changeId' }));
    const unknown = await request(h.app).get(url(apiPaths.route53Change, { changeId: 'CUNKNOWN123' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('CUNKNOWN123');
  });
});

describe('publish DNS records when Route 53 never answers in time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ requestTimeoutMs: 300 });
  });
  afterAll(() => h.close());

  it('when every attempt of the write times out, then the error says the records may have been written', async () => {
    const domain = `${unique('slow-publish')}.com`;
    await createZone(h.route53, domain);
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await setFaults(h.emulator, {
      rules: [{ service: 'route53', operation: 'ChangeResourceRecordSets', latencyMs: 1500 }],
    });
    const res = await request(h.app)
      .post(url(apiPaths.publishDns, { region: REGION, identity: domain }))
      .send({});
    await clearFaults(h.emulator);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body.error.message).toMatch(
      /The records may have been written: reload the identity to see them before publishing again\.$/,
    );
  }, 30_000);
});
