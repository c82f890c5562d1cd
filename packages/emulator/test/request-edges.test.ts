import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';

/** Sends a request with its path exactly as given (fetch would resolve `..` segments first). */
function rawRequest(
  url: string,
  method: string,
  path: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('request paths are routed as sent (found by the property tests)', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('when an identity label carries ../ segments, then SES v2 answers its own UnknownOperationException, not a non-AWS 404 for a resolved path', async () => {
    const res = await rawRequest(emulator.url, 'GET', '/v2/email/identities/../../etc/passwd');
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(res.body).message).toBe('Unknown operation GET /v2/email/identities/../../etc/passwd');
  });

  it('when the identity label is "..", then GetEmailIdentity is asked about "..", not routed to the parent path', async () => {
    const res = await rawRequest(emulator.url, 'GET', '/v2/email/identities/..');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['x-amzn-errortype']).toMatch(/NotFoundException|BadRequestException/);
  });

  it('when a Route 53 path carries ../ segments, then Route 53 answers in its XML error shape', async () => {
    const res = await rawRequest(emulator.url, 'GET', '/2013-04-01/hostedzone/../../etc/passwd');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toMatch(/<Code>[A-Za-z]+<\/Code>/);
  });

  it('when no service owns the path, then the answer still has the AWS JSON error shape', async () => {
    const res = await rawRequest(emulator.url, 'GET', '/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('when a body is larger than 60 MB, then the client gets a 413 in the AWS shape, not a reset connection', async () => {
    const target = new URL(emulator.url);
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: '/v2/email/outbound-emails',
          headers: { 'content-type': 'application/json' },
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      const megabyte = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 61) {
          sent += 1;
          if (!req.write(megabyte)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ message: 'Request body is too large.' });
  }, 30_000);
});
