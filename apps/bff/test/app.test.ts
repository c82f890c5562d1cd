import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

describe('BFF app', () => {
  it('when /healthz is asked, then it answers ok with the backend', async () => {
    const res = await request(createApp({ backend: 'emulator' })).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', backend: 'emulator' });
  });

  it('when a deep console URL is asked, then the SPA shell is served', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    const res = await request(createApp({ backend: 'emulator', consoleDist: dist })).get(
      '/identities/example.com',
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="root"');
  });
});
