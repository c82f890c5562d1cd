import { createHash } from 'node:crypto';

/**
 * Request fields the audit log must not keep as sent: BYODKIM private keys, policy documents,
 * verification tokens, and test-email bodies (large, and mail content). Each is replaced by
 * `sha256:<hex>`, enough to tell whether two requests carried the same value.
 */
const HASHED_FIELDS = new Set(['privateKey', 'document', 'token', 'body']);

export function sha256Of(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function redact(value: unknown, depth: number): unknown {
  if (depth > 8) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [
        key,
        HASHED_FIELDS.has(key) && v !== null && v !== undefined ? sha256Of(v) : redact(v, depth + 1),
      ]),
    );
  }
  return value;
}

/** Path parameters plus the JSON body, secrets hashed. */
export function auditParameters(params: Record<string, string>, body: unknown): Record<string, unknown> {
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body) ? body : body === undefined ? {} : { body };
  return redact({ ...(fromBody as Record<string, unknown>), ...params }, 0) as Record<string, unknown>;
}

/** The identity (or identities) a request is about: path parameter, else the body's name fields. */
export function auditIdentity(params: Record<string, string>, body: unknown): string | null {
  if (params.identity) return params.identity;
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.identities)) {
    const names = b.identities.filter((v): v is string => typeof v === 'string');
    return names.length > 0 ? names.join(', ') : null;
  }
  if (typeof b.name === 'string') return b.name;
  if (typeof b.from === 'string') return b.from;
  return null;
}
