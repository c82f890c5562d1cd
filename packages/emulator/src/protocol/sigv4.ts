import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Strict SigV4 verification (`EMULATOR_AUTH=sigv4`). It rebuilds the canonical request the way the AWS
 * SDKs and the CLI sign non-S3 services (path segments encoded twice, query sorted and RFC 3986 encoded,
 * signed headers trimmed) and compares signatures. The core answers a failure with the code of the
 * service's protocol (`WireProtocol.codes.sigV4`).
 */
export interface SigV4Credential {
  secretAccessKey: string;
  /** Account the key belongs to; defaults to the emulator's account rules. */
  accountId?: string;
  /** Temporary credentials: the request's `x-amz-security-token` must be this one. */
  sessionToken?: string;
}

/** Where the secret of an access key id is looked up: the static keys (a Map) and/or issued sessions. */
export interface SigV4CredentialLookup {
  get(accessKeyId: string): SigV4Credential | undefined;
}

export type SigV4Failure = 'missing' | 'unknown-key' | 'bad-signature' | 'expired' | 'not-yet-valid';

/** Allowed difference between the request's X-Amz-Date and now, as AWS (5 minutes). */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export interface SignedRequest {
  /** Signing names the target service accepts in the credential scope (its module's `signingNames`); unchecked when omitted. */
  signingNames?: readonly string[];
  method: string;
  /** Path as received (percent-encoded), no query. */
  rawPath: string;
  /** Query string as received, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface VerifiedIdentity {
  accessKeyId: string;
  accountId?: string;
}

const AUTH =
  /^AWS4-HMAC-SHA256\s+Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;

/** RFC 3986 encoding as the SDKs' `escapeUri`. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `/${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .split('&')
    .filter((p) => p.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : safeDecode(pair.slice(eq + 1));
      return [escapeUri(key), escapeUri(value)] as const;
    })
    .filter(([key]) => key.toLowerCase() !== 'x-amz-signature');
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** `20240102T030405Z` → epoch ms. */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export class SigV4Error extends Error {
  constructor(
    readonly failure: SigV4Failure,
    message: string,
  ) {
    super(message);
  }
}

/** Verifies a request; returns the caller's key (and account) or throws a SigV4Error. */
export function verifySigV4(
  req: SignedRequest,
  credentials: SigV4CredentialLookup,
  nowMs: number = Date.now(),
): VerifiedIdentity {
  const auth = headerValue(req.headers, 'authorization');
  if (!auth) throw new SigV4Error('missing', 'Missing Authentication Token');
  const m = AUTH.exec(auth);
  if (!m) {
    throw new SigV4Error(
      'bad-signature',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.`,
    );
  }
  const [, accessKeyId, date, region, service, signedHeadersText, signature] = m as unknown as string[];
  const credential = credentials.get(accessKeyId as string);
  if (!credential)
    throw new SigV4Error('unknown-key', 'The security token included in the request is invalid.');
  if (
    credential.sessionToken !== undefined &&
    headerValue(req.headers, 'x-amz-security-token') !== credential.sessionToken
  ) {
    // Temporary credentials sign like static ones, but only together with the token they were issued with.
    throw new SigV4Error('unknown-key', 'The security token included in the request is invalid.');
  }

  const amzDate = headerValue(req.headers, 'x-amz-date');
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined)
    throw new SigV4Error('bad-signature', 'The request must contain a valid X-Amz-Date header.');
  if (nowMs - signedAt > MAX_SKEW_MS) {
    throw new SigV4Error(
      'expired',
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${formatAmzDate(nowMs)} - 5 min.)`,
    );
  }
  if (signedAt - nowMs > MAX_SKEW_MS) {
    throw new SigV4Error(
      'not-yet-valid',
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${formatAmzDate(nowMs)} + 5 min.)`,
    );
  }

  if (date !== amzDate.slice(0, 8)) {
    throw new SigV4Error(
      'bad-signature',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (req.signingNames !== undefined && !req.signingNames.includes(service as string)) {
    throw new SigV4Error(
      'bad-signature',
      `Credential should be scoped to correct service: '${req.signingNames[0]}'. `,
    );
  }
  const signedHeaders = (signedHeadersText as string).split(';');
  if (!signedHeaders.includes('host')) {
    throw new SigV4Error(
      'bad-signature',
      `'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.`,
    );
  }
  const declaredPayloadHash = headerValue(req.headers, 'x-amz-content-sha256');
  if (declaredPayloadHash && declaredPayloadHash !== sha256Hex(req.body)) {
    // A signed but false payload hash would let a body be swapped under a valid signature.
    throw new SigV4Error(
      'bad-signature',
      'The provided x-amz-content-sha256 header does not match what was computed.',
    );
  }
  const canonicalHeaders = signedHeaders
    .map((name) => `${name}:${headerValue(req.headers, name)}\n`)
    .join('');
  const payloadHash = sha256Hex(req.body);
  const canonicalRequest = [
    req.method,
    canonicalPath(req.rawPath),
    canonicalQuery(req.rawQuery),
    canonicalHeaders,
    signedHeadersText,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(
    hmac(
      hmac(hmac(`AWS4${credential.secretAccessKey}`, date as string), region as string),
      service as string,
    ),
    'aws4_request',
  );
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(signature as string, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SigV4Error(
      'bad-signature',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { accessKeyId: accessKeyId as string, accountId: credential.accountId };
}

/**
 * Parses `EMULATOR_CREDENTIALS`: `AKID:SECRET[:ACCOUNT]` pairs separated by commas.
 * A key without an account maps like any other (a 12-digit key id is itself the account).
 */
export function parseCredentials(text: string): Map<string, SigV4Credential> {
  const map = new Map<string, SigV4Credential>();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [accessKeyId, secretAccessKey, accountId] = entry.split(':');
    if (!accessKeyId || !secretAccessKey) {
      throw new Error(`EMULATOR_CREDENTIALS entry "${entry}" must be ACCESS_KEY_ID:SECRET[:ACCOUNT_ID]`);
    }
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
      throw new Error(`EMULATOR_CREDENTIALS account for ${accessKeyId} must be 12 digits`);
    }
    map.set(accessKeyId, { secretAccessKey, accountId });
  }
  return map;
}
