import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/harness.js';

describe('BFF app shell: health, errors, headers, SPA', () => {
  let h: Harness;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    h = await startHarness({ consoleDist: dist });
  });
  afterAll(async () => {
    await h.close();
  });

  it('when /healthz is asked, then it answers ok with the backend', async () => {
    const res = await request(h.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', backend: 'emulator' });
  });

  it('when a deep console URL is asked, then the SPA shell is served with a strict CSP', async () => {
    const res = await request(h.app).get('/identities/example.com');
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="root"');
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('when a build asset that does not exist is asked (a chunk of an earlier build), then 404, not the SPA shell', async () => {
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'assets', 'page-new.js'), 'export {};');
    const present = await request(h.app).get('/assets/page-new.js');
    expect(present.status).toBe(200);
    const gone = await request(h.app).get('/assets/page-old.js');
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain('id="root"');
  });

  it('when an unknown /api path is asked, then it answers the 404 envelope with the request id', async () => {
    const res = await request(h.app).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('RouteNotFound');
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    expect(res.body.error.requestId).toMatch(/.+/);
  });

  it('when the caller sends its own x-request-id, then the response and envelope carry it', async () => {
    const res = await request(h.app).get('/api/nope').set('x-request-id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.body.error.requestId).toBe('trace-123');
  });

  it('when the body is malformed JSON, then it answers 400 MalformedJson', async () => {
    const res = await request(h.app)
      .post('/api/regions/us-east-1/identities')
      .set('content-type', 'application/json')
      .send('{"type": "DOMAIN",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MalformedJson');
  });

  it('when the body is larger than the limit, then it answers 413 in the envelope', async () => {
    const res = await request(h.app)
      .post('/api/regions/us-east-1/send-test-email')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ body: 'x'.repeat(3 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PayloadTooLarge');
  });

  it('when /api/meta is asked, then it lists the configured regions and the default one', async () => {
    const res = await request(h.app).get(apiPaths.meta);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      backend: 'emulator',
      defaultRegion: 'us-east-1',
      regions: [
        { code: 'us-east-1', name: 'US East (N. Virginia)' },
        { code: 'eu-west-1', name: 'Europe (Ireland)' },
      ],
    });
  });

  it('when a region outside REGIONS is asked, then it answers 400 naming region', async () => {
    const res = await request(h.app).get('/api/regions/ap-south-1/identities');
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field: 'region', message: 'Region ap-south-1 is not enabled in this console (REGIONS)' },
    ]);
  });

  it('when the region is not a region name, then it answers 400 naming region', async () => {
    const res = await request(h.app).get('/api/regions/moon/identities');
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors[0].field).toBe('region');
  });

  it('when a path segment has a broken %-escape, then it answers 400 naming that parameter (found by fuzzing: was a 500)', async () => {
    const res = await request(h.app).get('/api/regions/us-east-1/identities/a%zz.example');
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      {
        field: 'identity',
        message: 'must be percent-encoded correctly (a % must be followed by two hex digits)',
      },
    ]);
  });

  it('when the JSON body is a bare value, then it answers 400 naming body (found by fuzzing: no field was named)', async () => {
    const res = await request(h.app)
      .post('/api/regions/us-east-1/identities')
      .set('content-type', 'application/json')
      .send('42');
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors[0].field).toBe('body');
  });
});

describe('readiness when SES does not answer', () => {
  it('when the SES endpoint is down, then /readyz answers 503, API calls 503 saying SES did not answer, without internals, /healthz still ok', async () => {
    const h = await startHarness();
    await h.emulator.close();
    try {
      const ready = await request(h.app).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toMatchObject({
        code: 'NotReady',
        message: 'SES is not reachable in us-east-1',
      });
      expect((await request(h.app).get('/healthz')).status).toBe(200);
      const list = await request(h.app).get('/api/regions/us-east-1/identities');
      expect(list.status).toBe(503);
      expect(list.body.error.code).toBe('ServiceUnavailable');
      expect(list.body.error.message).toMatch(
        /^SES did not answer after 6 attempts over \d+\.\d s; try again later\.$/,
      );
      expect(JSON.stringify(list.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    } finally {
      h.ses().destroy();
      h.route53.destroy();
    }
  });
});
