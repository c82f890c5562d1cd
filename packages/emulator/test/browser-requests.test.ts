import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateHostedZoneCommand, ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
} from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { startEmulator } from '../src/index.js';
import { ensureBuilt } from './child-emulator.js';
import { sesClient, startTestEmulator, verificationLink } from './helpers.js';

/** One raw HTTP exchange with exactly these headers (Host and browser headers included). */
function exchange(
  target: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
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

/** What Chromium sends for `fetch(url, {method:'POST', mode:'no-cors', body:'…'})` from a page elsewhere. */
const crossSitePage = {
  origin: 'http://attacker.example',
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'no-cors',
  'sec-fetch-dest': 'empty',
  'content-type': 'text/plain;charset=UTF-8',
};

describe('requests from web pages (cross-site, DNS rebinding) and bodies no SDK sends', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ verificationMode: 'auto' });
    await sesClient(emulator).send(new CreateEmailIdentityCommand({ EmailIdentity: 'keep.example.com' }));
  });
  afterAll(() => emulator.close());

  it('when a page elsewhere posts text/plain to /_emulator/reset (no-cors fetch or a form), then it is refused and nothing is wiped', async () => {
    const before = emulator.inspectStore().digest;
    const attempts: Array<Record<string, string>> = [
      crossSitePage,
      // A form post (navigation): Origin and Sec-Fetch-Site, form encoding.
      {
        origin: 'http://attacker.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        'content-type': 'application/x-www-form-urlencoded',
      },
      // Another port on 127.0.0.1 is the same site, still not the emulator's own page.
      { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'content-type': 'text/plain' },
    ];
    for (const headers of attempts) {
      const res = await exchange(emulator.url, {
        method: 'POST',
        path: '/_emulator/reset',
        headers,
        body: 'x',
      });
      expect([403, 415], JSON.stringify(headers)).toContain(res.status);
      expect(JSON.parse(res.body).message).toMatch(/web pages|other sites|Content-Type/);
    }
    expect(emulator.inspectStore().digest).toBe(before);
    const still = await sesClient(emulator).send(
      new GetEmailIdentityCommand({ EmailIdentity: 'keep.example.com' }),
    );
    expect(still.IdentityType).toBe('DOMAIN');
  });

  it('when a page posts to an SES or Route 53 route, then it gets the AWS error shape (403 AccessDenied) and nothing is created', async () => {
    const before = emulator.inspectStore().digest;
    const ses = await exchange(emulator.url, {
      method: 'POST',
      path: '/v2/email/identities',
      headers: crossSitePage,
      body: JSON.stringify({ EmailIdentity: 'page.example.com' }),
    });
    expect(ses.status).toBe(403);
    expect(ses.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    const r53 = await exchange(emulator.url, {
      method: 'POST',
      path: '/2013-04-01/hostedzone',
      headers: { ...crossSitePage, 'content-type': 'application/xml' },
      body: '<CreateHostedZoneRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Name>page.example.com</Name><CallerReference>x</CallerReference></CreateHostedZoneRequest>',
    });
    expect(r53.status).toBe(403);
    expect(r53.body).toMatch(/<Code>AccessDenied<\/Code>/);
    // An older browser that sends neither Origin nor Sec-Fetch-*: the body type gives it away.
    for (const type of ['text/plain', 'multipart/form-data; boundary=x']) {
      const old = await exchange(emulator.url, {
        method: 'POST',
        path: '/v2/email/identities',
        headers: { 'content-type': type },
        body: JSON.stringify({ EmailIdentity: 'old-browser.example.com' }),
      });
      expect(old.status, type).toBe(415);
      expect(old.headers['x-amzn-errortype']).toBe('UnsupportedMediaTypeException');
    }
    expect(emulator.inspectStore().digest).toBe(before);
  });

  it('when a DNS-rebinding page (Host: a name it controls) reads the captured mail or the identities, then 403', async () => {
    const port = new URL(emulator.url).port;
    for (const target of ['/_aws/ses', '/v2/email/identities', '/_emulator/store']) {
      const res = await exchange(emulator.url, {
        path: target,
        headers: {
          host: `attacker.example:${port}`,
          'sec-fetch-site': 'same-origin',
          'sec-fetch-mode': 'cors',
        },
      });
      expect(res.status, target).toBe(403);
      expect(res.body).toMatch(/DNS rebinding/);
    }
  });

  it('when a person clicks the verification link in a mail viewer (a top-level navigation), then the address is verified', async () => {
    const realistic = await startTestEmulator();
    try {
      const ses = sesClient(realistic);
      await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'clicker@example.com' }));
      const link = new URL(await verificationLink(realistic, 'clicker@example.com'));
      const res = await exchange(realistic.url, {
        path: `${link.pathname}${link.search}`,
        headers: {
          host: link.host,
          'sec-fetch-site': 'same-site', // the console on 127.0.0.1:8080 links to 127.0.0.1:4566
          'sec-fetch-mode': 'navigate',
          'sec-fetch-dest': 'document',
          'sec-fetch-user': '?1',
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/successfully verified/);
      const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'clicker@example.com' }));
      expect(identity.VerificationStatus).toBe('SUCCESS');
    } finally {
      await realistic.close();
    }
  });

  it('when curl posts a JSON body with its default form content type (no browser headers), then the control plane still answers', async () => {
    const res = await exchange(emulator.url, {
      method: 'POST',
      path: '/_emulator/clock',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'curl/8.5.0' },
      body: JSON.stringify({ advanceSeconds: 1 }),
    });
    expect(res.status).toBe(200);
  });

  it('when Content-Encoding is bogus (or compressed, which no SDK does here), then 415 in the AWS error shape and nothing changes', async () => {
    const before = emulator.inspectStore().digest;
    for (const encoding of ['bogus', 'gzip', 'br']) {
      const res = await exchange(emulator.url, {
        method: 'POST',
        path: '/v2/email/identities',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: JSON.stringify({ EmailIdentity: `${encoding}.example.com` }),
      });
      expect(res.status, encoding).toBe(415);
      expect(res.headers['x-amzn-errortype']).toBe('UnsupportedMediaTypeException');
      expect(JSON.parse(res.body).message).toMatch(/Content-Encoding/);
    }
    expect(emulator.inspectStore().digest).toBe(before);
  });

  it('when real SDK clients call, then nothing of this gets in their way', async () => {
    const list = await sesClient(emulator).send(new ListEmailIdentitiesCommand({}));
    expect(list.EmailIdentities?.some((i) => i.IdentityName === 'keep.example.com')).toBe(true);
    const route53 = new Route53Client({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await route53.send(new CreateHostedZoneCommand({ Name: 'sdk.example.com', CallerReference: 'sdk' }));
    const zones = await route53.send(new ListHostedZonesCommand({}));
    expect(zones.HostedZones?.some((z) => z.Name === 'sdk.example.com.')).toBe(true);
    route53.destroy();
  });
});

describe('EMULATOR_CONTROL_TOKEN', () => {
  const token = 'control-token-0123456789abcdef';
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ controlToken: token });
    await sesClient(emulator).send(new CreateEmailIdentityCommand({ EmailIdentity: 'token@example.com' }));
  });
  afterAll(() => emulator.close());

  it('when the control plane is called without the token or with a wrong one, then 401 and nothing is reset', async () => {
    const before = emulator.inspectStore().digest;
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-emulator-control-token': 'wrong-token-0123456789' },
      { authorization: 'Bearer nope' },
    ];
    for (const headers of attempts) {
      const reset = await exchange(emulator.url, { method: 'POST', path: '/_emulator/reset', headers });
      expect(reset.status).toBe(401);
      expect(JSON.parse(reset.body).message).toMatch(/EMULATOR_CONTROL_TOKEN/);
      expect((await exchange(emulator.url, { path: '/_aws/ses', headers })).status).toBe(401);
      expect((await exchange(emulator.url, { path: '/_emulator/faults', headers })).status).toBe(401);
    }
    expect(emulator.inspectStore().digest).toBe(before);
  });

  it('when the token is sent (x-emulator-control-token or Authorization: Bearer), then the control plane answers', async () => {
    const mail = await exchange(emulator.url, {
      path: '/_aws/ses',
      headers: { 'x-emulator-control-token': token },
    });
    expect(mail.status).toBe(200);
    const clock = await exchange(emulator.url, {
      path: '/_emulator/clock',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(clock.status).toBe(200);
  });

  it('when the health probe, the verification link or the AWS APIs are called without the token, then they answer as before', async () => {
    expect((await exchange(emulator.url, { path: '/_emulator/health' })).status).toBe(200);
    const mail = await exchange(emulator.url, {
      path: '/_aws/ses',
      headers: { 'x-emulator-control-token': token },
    });
    const text = (JSON.parse(mail.body).messages as Array<{ Body?: { text_part?: string } }>)
      .map((m) => m.Body?.text_part ?? '')
      .join('\n');
    const link = new URL(/http:\/\/\S+verify-email\?token=[\w-]+/.exec(text)?.[0] ?? '');
    const verified = await exchange(emulator.url, { path: `${link.pathname}${link.search}` });
    expect(verified.status).toBe(200);
    const identity = await sesClient(emulator).send(
      new GetEmailIdentityCommand({ EmailIdentity: 'token@example.com' }),
    );
    expect(identity.VerificationStatus).toBe('SUCCESS');
  });
});

describe('binding and slow clients', () => {
  it('when EMULATOR_HOST is not loopback and no EMULATOR_CONTROL_TOKEN is set, then the emulator refuses to start and listens nowhere', async () => {
    await expect(startEmulator({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/EMULATOR_CONTROL_TOKEN/);
    ensureBuilt();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-bind-'));
    try {
      const { spawnSync } = await import('node:child_process');
      const run = spawnSync(process.execPath, [path.join(import.meta.dirname, '../dist/main.js')], {
        env: {
          PATH: process.env.PATH,
          DATA_DIR: dataDir,
          EMULATOR_PORT: '0',
          EMULATOR_DNS_PORT: 'off',
          EMULATOR_HOST: '0.0.0.0',
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/EMULATOR_HOST=0\.0\.0\.0 .*EMULATOR_CONTROL_TOKEN/);
      expect(run.stderr).not.toMatch(/\s+at /);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('when a client trickles a body past the request timeout, then the emulator answers 408 and nothing is created', async () => {
    const emulator = await startTestEmulator({ requestTimeoutMs: 1_000 });
    try {
      const port = Number(new URL(emulator.url).port);
      const body = JSON.stringify({ EmailIdentity: 'slow.example.com' });
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        let text = '';
        let sent = 0;
        const timer = setInterval(() => {
          if (sent < body.length && socket.writable) socket.write(body[sent++] as string);
        }, 100);
        socket.on('connect', () => {
          socket.write(
            `POST /v2/email/identities HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
          );
        });
        socket.on('data', (c) => {
          text += c.toString();
        });
        socket.on('close', () => {
          clearInterval(timer);
          resolve(text);
        });
        socket.on('error', () => {});
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      const list = await sesClient(emulator).send(new ListEmailIdentitiesCommand({}));
      expect(list.EmailIdentities ?? []).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
