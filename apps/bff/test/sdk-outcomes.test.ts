import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { apiPaths, type DeleteIdentitiesResponse } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearFaults, type FaultState, faultState, setFaults } from './support/faults.js';
import { type Harness, REGION, startHarness, unique, url } from './support/harness.js';
import { closedForwarder, type TcpForwarder } from './support/tcp-forwarder.js';

async function existingNames(ses: SESv2Client): Promise<Set<string>> {
  const out = await ses.send(new ListEmailIdentitiesCommand({ PageSize: 1000 }));
  return new Set((out.EmailIdentities ?? []).map((i) => i.IdentityName ?? ''));
}

const answered = (state: FaultState, key: string) =>
  Object.values(state.outcomes[key] ?? {}).reduce((sum, n) => sum + n, 0);

describe('per-attempt timeouts (AWS_REQUEST_TIMEOUT_MS) and the bulk delete deadline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ requestTimeoutMs: 500, apiTimeoutMs: 4_000 });
  });
  afterEach(() => clearFaults(h.emulator));
  afterAll(() => h.close());

  it('when SES hangs on the first GetEmailIdentity, then that attempt times out and a second attempt loads the detail', async () => {
    const domain = `${unique('hung-detail')}.example`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'GetEmailIdentity', latencyMs: 5_000, times: 1 }],
    });
    const res = await request(h.app).get(url(apiPaths.identity, { region: REGION, identity: domain }));
    expect(res.status).toBe(200);
    expect(res.body.name).toBe(domain);
    // Without a real per-attempt timeout the SDK waits out the hang and sends GetEmailIdentity once.
    expect((await faultState(h.emulator)).calls['sesv2:GetEmailIdentity']).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it('when SES hangs on every delete, then the bulk delete answers before the API deadline: what was sent is unknown, what was not is failed, and nothing is sent after the answer', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `${unique('hung')}-${i}.example`);
    for (const name of names) await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'DeleteEmailIdentity', latencyMs: 6_000 }],
    });

    const res = await request(h.app)
      .post(url(apiPaths.deleteIdentities, { region: REGION }))
      .send({ identities: names });
    const atAnswer = await faultState(h.emulator);

    expect(res.status).toBe(200); // not the 504 of the response deadline
    const report = res.body as DeleteIdentitiesResponse;
    expect(report.results.map((r) => r.identity)).toEqual(names);
    const unknown = report.results.filter((r) => r.outcome === 'unknown');
    const failed = report.results.filter((r) => r.outcome === 'failed');
    expect(unknown.length + failed.length).toBe(names.length); // never `deleted` or `not_found` unconfirmed
    expect(unknown.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    expect(report).toMatchObject({ deleted: 0, failed: failed.length, unknown: unknown.length });
    for (const r of unknown) expect(r.message).toMatch(/^Not confirmed: SES did not answer in time/);
    for (const r of failed) {
      expect(r.message).toBe(
        'Not deleted: the request ran out of time before this delete was sent; delete it again.',
      );
    }
    const received = atAnswer.received['sesv2:DeleteEmailIdentity'] ?? {};
    const unknownNames = new Set(unknown.map((r) => r.identity));
    for (const name of Object.keys(received)) expect(unknownNames.has(name)).toBe(true);
    for (const r of failed) expect(received[r.identity]).toBeUndefined();

    // Wait until the emulator has answered every delete it received (each after its 6 s hang): a BFF
    // still sending would have sent more by then.
    await vi.waitFor(
      async () => {
        const state = await faultState(h.emulator);
        expect(answered(state, 'sesv2:DeleteEmailIdentity')).toBe(state.calls['sesv2:DeleteEmailIdentity']);
      },
      { timeout: 20_000, interval: 200 },
    );
    const later = await faultState(h.emulator);
    expect(later.calls['sesv2:DeleteEmailIdentity']).toBe(atAnswer.calls['sesv2:DeleteEmailIdentity']);
    // The hung deletes did run in the end: that is why they could only be reported `unknown`.
    for (const name of Object.keys(later.succeeded['sesv2:DeleteEmailIdentity'] ?? {})) {
      expect(unknownNames.has(name)).toBe(true);
    }
    await clearFaults(h.emulator);
    const left = await existingNames(h.ses());
    for (const r of failed) expect(left.has(r.identity)).toBe(true);
  }, 60_000);
});

describe('what a repeated call answered means: only an attempt that may have run can have done the work', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(() => clearFaults(h.emulator));
  afterAll(() => h.close());

  it("when CreateEmailIdentity is throttled twice and the repeat says AlreadyExists, then it is a 409 and no MAIL FROM or DKIM change touches the other owner's identity", async () => {
    const name = `${unique('taken')}.example`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name })); // someone else's
    await setFaults(h.emulator, {
      rules: [{ service: 'sesv2', operation: 'CreateEmailIdentity', throttleProbability: 1, times: 2 }],
    });
    const res = await request(h.app)
      .post(url(apiPaths.identities, { region: REGION }))
      .send({
        type: 'DOMAIN',
        name,
        mailFrom: { domain: `mail.${name}` },
        dkimSigningEnabled: false,
      });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('AlreadyExists');
    const state = await faultState(h.emulator);
    expect(state.injected['sesv2:CreateEmailIdentity:throttle']).toBe(2);
    expect(state.calls['sesv2:CreateEmailIdentity']).toBe(3);
    expect(state.calls['sesv2:PutEmailIdentityMailFromAttributes']).toBeUndefined();
    expect(state.calls['sesv2:PutEmailIdentityDkimAttributes']).toBeUndefined();
    const other = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: name }));
    expect(other.MailFromAttributes?.MailFromDomain ?? '').toBe('');
    expect(other.DkimAttributes?.SigningEnabled).toBe(true);
  }, 30_000);
});

describe('a refused connection never reached SES', () => {
  let h: Harness;
  let forwarder: TcpForwarder;
  let refusals = 0;
  const countRefusal = (message: unknown) => {
    (message as { socket: Socket }).socket.once(
      'error',
      (error: NodeJS.ErrnoException & { port?: number }) => {
        if (error.code === 'ECONNREFUSED' && error.port === forwarder.port) refusals += 1;
      },
    );
  };
  beforeAll(() => diagnostics.subscribe('net.client.socket', countRefusal));
  beforeEach(async () => {
    refusals = 0;
    forwarder = await closedForwarder();
    h = await startHarness({ awsEndpoint: forwarder.url }); // the BFF's SDK calls are refused…
  });
  afterEach(async () => {
    await forwarder.close();
    await h.close();
  });
  afterAll(() => diagnostics.unsubscribe('net.client.socket', countRefusal));

  /** …until `refused` connections were refused; then SES (the emulator) answers again. */
  async function reachableAfter(refused: number): Promise<void> {
    await vi.waitFor(() => expect(refusals).toBeGreaterThanOrEqual(refused), {
      timeout: 10_000,
      interval: 5,
    });
    await forwarder.open({ host: '127.0.0.1', port: h.emulator.port });
  }

  it('when the first deletes are refused and SES then answers NotFound, then the names that never existed are not_found, the others deleted', async () => {
    const existing = [`${unique('refused-real')}.example`, `${unique('refused-real')}.example`];
    const neverExisted = [`${unique('refused-ghost')}.example`, `${unique('refused-ghost')}.example`];
    for (const name of existing) await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    const answer = request(h.app)
      .post(url(apiPaths.deleteIdentities, { region: REGION }))
      .send({ identities: [...existing, ...neverExisted] })
      .then((res) => res);
    await reachableAfter(4); // every delete's first attempt was refused
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      ...existing.map((identity) => ({ identity, outcome: 'deleted' })),
      ...neverExisted.map((identity) => ({
        identity,
        outcome: 'not_found',
        message: `Identity ${identity} does not exist.`,
      })),
    ]);
    expect(res.body).toMatchObject({ deleted: 2, failed: 0, unknown: 0 });
  }, 30_000);

  it('when a single delete is refused and the SDK repeat answers NotFound, then it is a 404, not a 204', async () => {
    const ghost = `${unique('refused-single')}.example`;
    const answer = request(h.app)
      .delete(url(apiPaths.identity, { region: REGION, identity: ghost }))
      .then((res) => res);
    await reachableAfter(1);
    const res = await answer;
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NotFound');
  }, 30_000);
});
