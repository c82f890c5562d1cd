import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  ListEmailIdentitiesCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { sesClient } from './helpers.js';
import { rejectionOf, route53Client } from './route53-helpers.js';

describe('fault injection through /_emulator/faults', () => {
  let emulator: RunningEmulator;
  const setFaults = (body: unknown) =>
    fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterEach(() => fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' }));
  afterAll(() => emulator.close());

  it('when Route 53 calls are always throttled, then the SDK sees Throttling (400) and the call is counted', async () => {
    expect(
      (
        await setFaults({
          rules: [{ service: 'route53', operation: 'ListHostedZones', throttleProbability: 1 }],
        })
      ).status,
    ).toBe(200);
    const error = await rejectionOf(route53Client(emulator.url).send(new ListHostedZonesCommand({})));
    expect(error.name).toBe('Throttling');
    expect(error.$metadata.httpStatusCode).toBe(400);
    const state = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      calls: Record<string, number>;
      injected: Record<string, number>;
    };
    expect(state.calls['route53:ListHostedZones']).toBe(1);
    expect(state.injected['route53:ListHostedZones:throttle']).toBe(1);
  });

  it('when a server error is injected, then Route 53 answers PriorRequestNotComplete', async () => {
    await setFaults({ rules: [{ service: 'route53', operation: '*', errorProbability: 1 }] });
    const error = await rejectionOf(route53Client(emulator.url).send(new ListHostedZonesCommand({})));
    expect(error.name).toBe('PriorRequestNotComplete');
  });

  it('when a rate limit of 2/s with burst 2 is set, then the third call in a row is throttled', async () => {
    await setFaults({
      rules: [{ service: 'route53', operation: 'ListHostedZones', rateLimit: 2, burst: 2 }],
    });
    const client = route53Client(emulator.url);
    await client.send(new ListHostedZonesCommand({}));
    await client.send(new ListHostedZonesCommand({}));
    const error = await rejectionOf(client.send(new ListHostedZonesCommand({})));
    expect(error.name).toBe('Throttling');
  });

  it('when latency is added, then the answer takes at least that long', async () => {
    await setFaults({ rules: [{ service: '*', operation: '*', latencyMs: 120 }] });
    const started = performance.now();
    await route53Client(emulator.url).send(new ListHostedZonesCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('when faults are cleared with DELETE, then calls succeed again', async () => {
    await setFaults({ rules: [{ service: '*', operation: '*', throttleProbability: 1 }] });
    await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
    const out = await route53Client(emulator.url).send(new ListHostedZonesCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('when a rule names a region, then only calls signed for that region fail', async () => {
    await setFaults({
      rules: [
        { service: 'sesv2', operation: 'ListEmailIdentities', region: 'eu-west-3', errorProbability: 1 },
      ],
    });
    const error = await rejectionOf(
      sesClient(emulator, 'eu-west-3').send(new ListEmailIdentitiesCommand({})),
    );
    expect(error.name).toBe('InternalServiceErrorException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    const other = await sesClient(emulator, 'eu-west-1').send(new ListEmailIdentitiesCommand({}));
    expect(other.$metadata.httpStatusCode).toBe(200);
  });

  it('when a rule names something that is not a region, then the answer is 400 naming the field', async () => {
    const res = await setFaults({ rules: [{ service: 'sesv2', operation: '*', region: 'Mars' }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      'rules[0].region: must be a region code like "eu-west-3"',
    );
  });

  it('when a rule is malformed, then the answer is 400 naming the field and nothing changes', async () => {
    await setFaults({ rules: [{ service: 'route53', operation: '*', latencyMs: 1 }] });
    const res = await setFaults({ rules: [{ service: 'route53', throttleProbability: 3 }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      'rules[0].throttleProbability: must be a number from 0 to 1',
    );
    const state = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as { rules: unknown[] };
    expect(state.rules).toEqual([expect.objectContaining({ latencyMs: 1 })]);
  });

  it('when calls succeed and fail, then outcomes count answers by status and succeeded counts executions per target', async () => {
    const ses = sesClient(emulator);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'counted.example' }));
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'a+b@counted.example' }));
    await setFaults({
      rules: [{ service: 'sesv2', operation: 'DeleteEmailIdentity', throttleProbability: 1 }],
    });
    await rejectionOf(ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'counted.example' })));
    await setFaults({ rules: [] });
    await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'counted.example' }));
    await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'a+b@counted.example' }));
    await rejectionOf(ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'counted.example' })));
    const state = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      outcomes: Record<string, Record<string, number>>;
      succeeded: Record<string, Record<string, number>>;
    };
    expect(state.outcomes['sesv2:DeleteEmailIdentity']).toEqual({ '200': 2, '404': 1 });
    expect(state.succeeded['sesv2:DeleteEmailIdentity']).toEqual({
      'counted.example': 1,
      'a+b@counted.example': 1,
    });
  });

  it('when an answer is lost after the operation ran, then the client sees a 500 but the change was made and counted once', async () => {
    const ses = sesClient(emulator);
    await setFaults({
      rules: [{ service: 'sesv2', operation: 'CreateEmailIdentity', lostAnswerProbability: 1 }],
    });
    const error = await rejectionOf(
      ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'lost.example' })),
    );
    expect(error.name).toBe('InternalServiceErrorException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    const again = await rejectionOf(
      ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'lost.example' })),
    );
    expect(again.name).toBe('AlreadyExistsException');
    const state = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      injected: Record<string, number>;
      succeeded: Record<string, Record<string, number>>;
    };
    expect(state.injected['sesv2:CreateEmailIdentity:lost-answer']).toBe(1);
    expect(state.succeeded['sesv2:CreateEmailIdentity']).toEqual({ '-': 1 });
  });
  it('when a rule says times: 2, then it throttles the first two matching calls and is spent after', async () => {
    const ses = sesClient(emulator);
    await setFaults({
      rules: [{ service: 'sesv2', operation: 'CreateEmailIdentity', throttleProbability: 1, times: 2 }],
    });
    for (let i = 0; i < 2; i += 1) {
      const error = await rejectionOf(
        ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'twice-throttled.example' })),
      );
      expect(error.name).toBe('TooManyRequestsException');
    }
    const out = await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'twice-throttled.example' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    const state = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      injected: Record<string, number>;
      rules: unknown[];
    };
    expect(state.injected['sesv2:CreateEmailIdentity:throttle']).toBe(2);
    expect(state.rules).toEqual([expect.objectContaining({ times: 2 })]);
  });

  it('when times is not a whole number of at least 1, then the answer is 400 naming the field', async () => {
    const res = await setFaults({ rules: [{ service: 'sesv2', errorProbability: 1, times: 0.5 }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      'rules[0].times: must be a whole number of at least 1',
    );
  });

  it('when calls arrive, then received counts them per target on arrival, also those that were faulted', async () => {
    const ses = sesClient(emulator);
    await setFaults({
      rules: [{ service: 'sesv2', operation: 'DeleteEmailIdentity', throttleProbability: 1, times: 1 }],
    });
    await rejectionOf(ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'received.example' })));
    await rejectionOf(ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'received.example' })));
    await rejectionOf(ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'other.example' })));
    const state = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      received: Record<string, Record<string, number>>;
      outcomes: Record<string, Record<string, number>>;
    };
    expect(state.received['sesv2:DeleteEmailIdentity']).toEqual({
      'received.example': 2,
      'other.example': 1,
    });
    expect(state.outcomes['sesv2:DeleteEmailIdentity']).toEqual({ '429': 1, '404': 2 });
  });
});
