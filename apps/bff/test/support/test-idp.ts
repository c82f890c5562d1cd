import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestUser {
  name: string;
  email: string;
  groups: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-in at this IdP signs in as (the test's stand-in for typing a password). */
  signInAs(accountId: string): void;
  /** Whether sign-ins from now on get a refresh token (default: no, like most IdPs without offline_access). */
  issueRefreshTokens(on: boolean): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on an ephemeral loopback port. Its login and
 * consent screens are replaced by an interaction handler that signs in `signInAs`'s account and
 * grants the scopes asked for, so a test drives the whole code flow with plain HTTP requests.
 */
export async function startTestIdp(options: {
  users: Record<string, TestUser>;
  redirectUri: string;
}): Promise<TestIdp> {
  const clientId = 'ses-console';
  const clientSecret = 'test-client-secret-0123456789';
  let nextAccount = Object.keys(options.users)[0] ?? '';
  let refreshTokens = false;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const postLogout = new URL('/', options.redirectUri).href;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [postLogout],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['test-idp-cookie-key'] },
    pkce: { required: () => true },
    issueRefreshToken: async () => refreshTokens,
    async findAccount(_ctx: unknown, id: string) {
      const user = options.users[id];
      if (!user) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: user.name, email: user.email, groups: user.groups }),
      };
    },
  });
  provider.on('server_error', () => {});

  const handle = provider.callback();
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      const accountId = nextAccount;
      const grant = new provider.Grant({ accountId, clientId });
      grant.addOIDCScope(String(details.params.scope ?? 'openid'));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(accountId) {
      nextAccount = accountId;
    },
    issueRefreshTokens(on) {
      refreshTokens = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
