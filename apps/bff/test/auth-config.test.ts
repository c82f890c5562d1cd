import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiPath, apiPaths } from '@ses-console/contract';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../src/auth/trusted-proxies.js';
import { loadConfig } from '../src/config.js';
import { allowedHostsFor } from '../src/server.js';
import { type Harness, REGION, startHarness } from './support/harness.js';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env, '/tmp/console');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('AUTH_MODE configuration', () => {
  it('when nothing is set, then AUTH_MODE is none on loopback with SQLite, 8 h sessions and default limits', () => {
    const config = loadConfig({}, '/tmp/console');
    expect(config).toMatchObject({
      AUTH_MODE: 'none',
      HOST: '127.0.0.1',
      SESSION_TTL_SECONDS: 28_800,
      OIDC_GROUPS_CLAIM: 'groups',
      RATE_LIMIT_WINDOW_SECONDS: 60,
      RATE_LIMIT_MUTATIONS: 120,
      RATE_LIMIT_SIGN_IN: 20,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('when AUTH_MODE=none would listen on a non-loopback HOST, then start-up is refused naming AUTH_MODE', () => {
    expect(configError({ HOST: '0.0.0.0' })).toMatch(/AUTH_MODE: AUTH_MODE=none .*loopback HOST/);
    expect(configError({ HOST: '::1' })).toBe('');
    expect(configError({ HOST: 'localhost' })).toBe('');
  });

  it('when a mode misses its variables, then each missing one is named', () => {
    const oidc = configError({ AUTH_MODE: 'oidc', HOST: '0.0.0.0', OIDC_ISSUER: 'https://id.example.com' });
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'])
      expect(oidc).toContain(name);
    expect(oidc).not.toContain('OIDC_ISSUER:');
    expect(configError({ AUTH_MODE: 'proxy', HOST: '0.0.0.0' })).toMatch(/TRUSTED_PROXIES: .*required/);
    expect(configError({ AUTH_MODE: 'proxy', HOST: '0.0.0.0', TRUSTED_PROXIES: '10.0.0.0/8' })).toBe('');
  });

  it('when ROLE_GROUPS or DATABASE_URL is malformed, then the error names the variable without echoing secrets', () => {
    expect(configError({ ROLE_GROUPS: '{admin:' })).toMatch(/ROLE_GROUPS.*JSON/);
    expect(configError({ ROLE_GROUPS: '{"superuser":["x"]}' })).toMatch(/ROLE_GROUPS/);
    const url = configError({ DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(url).toMatch(/DATABASE_URL/);
    expect(url).not.toContain('hunter2');
    const parsed = loadConfig({ ROLE_GROUPS: '{"admin":["ops"],"viewer":["*"]}' }, '/tmp/c');
    expect(parsed.ROLE_GROUPS).toEqual({ admin: ['ops'], viewer: ['*'] });
  });

  it('when AUTH_MODE=none would put the embedded emulator on a non-loopback EMULATOR_HOST, then start-up is refused naming EMULATOR_HOST', () => {
    expect(configError({ EMULATOR_HOST: '0.0.0.0' })).toMatch(
      /EMULATOR_HOST: AUTH_MODE=none keeps the embedded emulator on loopback/,
    );
    expect(configError({ EMULATOR_HOST: '::1' })).toBe('');
    // Against real AWS there is no embedded emulator to expose.
    expect(configError({ EMULATOR_HOST: '0.0.0.0', SES_BACKEND: 'aws' })).toBe('');
    expect(configError({ EMULATOR_CONTROL_TOKEN: 'short' })).toMatch(
      /EMULATOR_CONTROL_TOKEN must be at least 16/,
    );
  });

  it('when ALLOWED_HOSTS, the HTTP limits or the ALB settings are malformed, then the variable is named', () => {
    expect(configError({ ALLOWED_HOSTS: 'console.example.com, 10.0.0.5:8443, [fd00::1]:443' })).toBe('');
    expect(configError({ ALLOWED_HOSTS: 'https://console.example.com' })).toMatch(
      /ALLOWED_HOSTS: .*"https:\/\/console.example.com" is not a host/,
    );
    expect(configError({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '9000' })).toMatch(
      /HEADERS_TIMEOUT_MS/,
    );
    expect(configError({ MAX_CONNECTIONS: '0' })).toMatch(/MAX_CONNECTIONS/);
    const proxy = { AUTH_MODE: 'proxy', HOST: '0.0.0.0', TRUSTED_PROXIES: '10.0.0.0/8' };
    const arn =
      'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/console/50dc6c495c0c9188';
    expect(configError({ ...proxy, ALB_SIGNER_ARN: arn })).toMatch(
      /ALB_ISSUER.*required with ALB_SIGNER_ARN/,
    );
    expect(
      configError({ ...proxy, ALB_SIGNER_ARN: 'my-alb', ALB_ISSUER: 'https://idp.example.com' }),
    ).toMatch(/ALB_SIGNER_ARN must be an application load balancer ARN/);
    expect(configError({ ...proxy, ALB_SIGNER_ARN: arn, ALB_ISSUER: 'https://idp.example.com' })).toBe('');
  });

  it('when ALB_SIGNER_ARN has no Region name in its Region field, then it is refused (that field picks the ALB key server)', () => {
    const proxy = {
      AUTH_MODE: 'proxy',
      HOST: '0.0.0.0',
      TRUSTED_PROXIES: '10.0.0.0/8',
      ALB_ISSUER: 'https://idp.example.com',
    };
    const arnIn = (region: string) =>
      `arn:aws:elasticloadbalancing:${region}:123456789012:loadbalancer/app/console/50dc6c495c0c9188`;
    expect(configError({ ...proxy, ALB_SIGNER_ARN: arnIn('us-gov-west-1') })).toBe('');
    for (const region of ['internal', 'eu-west', '1-2-3']) {
      expect(configError({ ...proxy, ALB_SIGNER_ARN: arnIn(region) }), region).toMatch(
        /ALB_SIGNER_ARN must be an application load balancer ARN/,
      );
    }
  });

  it('when OIDC_REDIRECT_URL names the public host, then it is allowed (any port) besides ALLOWED_HOSTS', () => {
    const config = loadConfig(
      {
        AUTH_MODE: 'oidc',
        HOST: '0.0.0.0',
        OIDC_ISSUER: 'https://id.example.com',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
        OIDC_REDIRECT_URL: 'https://Console.Example.com/auth/callback',
        ALLOWED_HOSTS: 'admin.example.com:8443',
      },
      '/tmp/console',
    );
    expect(allowedHostsFor(config)).toEqual([
      { hostname: 'admin.example.com', port: 8443 },
      { hostname: 'console.example.com' },
    ]);
  });

  it('when TRUSTED_PROXIES has IPs and CIDRs, then members match (IPv4-mapped too) and a bad entry is named', () => {
    const trusted = parseTrustedProxies(['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
    expect(trusted.has('10.1.2.3')).toBe(true);
    expect(trusted.has('::ffff:10.1.2.3')).toBe(true);
    expect(trusted.has('192.168.1.5')).toBe(true);
    expect(trusted.has('192.168.1.6')).toBe(false);
    expect(trusted.has('fd12::1')).toBe(true);
    expect(trusted.has(undefined)).toBe(false);
    expect(() => parseTrustedProxies(['proxy.internal'])).toThrow(/"proxy.internal" is not an IP/);
    expect(() => parseTrustedProxies(['10.0.0.0/40'])).toThrow(/prefix length/);
  });

  it('when the built BFF is started on 0.0.0.0 without sign-in, then it exits with the reason and listens nowhere', async () => {
    const child = spawn(process.execPath, ['dist/index.js'], {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? '', HOST: '0.0.0.0', PORT: '0', SES_BACKEND: 'aws' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/AUTH_MODE=none .* loopback HOST/);
    expect(output).not.toContain('ready');
  });
});

describe('rate limits', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      verificationMode: 'auto',
      rateLimits: { windowSeconds: 60, mutations: 3, signIn: 2 },
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('when a client sends more changes than RATE_LIMIT_MUTATIONS per window, then 429 with the error envelope; reads go on', async () => {
    const { app } = h;
    const path = apiPath(apiPaths.deleteIdentities, { region: REGION });
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await request(app)
        .post(path)
        .send({ identities: ['nobody.example.com'] });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.body.error).toMatchObject({ code: 'TooManyRequests', requestId: expect.any(String) });
    expect(last?.headers.ratelimit).toBeDefined();
    expect((await request(app).get(apiPath(apiPaths.identities, { region: REGION }))).status).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  it('when sign-ins come faster than RATE_LIMIT_SIGN_IN, then 429 with the envelope (before the IdP is asked)', async () => {
    const { oidcAuth } = await import('../src/auth/oidc-auth.js');
    const h = await startHarness({
      rateLimits: { windowSeconds: 60, mutations: 100, signIn: 2 },
      auth: oidcAuth({
        issuer: 'http://127.0.0.1:9', // nothing listens: discovery fails at once
        clientId: 'c',
        clientSecret: 's',
        redirectUrl: 'http://127.0.0.1:9/auth/callback',
        groupsClaim: 'groups',
        scopes: 'openid',
        roleGroups: {},
      }),
    });
    try {
      const statuses: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 3; i += 1) {
        last = await request(h.raw).get('/auth/login');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([502, 502, 429]);
      expect(last?.body.error.code).toBe('TooManyRequests');
    } finally {
      await h.close();
    }
  });
});

describe('logs', () => {
  it('when requests carry a session cookie, a CSRF token or an OIDC code, then none of them reaches the log', async () => {
    const { createApp } = await import('../src/app.js');
    const { createAwsClients } = await import('../src/clients/aws-clients.js');
    const { pino } = await import('pino');
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const clients = createAwsClients({ emulatorEndpoint: 'http://127.0.0.1:9', requestTimeoutMs: 500 });
    const app = createApp({
      backend: 'aws',
      clients,
      regions: [{ code: 'us-east-1', name: 'x' }],
      defaultRegion: 'us-east-1',
      logger,
    });
    const session = await request(app).get(apiPaths.session);
    const cookie = String(session.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    await request(app)
      .post(apiPath(apiPaths.deleteIdentities, { region: 'us-east-1' }))
      .set({ cookie, 'x-csrf-token': session.body.csrfToken, 'x-amzn-oidc-data': 'header.payload.sig' })
      .send({ identities: [] });
    await request(app).get('/auth/callback?code=SECRET-CODE-123&state=s');
    const log = lines.join('\n');
    expect(log).toContain('/api/session');
    expect(log).not.toContain(cookie.split('=')[1]);
    expect(log).not.toContain(session.body.csrfToken);
    expect(log).not.toContain('header.payload.sig');
    expect(log).not.toContain('SECRET-CODE-123');
    clients.destroy();
  });
});
