import type { RequestListener } from 'node:http';
import http from 'node:http';

export interface ServerLimits {
  /** A request's headers and body must have arrived within this (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Its headers within this (HEADERS_TIMEOUT_MS, at most requestTimeoutMs). */
  headersTimeoutMs: number;
  /** Open connections at most (MAX_CONNECTIONS); Node closes further ones at once. */
  maxConnections: number;
}

/**
 * The BFF's HTTP server with limits on slow and many clients. Node's defaults would hold a trickled
 * request body for 300 s and accept connections without bound; a few such clients would exhaust the
 * process. Node answers an overdue request with 408 and closes the connection; the deadlines are
 * checked every quarter of the headers timeout (at most every 5 s) instead of Node's 30 s.
 */
export function createHttpServer(app: RequestListener, limits: ServerLimits): http.Server {
  const server = http.createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
