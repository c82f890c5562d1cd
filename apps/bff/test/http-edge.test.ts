import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CreateEmailIdentityCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { apiPaths } from '@ses-console/contract';
import { type RunningEmulator, startEmulator } from '@ses-console/emulator';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyAuth } from '../src/auth/proxy-auth.js';
import { createErrorMiddleware, lastResortErrorHandler } from '../src/errors/error-middleware.js';
import { type BffProcess, startBffProcess } from './support/bff-process.js';
import { openSession } from './support/console-session.js';
import { type Harness, REGION, startHarness, testCredentials, unique, url } from './support/harness.js';

/** One raw HTTP exchange with exactly these headers (Host included, which fetch would not let us set). */
function exchange(
  target: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const base = new URL(target);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: {
          ...(options.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function identityExists(h: Harness, name: string): Promise<boolean> {
  try {
    await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: name }));
    return true;
  } catch {
    return false;
  }
}

describe('DNS rebinding and cross-site requests (Host and Origin allow-list)', () => {
  let h: Harness;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-edge-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
    h = await startHarness({ verificationMode: 'auto', consoleDist: dist });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  async function domain(prefix: string): Promise<string> {
    const name = `${unique(prefix)}.example.com`;
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    return name;
  }

  it('when a rebound DNS name (Host: attacker.example) asks for a session, then 421 and no session cookie or CSRF token is handed out', async () => {
    for (const host of ['attacker.example', 'attacker.example:8080', '127.0.0.1.attacker.example']) {
      const res = await request(h.raw).get(apiPaths.session).set('host', host);
      expect(res.status, host).toBe(421);
      expect(res.body.error.code).toBe('HostNotAllowed');
      expect(res.body.error.message).toMatch(/ALLOWED_HOSTS/);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toMatch(/csrf/i);
    }
  });

  it('when a rebound DNS name asks for the SPA or the API, then 421 as well; /healthz answers any Host (load balancer probes)', async () => {
    const spa = await request(h.raw).get('/identities').set('host', 'attacker.example');
    expect(spa.status).toBe(421);
    expect(spa.text).not.toMatch(/<title>/);
    const meta = await request(h.raw).get(apiPaths.meta).set('host', 'attacker.example');
    expect(meta.status).toBe(421);
    const health = await request(h.raw).get('/healthz').set('host', '10.1.2.3:80');
    expect(health.status).toBe(200);
  });

  it('when a rebound page that holds a real session and CSRF token deletes an identity, then 421 and the identity is still there', async () => {
    const name = await domain('rebind');
    const session = await openSession(h.raw);
    const res = await request(h.raw)
      .delete(url(apiPaths.identity, { region: REGION, identity: name }))
      .set(session.headers)
      .set('host', 'attacker.example:8080');
    expect(res.status).toBe(421);
    expect(await identityExists(h, name)).toBe(true);
  });

  it('when the console is reached by localhost or its own address and port, then it answers; another port on loopback is refused', async () => {
    const server = http.createServer(h.raw);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const port = new URL(target).port;
    try {
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
        expect((await exchange(target, { path: apiPaths.meta, headers: { host } })).status, host).toBe(200);
      }
      for (const host of ['127.0.0.1:1', 'localhost', '127.0.0.2:'.concat(port), '[::1]:'.concat(port)]) {
        const res = await exchange(target, { path: apiPaths.meta, headers: { host } });
        expect(res.status, `${host} ${res.body}`).toBe(421);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('when a page on another origin posts a change (with a session and token it got somehow), then 403 CrossOriginRequest and nothing changes; the console’s own origin works', async () => {
    const server = http.createServer(h.raw);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const session = await openSession(h.raw);
      const names = [await domain('origin'), await domain('origin')];
      const bulk = (origin: string | undefined, extra: Record<string, string> = {}) =>
        exchange(target, {
          method: 'POST',
          path: url(apiPaths.deleteIdentities, { region: REGION }),
          headers: {
            ...session.headers,
            'content-type': 'application/json',
            ...(origin ? { origin } : {}),
            ...extra,
          },
          body: JSON.stringify({ identities: [names[0]] }),
        });
      for (const origin of ['http://attacker.example', 'http://127.0.0.1:1', 'null', 'https://127.0.0.1']) {
        const res = await bulk(origin);
        expect(res.status, origin).toBe(403);
        expect(JSON.parse(res.body).error.code).toBe('CrossOriginRequest');
      }
      const crossSite = await bulk(undefined, { 'sec-fetch-site': 'cross-site' });
      expect(crossSite.status).toBe(403);
      expect(JSON.parse(crossSite.body).error.code).toBe('CrossSiteRequest');
      expect(await identityExists(h, names[0] as string)).toBe(true);

      const own = await bulk(target, { 'sec-fetch-site': 'same-origin' });
      expect(own.status).toBe(200);
      expect(JSON.parse(own.body).results[0].outcome).toBe('deleted');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('when ALLOWED_HOSTS names the public host, then that Host and Origin are accepted (any port without one), others still refused', async () => {
    const allowed = await startHarness({
      verificationMode: 'auto',
      allowedHosts: [{ hostname: 'console.example.com' }, { hostname: '10.0.0.5', port: 8443 }],
    });
    try {
      const session = await openSession(allowed.raw);
      expect((await request(allowed.raw).get(apiPaths.meta).set('host', 'console.example.com')).status).toBe(
        200,
      );
      expect((await request(allowed.raw).get(apiPaths.meta).set('host', '10.0.0.5:8443')).status).toBe(200);
      expect((await request(allowed.raw).get(apiPaths.meta).set('host', '10.0.0.5:8080')).status).toBe(421);
      expect((await request(allowed.raw).get(apiPaths.meta).set('host', 'evil.example.com')).status).toBe(
        421,
      );
      const name = `${unique('allowed')}.example.com`;
      const created = await request(allowed.raw)
        .post(url(apiPaths.identities, { region: REGION }))
        .set(session.headers)
        .set('origin', 'https://console.example.com')
        .send({ type: 'DOMAIN', name });
      expect(created.status).toBe(201);
    } finally {
      await allowed.close();
    }
  });

  it('when a trusted proxy forwards X-Forwarded-Host of a name that is not allowed, then 421', async () => {
    const proxied = await startHarness({
      verificationMode: 'auto',
      auth: proxyAuth({
        trustedProxies: ['127.0.0.1', '::1'],
        roleGroups: { viewer: ['*'] },
        groupsClaim: 'groups',
        albPublicKeyUrl: 'http://127.0.0.1:9',
      }),
      allowedHosts: [{ hostname: 'console.example.com' }],
    });
    try {
      const user = { 'x-forwarded-user': 'pat' };
      const rebound = await request(proxied.raw)
        .get(apiPaths.session)
        .set(user)
        .set('x-forwarded-host', 'attacker.example');
      expect(rebound.status).toBe(421);
      const ok = await request(proxied.raw)
        .get(apiPaths.session)
        .set(user)
        .set('x-forwarded-host', 'console.example.com');
      expect(ok.status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('hostile bodies and cookies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ verificationMode: 'auto' });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const create = () => request(h.app).post(url(apiPaths.identities, { region: REGION }));

  it('when the body is an array or object nested 100,000 deep, then 400 naming body, as the JSON envelope without a stack trace', async () => {
    for (const body of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    ]) {
      const res = await create().set('content-type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.error.fieldErrors).toEqual([
        { field: 'body', message: expect.stringMatching(/32 levels/) },
      ]);
      expect(res.text).not.toMatch(/at |\.ts|\.js|RangeError/);
    }
  });

  it('when a string or member name holds NUL or a lone surrogate, then 400 naming the member, and nothing is created', async () => {
    const name = `${unique('nul')}.example.com`;
    const cases: Array<[string, string]> = [
      [JSON.stringify({ type: 'DOMAIN', name: `${name}\u0000` }), 'name'],
      [`{"type":"DOMAIN","name":"${name}\\ud800"}`, 'name'],
      [JSON.stringify({ type: 'DOMAIN', name, tags: [{ key: 'k', value: 'a\u0000' }] }), 'tags.0.value'],
      [`{"type":"DOMAIN","name":"${name}","tags":[{"key":"\\udc00x","value":"v"}]}`, 'tags.0.key'],
      [`{"type":"DOMAIN","name":"${name}","x\\u0000":1}`, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await create().set('content-type', 'application/json').send(body);
      expect(res.status, body).toBe(400);
      expect(res.body.error.fieldErrors[0].field, body).toBe(field);
    }
    expect(await identityExists(h, name)).toBe(false);
  });

  it('when Content-Encoding is bogus or does not match the body, then 415 or 400 naming body, never 500', async () => {
    const body = JSON.stringify({ type: 'DOMAIN', name: `${unique('enc')}.example.com` });
    const bogus = await create()
      .set({ 'content-type': 'application/json', 'content-encoding': 'bogus' })
      .send(body);
    expect(bogus.status).toBe(415);
    expect(bogus.body.error.fieldErrors[0].field).toBe('body');
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await create()
        .set({ 'content-type': 'application/json', 'content-encoding': encoding })
        .send(body);
      expect(res.status, encoding).toBe(400);
      expect(res.body.error.code).toBe('MalformedBody');
      expect(res.body.error.fieldErrors[0].field).toBe('body');
    }
    // A body that really is gzip is read as such (sent raw: supertest would re-serialise a Buffer).
    const server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
      const name = `${unique('gz')}.example.com`;
      const gz = await exchange(target, {
        method: 'POST',
        path: url(apiPaths.identities, { region: REGION }),
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: zlib.gzipSync(JSON.stringify({ type: 'DOMAIN', name })),
      });
      expect(gz.status, gz.body).toBe(201);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('when answering an error fails itself (a wrapped res.end throws), then the caller still gets the JSON envelope, no HTML, no stack', async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.end = (() => {
        throw new RangeError('Maximum call stack size exceeded');
      }) as never;
      next();
    });
    app.get('/api/x', () => {
      throw new Error('boom at /srv/app/secret-path.ts:12');
    });
    app.use(createErrorMiddleware([]));
    app.use(lastResortErrorHandler);
    const res = await request(app).get('/api/x');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({
      error: { code: 'InternalError', message: 'Something went wrong on our side.', requestId: '' },
    });
  });

  it('when the browser sends two different session cookies (one tossed by a sibling site), then neither is used: 400 DuplicateSessionCookie, and no change is made in the tossed session', async () => {
    const victim = await openSession(h.raw);
    const attacker = await openSession(h.raw);
    const tossed = `${attacker.cookie}; ${victim.cookie}`;
    const who = await request(h.raw).get(apiPaths.session).set('cookie', tossed);
    expect(who.status).toBe(400);
    expect(who.body.error.code).toBe('DuplicateSessionCookie');
    expect(who.body.error.fieldErrors[0].field).toBe('cookie');
    const name = `${unique('toss')}.example.com`;
    const change = await request(h.raw)
      .post(url(apiPaths.identities, { region: REGION }))
      .set({ cookie: tossed, 'x-csrf-token': attacker.csrfToken })
      .send({ type: 'DOMAIN', name });
    expect(change.status).toBe(400);
    expect(await identityExists(h, name)).toBe(false);
    // The same cookie twice is not ambiguous.
    const twice = await request(h.raw)
      .get(apiPaths.session)
      .set('cookie', `${victim.cookie}; ${victim.cookie}`);
    expect(twice.status).toBe(200);
    expect(twice.body.csrfToken).toBe(victim.csrfToken);
  });
});

/** A raw TCP client: sends `head`, then the body a byte at a time every `everyMs`, collects the answer. */
function trickle(port: number, head: string, body: string, everyMs: number) {
  return new Promise<{ answer: string; bytesSent: number }>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < body.length && socket.writable) socket.write(body[sent++] as string);
      }, everyMs);
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, bytesSent: sent });
    });
    socket.on('error', (error) => {
      clearInterval(timer);
      if (
        (error as NodeJS.ErrnoException).code === 'ECONNRESET' ||
        (error as NodeJS.ErrnoException).code === 'EPIPE'
      ) {
        resolve({ answer, bytesSent: sent });
      } else reject(error);
    });
  });
}

describe('the BFF process: request deadlines, connection cap, aws mode, production errors', () => {
  let emulator: RunningEmulator;
  let bff: BffProcess;
  let home: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-edge-home-'));
    bff = await startBffProcess({
      SES_BACKEND: 'aws',
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      AWS_REGION: 'us-east-1',
      REGIONS: 'us-east-1',
      AWS_ACCOUNT_ID: '000000000000',
      AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
      AWS_ENDPOINT_URL_SESV2: emulator.url,
      AWS_ENDPOINT_URL_ROUTE_53: emulator.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
      HOME: home,
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(home, 'data'),
      REQUEST_TIMEOUT_MS: '1000',
      HEADERS_TIMEOUT_MS: '1000',
      MAX_CONNECTIONS: '3',
    });
  }, 60_000);
  afterAll(async () => {
    await bff?.stop();
    await emulator?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('when a client trickles its body past REQUEST_TIMEOUT_MS, then the BFF answers 408 and closes the connection, and the change never runs', async () => {
    const port = Number(new URL(bff.url).port);
    const name = `${unique('trickle')}.example.com`;
    const body = JSON.stringify({ type: 'DOMAIN', name });
    const head = `POST ${url(apiPaths.identities, { region: 'us-east-1' })} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { answer, bytesSent } = await trickle(port, head, body, 100);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(bytesSent).toBeLessThan(body.length);
    const lookup = await exchange(bff.url, {
      path: url(apiPaths.identity, { region: 'us-east-1', identity: name }),
    });
    expect(lookup.status).toBe(404);
  });

  it('when MAX_CONNECTIONS connections are open, then a further one is closed at once; when one closes, a new one is served', async () => {
    const port = Number(new URL(bff.url).port);
    const open = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
          }),
      ),
    );
    try {
      const refused = await new Promise<string>((resolve) => {
        const extra = net.connect(port, '127.0.0.1', () => {
          extra.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
        });
        let answer = '';
        extra.on('data', (c) => {
          answer += c.toString();
        });
        extra.on('close', () => resolve(answer));
        extra.on('error', () => {});
      });
      expect(refused).toBe('');
      open.pop()?.destroy();
      // The server learns of the close asynchronously: until then a new connection is still refused.
      let served = 0;
      for (let attempt = 0; attempt < 100 && served !== 200; attempt += 1) {
        served = await exchange(bff.url, { path: '/healthz', headers: { connection: 'close' } }).then(
          (r) => r.status,
          () => 0,
        );
      }
      expect(served).toBe(200);
    } finally {
      for (const socket of open) socket.destroy();
    }
  });

  it('when a rebound DNS name calls the BFF in aws mode, then 421 before anything reaches AWS', async () => {
    const res = await exchange(bff.url, { path: apiPaths.session, headers: { host: 'attacker.example' } });
    expect(res.status).toBe(421);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('when NODE_ENV=production and a request is malformed, then the answer is the JSON envelope without file paths', async () => {
    const port = new URL(bff.url).port;
    const res = await exchange(bff.url, {
      method: 'POST',
      path: url(apiPaths.identities, { region: 'us-east-1' }),
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: '['.repeat(100_000) + ']'.repeat(100_000),
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).not.toMatch(/\/src\/|\/dist\/|node_modules|at /);
  });
});

describe('the embedded emulator of `npm start` (a BFF process in emulator mode)', () => {
  const token = 'embedded-control-token-0123456789';
  let bff: BffProcess;
  let emulatorUrl: string;
  let home: string;
  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-edge-embedded-'));
    bff = await startBffProcess({
      SES_BACKEND: 'emulator',
      PORT: '0',
      HOST: '127.0.0.1',
      EMULATOR_PORT: '0',
      EMULATOR_DNS_PORT: 'off',
      EMULATOR_VERIFICATION: 'auto',
      EMULATOR_CONTROL_TOKEN: token,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      HOME: home,
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(home, 'data'),
    });
    emulatorUrl = /emulator: (http:\/\/[\d.]+:\d+)/.exec(bff.output())?.[1] ?? '';
  }, 60_000);
  afterAll(async () => {
    await bff?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('when a page elsewhere posts text/plain to the embedded emulator’s /_emulator/reset, then it is refused and the identities stay', async () => {
    const session = await fetch(`${bff.url}${apiPaths.session}`);
    const cookie = session.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const name = `${unique('embedded')}.example.com`;
    const created = await fetch(`${bff.url}${url(apiPaths.identities, { region: 'us-east-1' })}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'DOMAIN', name }),
    });
    expect(created.status).toBe(201);
    const attack = await exchange(emulatorUrl, {
      method: 'POST',
      path: '/_emulator/reset',
      headers: {
        origin: 'http://attacker.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'no-cors',
        'content-type': 'text/plain;charset=UTF-8',
      },
      body: 'x',
    });
    expect(attack.status).toBe(403);
    // Without EMULATOR_CONTROL_TOKEN even a local script is refused; the BFF itself sends the token.
    const untokened = await exchange(emulatorUrl, { method: 'POST', path: '/_emulator/reset' });
    expect(untokened.status).toBe(401);
    const detail = await fetch(
      `${bff.url}${url(apiPaths.identity, { region: 'us-east-1', identity: name })}`,
      {
        headers: { cookie },
      },
    );
    expect(detail.status).toBe(200);
    const clock = await fetch(`${bff.url}${apiPaths.emulatorClock}`, { headers: { cookie } });
    expect(clock.status).toBe(200);
  });
});
