import { albRegionOf, type Config } from '../config.js';
import type { AuthSetup } from './auth-setup.js';
import { noneAuth } from './none-auth.js';
import { oidcAuth } from './oidc-auth.js';
import { proxyAuth } from './proxy-auth.js';

/** The AUTH_MODE the environment asks for (`loadConfig` already checked the variables each needs). */
export function authFromConfig(config: Config): AuthSetup {
  switch (config.AUTH_MODE) {
    case 'oidc':
      return oidcAuth({
        issuer: config.OIDC_ISSUER ?? '',
        clientId: config.OIDC_CLIENT_ID ?? '',
        clientSecret: config.OIDC_CLIENT_SECRET ?? '',
        redirectUrl: config.OIDC_REDIRECT_URL ?? '',
        groupsClaim: config.OIDC_GROUPS_CLAIM,
        scopes: config.OIDC_SCOPES,
        roleGroups: config.ROLE_GROUPS,
        accounts: config.accounts,
        rolesMaxAgeSeconds: config.OIDC_ROLES_MAX_AGE_SECONDS,
        trustedProxies: config.TRUSTED_PROXIES,
      });
    case 'proxy':
      return proxyAuth({
        trustedProxies: config.TRUSTED_PROXIES ?? [],
        roleGroups: config.ROLE_GROUPS,
        accounts: config.accounts,
        groupsClaim: config.OIDC_GROUPS_CLAIM,
        // The keys live in the load balancer's own region (its ARN says which).
        albPublicKeyUrl:
          config.ALB_PUBLIC_KEY_URL ??
          `https://public-keys.auth.elb.${(config.ALB_SIGNER_ARN && albRegionOf(config.ALB_SIGNER_ARN)) || config.AWS_REGION}.amazonaws.com`,
        albSignerArn: config.ALB_SIGNER_ARN,
        albIssuer: config.ALB_ISSUER,
        proxySignOutUrl: config.PROXY_SIGN_OUT_URL,
      });
    default:
      return noneAuth();
  }
}

/** Secure cookies when the public URL is https; otherwise when the request itself came over https. */
export function secureCookiesFromConfig(config: Config): boolean | 'auto' {
  if (config.AUTH_MODE === 'oidc' && config.OIDC_REDIRECT_URL)
    return config.OIDC_REDIRECT_URL.startsWith('https:');
  return 'auto';
}
