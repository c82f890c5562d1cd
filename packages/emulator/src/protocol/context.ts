import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SessionPrincipal } from './session-credentials.js';

/**
 * Who is calling and where, read from the SigV4 credential scope of the Authorization header. By
 * default the signature itself is not checked (any key works, as with LocalStack); with
 * `EMULATOR_AUTH=sigv4` the core verifies it (`sigv4.ts`) before any operation runs, and the verified
 * key's account replaces the one read here. A key STS issued (`session-credentials.ts`) acts in its
 * session's account, for every service.
 */
export interface RequestContext {
  requestId: string;
  accountId: string;
  region: string;
  /** Signing service from the credential scope (`ses`, `route53`, …), when signed. */
  signingService?: string;
  accessKeyId?: string;
  /** Set when the key is temporary credentials the emulator's STS issued: who the session is. */
  session?: SessionPrincipal;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export interface ContextDefaults {
  /** Account for access keys that are not 12 digits (LocalStack's convention). */
  defaultAccountId: string;
  defaultRegion: string;
}

export function contextFromHeaders(headers: IncomingHttpHeaders, defaults: ContextDefaults): RequestContext {
  const auth = headers.authorization ?? '';
  const match = CREDENTIAL.exec(auth);
  const accessKeyId = match?.[1];
  return {
    requestId: randomUUID(),
    accessKeyId,
    accountId: accessKeyId && /^\d{12}$/.test(accessKeyId) ? accessKeyId : defaults.defaultAccountId,
    region: match?.[3] ?? defaults.defaultRegion,
    signingService: match?.[4],
  };
}
