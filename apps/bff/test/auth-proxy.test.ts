import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiPaths } from '@ses-console/contract';
import { type CryptoKey, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyAuth } from '../src/auth/proxy-auth.js';
import { type AppServer, startAppServer } from './support/app-server.js';
import { type Harness, startHarness } from './support/harness.js';

const SIGNER =
  'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/console/0123456789abcdef';
/** The IdP the load balancer signs users in with: its tokens' `iss`. */
const ISSUER = 'https://idp.example.com';
const roleGroups = { admin: ['ses-admins'], operator: ['ses-operators'], viewer: ['*'] };

/** GET over a socket bound to `localAddress` (127.0.0.2 is loopback too, but not the trusted proxy). */
function getFrom(
  localAddress: string,
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * AUTH_MODE=proxy: identity headers of an authenticating proxy, believed only from TRUSTED_PROXIES;
 * ALB tokens verified against ES256 keys served, like the ALB's key endpoint, from loopback.
 */
describe('AUTH_MODE=proxy', () => {
  let h: Harness;
  let alb: Harness;
  let server: AppServer;
  let keyServer: Server;
  let keyUrl: string;
  const keyRequests: string[] = [];
  let signingKey: CryptoKey;
  let otherKey: CryptoKey;
  const kid = 'a1b2c3d4-0000-4000-8000-000000000001';

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const pem = await exportSPKI(pair.publicKey);
    keyServer = createServer((req, res) => {
      keyRequests.push(req.url ?? '');
      if (req.url === `/${kid}`) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(pem);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    keyUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
    // Behind oauth2-proxy: x-forwarded-* headers; no load balancer is named, so ALB tokens are refused.
    h = await startHarness({
      verificationMode: 'auto',
      auth: proxyAuth({
        trustedProxies: ['127.0.0.1', '::1'],
        roleGroups,
        groupsClaim: 'groups',
        albPublicKeyUrl: keyUrl,
        proxySignOutUrl: '/oauth2/sign_out',
      }),
    });
    // Behind an AWS ALB (ALB_SIGNER_ARN, ALB_ISSUER): only its signed token counts.
    alb = await startHarness({
      verificationMode: 'auto',
      auth: proxyAuth({
        trustedProxies: ['127.0.0.1', '::1'],
        roleGroups,
        groupsClaim: 'groups',
        albPublicKeyUrl: keyUrl,
        albSignerArn: SIGNER,
        albIssuer: ISSUER,
      }),
    });
    server = await startAppServer();
    server.serve(h.raw);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => keyServer?.close(() => resolve()));
    await h?.close();
    await alb?.close();
  });

  async function albToken(
    claims: Record<string, unknown>,
    options: {
      key?: CryptoKey;
      signer?: string;
      expiresIn?: string | null;
      issuer?: string | null;
      pad?: boolean;
    } = {},
  ): Promise<string> {
    const builder = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT', signer: options.signer ?? SIGNER, client: 'abc' })
      .setIssuedAt();
    if (options.issuer !== null) builder.setIssuer(options.issuer ?? ISSUER);
    if (options.expiresIn !== null) builder.setExpirationTime(options.expiresIn ?? '2m');
    const jwt = await builder.sign(options.key ?? signingKey);
    // The ALB pads its base64url segments; the verifier must accept that.
    return options.pad
      ? jwt
          .split('.')
          .map((s) => s.padEnd(Math.ceil(s.length / 4) * 4, '='))
          .join('.')
      : jwt;
  }

  it('when oauth2-proxy-style headers come from the trusted proxy, then the user and mapped roles are signed in', async () => {
    const res = await request(h.raw).get(apiPaths.session).set({
      'x-forwarded-user': 'olga',
      'x-forwarded-email': 'olga@example.com',
      'x-forwarded-groups': 'staff,ses-operators',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      authMode: 'proxy',
      user: { id: 'olga', name: 'olga', email: 'olga@example.com' },
      roles: ['viewer', 'operator'],
      signOut: 'proxy',
      proxySignOutUrl: '/oauth2/sign_out',
    });
  });

  it('when the same headers come from an address that is not a trusted proxy, then 403 UntrustedProxy', async () => {
    const spoofed = await getFrom('127.0.0.2', `${server.url}${apiPaths.session}`, {
      'x-forwarded-user': 'mallory',
      'x-forwarded-groups': 'ses-admins',
    });
    expect(spoofed.status).toBe(403);
    expect(spoofed.body.error?.code).toBe('UntrustedProxy');
    const forgedJwt = await getFrom('127.0.0.2', `${server.url}${apiPaths.session}`, {
      'x-amzn-oidc-data': await albToken({ sub: 'mallory', groups: ['ses-admins'] }),
    });
    expect(forgedJwt.status).toBe(403);
    const bare = await getFrom(
      '127.0.0.2',
      `${server.url}${apiPaths.identities.replace(':region', 'us-east-1')}`,
      {},
    );
    expect(bare.status).toBe(401);
    // The trusted address with the same headers is believed:
    const trusted = await getFrom('127.0.0.1', `${server.url}${apiPaths.session}`, {
      'x-forwarded-user': 'mallory',
      'x-forwarded-groups': 'ses-admins',
    });
    expect(trusted.status).toBe(200);
  });

  it('when an ALB token reaches a BFF that names no load balancer (ALB_SIGNER_ARN unset), then 401 InvalidIdentityToken: no signer or issuer is trusted by default', async () => {
    const res = await request(h.raw)
      .get(apiPaths.session)
      .set('x-amzn-oidc-data', await albToken({ sub: 'x', groups: ['ses-admins'] }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidIdentityToken');
    expect(res.body.error.message).toMatch(/ALB_SIGNER_ARN/);
  });

  it('when the ALB sends a valid ES256 x-amzn-oidc-data token, then its claims sign the user in', async () => {
    const token = await albToken(
      { sub: '9f8e-user', email: 'ada@example.com', name: 'Ada Admin', groups: ['ses-admins'] },
      { pad: true },
    );
    const res = await request(alb.raw).get(apiPaths.session).set('x-amzn-oidc-data', token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { id: '9f8e-user', name: 'Ada Admin', email: 'ada@example.com' },
      roles: ['viewer', 'operator', 'admin'],
    });
    expect(keyRequests).toContain(`/${kid}`);
  });

  it('when the ALB token is forged, expired, from another load balancer, from another issuer or has no exp, then 401 InvalidIdentityToken', async () => {
    const cases: Array<[string, RegExp]> = [
      [await albToken({ sub: 'x', groups: ['ses-admins'] }, { key: otherKey }), /signature/],
      [await albToken({ sub: 'x' }, { expiresIn: '-1m' }), /expiry/],
      [
        await albToken(
          { sub: 'x' },
          { signer: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/other/1' },
        ),
        /another load balancer/,
      ],
      [await albToken({ sub: 'x', groups: ['ses-admins'] }, { issuer: 'https://evil.example' }), /iss/],
      [await albToken({ sub: 'x', groups: ['ses-admins'] }, { issuer: null }), /iss/],
      [await albToken({ sub: 'x', groups: ['ses-admins'] }, { expiresIn: null }), /exp/],
      ['not-a-jwt', /not a JWT/],
    ];
    for (const [token, reason] of cases) {
      const res = await request(alb.raw).get(apiPaths.session).set('x-amzn-oidc-data', token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('InvalidIdentityToken');
      expect(res.body.error.message).toMatch(reason);
    }
  });

  it("when x-forwarded-user arrives from the ALB's own address, then it is not believed: without the ALB's token the caller is not signed in", async () => {
    // An ALB passes a client's own x-forwarded-user through untouched.
    const spoofed = { 'x-forwarded-user': 'mallory', 'x-forwarded-groups': 'ses-admins' };
    const alone = await request(alb.raw).get(apiPaths.session).set(spoofed);
    expect(alone.status).toBe(401);
    expect(alone.body.error.code).toBe('Unauthenticated');
    const withToken = await request(alb.raw)
      .get(apiPaths.session)
      .set(spoofed)
      .set('x-amzn-oidc-data', await albToken({ sub: 'vic', groups: ['ses-viewers'] }));
    expect(withToken.status).toBe(200);
    expect(withToken.body).toMatchObject({ user: { id: 'vic' }, roles: ['viewer'] });
  });

  it('when a proxy user changes something, then the CSRF token of their own session is needed', async () => {
    const user = { 'x-forwarded-user': 'pat', 'x-forwarded-groups': 'ses-admins' };
    const session = await request(h.raw).get(apiPaths.session).set(user);
    const cookie = String(session.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    const path = `${apiPaths.deleteIdentities.replace(':region', 'us-east-1')}`;
    const body = { identities: ['nobody-here.example.com'] };
    const noToken = await request(h.raw).post(path).set(user).set('cookie', cookie).send(body);
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CsrfTokenInvalid');
    // Another user presenting pat's cookie and token (a proxy now says it is someone else):
    const otherUser = await request(h.raw)
      .post(path)
      .set({ 'x-forwarded-user': 'eve', 'x-forwarded-groups': 'ses-admins' })
      .set({ cookie, 'x-csrf-token': session.body.csrfToken })
      .send(body);
    expect(otherUser.status).toBe(403);
    const ok = await request(h.raw)
      .post(path)
      .set(user)
      .set({ cookie, 'x-csrf-token': session.body.csrfToken })
      .send(body);
    expect(ok.status).toBe(200);
    expect(ok.body.results[0].outcome).toBe('not_found');
  });
});

describe('rate limits behind a trusted proxy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      verificationMode: 'auto',
      rateLimits: { windowSeconds: 60, mutations: 2, signIn: 20 },
      auth: proxyAuth({
        trustedProxies: ['127.0.0.1', '::1'],
        roleGroups,
        groupsClaim: 'groups',
        albPublicKeyUrl: 'http://127.0.0.1:9',
      }),
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('when one user behind the proxy uses up RATE_LIMIT_MUTATIONS, then only that user gets 429; another user from the same proxy address still gets through', async () => {
    const signIn = async (id: string) => {
      const identity = { 'x-forwarded-user': id, 'x-forwarded-groups': 'ses-admins' };
      const session = await request(h.raw).get(apiPaths.session).set(identity);
      const cookie = String(session.headers['set-cookie']?.[0]).split(';')[0] ?? '';
      return { ...identity, cookie, 'x-csrf-token': session.body.csrfToken as string };
    };
    const amy = await signIn('amy');
    const ben = await signIn('ben');
    const path = apiPaths.deleteIdentities.replace(':region', 'us-east-1');
    const body = { identities: ['nobody-here.example.com'] };
    const send = (headers: Record<string, string>) => request(h.raw).post(path).set(headers).send(body);
    expect((await send(amy)).status).toBe(200);
    expect((await send(amy)).status).toBe(200);
    const limited = await send(amy);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('TooManyRequests');
    expect(limited.body.error.message).toMatch(/for this user/);
    const other = await send(ben);
    expect(other.status).toBe(200);
    expect(other.body.results[0].outcome).toBe('not_found');
  });
});
