import type { IncomingHttpHeaders } from 'node:http';
import type { RequestContext } from './context.js';

/** A request as every service sees it: the body is read whole before dispatch. */
export interface IncomingRequest {
  method: string;
  /** Raw path without the query string, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  ctx: RequestContext;
}

export interface OutgoingResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}
