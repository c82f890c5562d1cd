import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetryStrategy, MAX_ATTEMPTS, MAX_TOTAL_BACKOFF_MS } from '../src/clients/retry-policy.js';

/** A stand-in SES that always answers 500, noting when each attempt arrived. */
let server: http.Server;
let arrivals: number[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    req.on('end', () => {
      res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' });
      res.end('{"message":"down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SDK retry policy', () => {
  it('when SES keeps failing, then the SDK makes MAX_ATTEMPTS attempts and waits at least half of 200 ms × 2^(n-1) (capped at 2 s) before retry n', async () => {
    arrivals = [];
    const ses = new SESv2Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: MAX_ATTEMPTS,
      retryStrategy: createRetryStrategy(),
    });
    await expect(ses.send(new GetAccountCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 500, attempts: MAX_ATTEMPTS },
    });
    ses.destroy();
    expect(arrivals).toHaveLength(MAX_ATTEMPTS);
    const waits = arrivals.slice(1).map((t, i) => t - (arrivals[i] as number));
    waits.forEach((wait, i) => {
      // Equal jitter: at least half the ceiling (a sleep never ends early); the upper half is random.
      expect(wait).toBeGreaterThanOrEqual(Math.min(2_000, 200 * 2 ** i) / 2 - 5);
    });
    expect(MAX_TOTAL_BACKOFF_MS).toBe(200 + 400 + 800 + 1_600 + 2_000);
  }, 30_000);
});
