import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomId(prefix: string, length: number): string {
  let id = prefix;
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** Hosted zone id like AWS's current ones: `Z` + 20 uppercase alphanumerics. */
export const newHostedZoneId = (): string => randomId('Z', 20);
/** Change id: `C` + 20 uppercase alphanumerics. */
export const newChangeId = (): string => randomId('C', 20);

/** Longest id Route 53 accepts in a URI (model constraint on ResourceId). */
export const MAX_ID_LENGTH = 32;

/** Strips the `/hostedzone/` or `/change/` prefix responses carry, tolerating a missing leading slash. */
export function bareId(id: string): string {
  return id.replace(/^\/?(hostedzone|change|delegationset)\//, '');
}

/** Four name servers from the four awsdns TLDs, e.g. `ns-1536.awsdns-48.co.uk`. */
export function newNameServers(): string[] {
  return ['com', 'net', 'org', 'co.uk'].map((tld) => {
    const n = randomInt(2048);
    return `ns-${n}.awsdns-${String(Math.floor(n / 32)).padStart(2, '0')}.${tld}`;
  });
}
