import { randomFillSync } from 'node:crypto';

/**
 * Random ids whose first bytes are the creation time (wall-clock milliseconds), for the keys the store
 * indexes (a verification token, a verification email's id). Ids drawn close together in time sort
 * next to each other, so the index pages a burst of inserts touches are the same few at the end of
 * the B-tree, not one random page per insert (under wrk, the random token and UUID cost
 * CreateEmailIdentity 1.5 of its ~7 WAL pages per commit). The rest is random from the system CSPRNG,
 * drawn a pool at a time (one `getrandom` per 256 ids instead of one per id).
 */

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/** `length` bytes: the time in the first 6 (big-endian ms), the rest random. */
function timeOrderedBytes(length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  const random = length - 6;
  if (used + random > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  pool.copy(bytes, 6, used, used + random);
  used += random;
  bytes.writeUIntBE(Date.now(), 0, 6);
  return bytes;
}

/**
 * A verification link's token: 24 bytes in base64url, 32 characters, as before — 6 bytes of time and
 * 18 random (144 bits: as unguessable as a link needs to be).
 */
export function verificationToken(): string {
  return timeOrderedBytes(24).toString('base64url');
}

/** A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, version and variant bits, 74 random bits. */
export function uuidV7(): string {
  const b = timeOrderedBytes(16);
  b[6] = 0x70 | ((b[6] as number) & 0x0f);
  b[8] = 0x80 | ((b[8] as number) & 0x3f);
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `length` random bytes as hex from the same pool (the random middle of an SES message id). */
export function randomHex(length: number): string {
  if (used + length > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + length);
  used += length;
  return hex;
}
