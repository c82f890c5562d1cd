import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * pino-http with a request id on every log line, the `x-request-id` response header and (through
 * `req.id`) the error envelope. A caller's own `x-request-id` is kept when it is a plain token.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // Credentials never reach the log: cookies (session id), CSRF tokens, proxy identity tokens.
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      'req.headers["x-csrf-token"]',
      'req.headers["x-amzn-oidc-data"]',
      'req.headers["x-amzn-oidc-accesstoken"]',
      'res.headers["set-cookie"]',
    ],
    serializers: {
      // The OIDC callback's query carries the authorization code and state.
      req(req: { url?: string; query?: unknown }) {
        if (req.url?.startsWith('/auth/callback')) {
          req.url = '/auth/callback?[redacted]';
          req.query = '[redacted]';
        }
        return req;
      },
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
  });
}
