import type { Request } from 'express';
import { AppError } from '../errors/app-error.js';
import { AlbJwtError, type AlbJwtVerifier } from './alb-jwt.js';
import type { Authenticator } from './authenticator.js';
import { groupsFromClaim, type Principal, withRoles } from './principal.js';
import { type AccountRef, type RoleGroups, type RoleMap, roleMapOf } from './role-groups.js';
import type { TrustedProxies } from './trusted-proxies.js';

export const identityHeaders = ['x-forwarded-user', 'x-forwarded-groups', 'x-amzn-oidc-data'] as const;

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.length > 0 ? text : undefined;
}

/**
 * AUTH_MODE=proxy: an authenticating proxy (oauth2-proxy, an AWS ALB) signed the user in and says
 * who they are in headers. Only the configured proxy addresses are believed; the same headers from
 * any other address are refused, because anyone could set them.
 *
 * With `alb` (ALB_SIGNER_ARN and ALB_ISSUER set) only the load balancer's signed `x-amzn-oidc-data`
 * counts: an ALB passes a client's own `x-forwarded-user` through unchanged, so from the ALB's address
 * that header proves nothing. Without `alb` an ALB token is refused rather than half-checked (any
 * load balancer, any issuer would do).
 */
export function createProxyAuthenticator(options: {
  trustedProxies: TrustedProxies;
  roleGroups: RoleGroups;
  /** ACCOUNTS (id and name of each): ROLE_GROUPS may scope roles to them. */
  accounts?: readonly AccountRef[];
  groupsClaim: string;
  alb?: AlbJwtVerifier;
  proxySignOutUrl?: string;
}): Authenticator {
  const roleMap = roleMapOf(options.roleGroups, options.accounts);
  async function fromAlbToken(token: string): Promise<Principal> {
    if (!options.alb) {
      throw new AppError(
        401,
        'InvalidIdentityToken',
        'x-amzn-oidc-data (an ALB token) is only accepted with ALB_SIGNER_ARN and ALB_ISSUER set',
      );
    }
    let claims: Record<string, unknown>;
    try {
      claims = await options.alb.verify(token);
    } catch (error) {
      if (error instanceof AlbJwtError) throw new AppError(401, 'InvalidIdentityToken', error.message);
      throw error;
    }
    const id = typeof claims.sub === 'string' ? claims.sub : undefined;
    if (!id) throw new AppError(401, 'InvalidIdentityToken', 'x-amzn-oidc-data has no sub claim');
    return principalOf(
      id,
      claims.name ?? claims.preferred_username ?? claims.email,
      claims.email,
      groupsFromClaim(claims[options.groupsClaim]),
      roleMap,
    );
  }

  return {
    mode: 'proxy',
    signOut: options.proxySignOutUrl ? 'proxy' : 'none',
    proxySignOutUrl: options.proxySignOutUrl,
    async identify(req) {
      const present = identityHeaders.filter((name) => header(req, name) !== undefined);
      const peer = req.socket.remoteAddress;
      if (!options.trustedProxies.has(peer)) {
        if (present.length > 0) {
          throw new AppError(
            403,
            'UntrustedProxy',
            `Identity headers (${present.join(', ')}) are only accepted from TRUSTED_PROXIES`,
          );
        }
        return undefined;
      }
      const albToken = header(req, 'x-amzn-oidc-data');
      if (albToken) return fromAlbToken(albToken);
      if (options.alb) return undefined; // ALB mode: x-forwarded-* identity headers are not believed
      const user = header(req, 'x-forwarded-user');
      if (!user) return undefined;
      return principalOf(
        user,
        header(req, 'x-forwarded-preferred-username'),
        header(req, 'x-forwarded-email'),
        groupsFromClaim(header(req, 'x-forwarded-groups')),
        roleMap,
      );
    },
  };
}

function principalOf(
  id: string,
  name: unknown,
  email: unknown,
  groups: string[],
  roleMap: RoleMap,
): Principal {
  return withRoles(
    {
      id,
      name: typeof name === 'string' && name.length > 0 ? name : id,
      ...(typeof email === 'string' && email.length > 0 ? { email } : {}),
      groups,
      roles: [],
    },
    roleMap,
  );
}
