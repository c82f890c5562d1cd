import type http from 'node:http';
import { RequestEntityTooLargeException, RequestTimeout } from './core-errors.js';

/** Largest request body accepted (SES v2 allows 40 MB messages; base64 in JSON makes them bigger). */
export const MAX_BODY_BYTES = 60 * 1024 * 1024;

const EMPTY = Buffer.alloc(0);

/**
 * Reads the whole body; too large → 413 at once (the rest of the upload is discarded), cut off → 408.
 * A request without a body gets the empty buffer at once, not a promise (no turn of the microtask queue).
 */
export function readBody(req: http.IncomingMessage): Buffer | Promise<Buffer> {
  // Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body (RFC 9112 §6.3), and
  // Node's parser has already ended the message: answer at once instead of waiting for 'end' (a GET's
  // listeners and an event-loop hop per request). Node drains the stream when the answer is sent.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    return EMPTY;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answer 413 at once and discard the rest of the upload (destroying the socket would leave
        // the client with a reset instead of an answer).
        req.off('data', onData);
        req.resume();
        chunks.length = 0;
        reject(new RequestEntityTooLargeException());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // The client went away or was cut off (request timeout): nobody is left to answer.
    req.on('error', () => reject(new RequestTimeout()));
  });
}

/** The request target's path exactly as received (no dot-segment resolution), without the query. */
export function rawPathOf(target: string): string {
  const query = target.indexOf('?');
  const path = query < 0 ? target : target.slice(0, query);
  // Origin-form (`/…`), what every client sends: no scheme to strip.
  if (path.startsWith('/')) return path;
  // An absolute-form target (`GET http://host/path`) keeps only its path.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  const rest = absolute ? path.slice(absolute[0].length) : path;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * The query parameters of a request target, as WHATWG URL parsing reads them (`new URL(target, base)`).
 * An origin-form target with no `?`, `#` or `\\` and not starting `//` (GetEmailIdentity, most REST
 * calls) has none and nothing in it can make the parser throw, so it is not parsed: about 1.5 µs a
 * request.
 */
export function queryParamsOf(target: string): URLSearchParams {
  if (
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.includes('?') &&
    !target.includes('#') &&
    !target.includes('\\')
  ) {
    return new URLSearchParams();
  }
  return new URL(target, 'http://emulator').searchParams;
}

/** The query string as received, without `?` (what SigV4 signed). */
export function rawQueryOf(target: string): string {
  const at = target.indexOf('?');
  return at < 0 ? '' : target.slice(at + 1);
}
