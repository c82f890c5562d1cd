import { createAlbJwtVerifier } from './alb-jwt.js';
import type { AuthSetup } from './auth-setup.js';
import { createProxyAuthenticator } from './proxy-authenticator.js';
import type { AccountRef, RoleGroups } from './role-groups.js';
import { parseTrustedProxies } from './trusted-proxies.js';

export interface ProxySettings {
  trustedProxies: string[];
  roleGroups: RoleGroups;
  /** ACCOUNTS (id and name of each): ROLE_GROUPS may scope roles to them. */
  accounts?: readonly AccountRef[];
  groupsClaim: string;
  albPublicKeyUrl: string;
  /** ALB mode: set, only this load balancer's tokens are believed (and no x-forwarded-user). */
  albSignerArn?: string;
  /** ALB mode: the `iss` its tokens must carry. */
  albIssuer?: string;
  proxySignOutUrl?: string;
}

/** AUTH_MODE=proxy: oauth2-proxy-style headers or an AWS ALB's signed JWT, from TRUSTED_PROXIES only. */
export function proxyAuth(settings: ProxySettings): AuthSetup {
  const trustedProxies = parseTrustedProxies(settings.trustedProxies);
  return {
    authenticator: createProxyAuthenticator({
      trustedProxies,
      roleGroups: settings.roleGroups,
      accounts: settings.accounts,
      groupsClaim: settings.groupsClaim,
      alb:
        settings.albSignerArn && settings.albIssuer
          ? createAlbJwtVerifier({
              keyUrl: settings.albPublicKeyUrl,
              signerArn: settings.albSignerArn,
              issuer: settings.albIssuer,
            })
          : undefined,
      proxySignOutUrl: settings.proxySignOutUrl,
    }),
    // The proxy's x-forwarded-for / x-forwarded-proto are believed too: req.ip is the user's address.
    trustProxy: (address) => trustedProxies.has(address),
  };
}
