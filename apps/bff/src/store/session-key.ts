import { createHash } from 'node:crypto';

/** Stores keep the SHA-256 of a session id, so reading the database does not yield usable cookies. */
export function sessionKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
