import { type CryptoKey, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';

/**
 * Verifies the `x-amzn-oidc-data` JWT an AWS Application Load Balancer adds after it authenticated
 * the user: ES256, signed with a key the ALB publishes at `<keyUrl>/<kid>` as PEM.
 */
export interface AlbJwtVerifier {
  verify(token: string): Promise<Record<string, unknown>>;
}

export class AlbJwtError extends Error {}

export function createAlbJwtVerifier(options: {
  /** `https://public-keys.auth.elb.<region>.amazonaws.com` (ALB_PUBLIC_KEY_URL). */
  keyUrl: string;
  /** The token's `signer` header must be this load balancer's ARN. */
  signerArn: string;
  /** The token's `iss` claim must be this (the IdP the ALB signs users in with). */
  issuer: string;
  fetchTimeoutMs?: number;
}): AlbJwtVerifier {
  const keys = new Map<string, Promise<CryptoKey>>();
  const base = options.keyUrl.replace(/\/$/, '');

  async function fetchKey(kid: string): Promise<CryptoKey> {
    const response = await fetch(`${base}/${encodeURIComponent(kid)}`, {
      signal: AbortSignal.timeout(options.fetchTimeoutMs ?? 5_000),
    });
    if (!response.ok) throw new AlbJwtError(`ALB public key ${kid} not found (HTTP ${response.status})`);
    return importSPKI(await response.text(), 'ES256');
  }

  function keyFor(kid: string): Promise<CryptoKey> {
    let key = keys.get(kid);
    if (!key) {
      key = fetchKey(kid);
      keys.set(kid, key);
      // A failed fetch is not cached: the next request tries again.
      key.catch(() => keys.delete(kid));
    }
    return key;
  }

  return {
    async verify(token) {
      // ALBs pad the base64url segments with `=`, which strict JWT parsers reject.
      const compact = token
        .split('.')
        .map((segment) => segment.replace(/=+$/, ''))
        .join('.');
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(compact);
      } catch {
        throw new AlbJwtError('x-amzn-oidc-data is not a JWT');
      }
      if (header.alg !== 'ES256' || typeof header.kid !== 'string' || !/^[\w-]{1,128}$/.test(header.kid)) {
        throw new AlbJwtError('x-amzn-oidc-data must be ES256 with a key id');
      }
      if (header.signer !== options.signerArn) {
        throw new AlbJwtError('x-amzn-oidc-data was signed by another load balancer');
      }
      const key = await keyFor(header.kid);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(compact, key, { algorithms: ['ES256'] }));
      } catch {
        throw new AlbJwtError('x-amzn-oidc-data signature or expiry is not valid');
      }
      // Checked after the signature, so the messages say which rule a genuine token broke.
      if (typeof payload.exp !== 'number') throw new AlbJwtError('x-amzn-oidc-data has no exp claim');
      if (payload.iss !== options.issuer) {
        throw new AlbJwtError('x-amzn-oidc-data was issued by another identity provider (iss)');
      }
      return payload;
    },
  };
}
