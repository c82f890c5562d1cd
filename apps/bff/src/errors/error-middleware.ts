import http from 'node:http';
import type { ErrorEnvelope } from '@ses-console/contract';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError } from './app-error.js';
import { mapAwsError } from './aws-error-map.js';
import { malformedPathError } from './malformed-path.js';

export function requestIdOf(req: Request): string {
  return String(req.id ?? '');
}

function envelope(req: Request, error: AppError): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      requestId: requestIdOf(req),
      ...(error.fieldErrors && error.fieldErrors.length > 0 ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.requiredRole ? { requiredRole: error.requiredRole } : {}),
      ...(error.account ? { account: error.account } : {}),
      ...(error.partial ? error.partial : {}),
    },
  };
}

/** Errors Express's body parser raises (malformed JSON, too large) carry `type` and `status`. */
function fromBodyParser(error: unknown): AppError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const type = (error as { type?: unknown }).type;
  const bodyError = (status: number, code: string, message: string) =>
    new AppError(status, code, message, [{ field: 'body', message }]);
  if (type === 'entity.parse.failed') {
    return bodyError(400, 'MalformedJson', 'The request body is not valid JSON (an object or an array).');
  }
  if (type === 'entity.too.large') return bodyError(413, 'PayloadTooLarge', 'The request body is too large.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return bodyError(
      415,
      'UnsupportedEncoding',
      'The request body encoding is not supported (Content-Encoding: gzip, deflate, br or none; charset: UTF-8).',
    );
  }
  if (type === 'request.aborted' || type === 'request.size.invalid') {
    return bodyError(400, 'IncompleteBody', 'The request body ended before its Content-Length.');
  }
  if (type === 'encoding.failed') {
    return bodyError(
      400,
      'MalformedBody',
      'The request body could not be decoded as its Content-Encoding says.',
    );
  }
  return undefined;
}

/** Unknown `/api/*` paths answer the envelope, not Express's HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'RouteNotFound', `No API route ${req.method} ${req.originalUrl.split('?')[0]}`));
};

/** Express's own "Failed to decode param" (a broken %-escape in the URL) is the caller's mistake. */
function isUndecodablePath(error: unknown): boolean {
  return error instanceof URIError && (error as { status?: unknown }).status === 400;
}

/** The error handler; `pathTemplates` lets a broken %-escape be reported against its route parameter. */
export function createErrorMiddleware(pathTemplates: readonly string[]): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (isUndecodablePath(error)) {
      errorMiddleware(malformedPathError(req.path, pathTemplates), req, res, next);
      return;
    }
    errorMiddleware(error, req, res, next);
  };
}

export const errorMiddleware: ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) {
    // Already answered (the response deadline fired first): the late failure is only logged.
    req.log?.warn({ err: error }, 'error after the response was sent');
    return;
  }
  const mapped = mapAwsError(error);
  const appError =
    mapped instanceof AppError
      ? mapped
      : (fromBodyParser(error) ?? new AppError(500, 'InternalError', 'Something went wrong on our side.'));
  if (appError.status >= 500) req.log?.error({ err: error }, 'request failed');
  else req.log?.info({ code: appError.code }, appError.message);
  res.locals.errorCode = appError.code; // read by the audit log
  res.status(appError.status).json(envelope(req, appError));
};

const lastResortBody = (requestId: string) =>
  JSON.stringify({
    error: { code: 'InternalError', message: 'Something went wrong on our side.', requestId },
  } satisfies ErrorEnvelope);

/**
 * Behind the error middleware: when answering an error failed itself (a wrapped `res.end` threw), the
 * caller still gets the JSON envelope, never Express's HTML page with a stack trace and file paths. It
 * writes with Node's own `end`, past any wrapper that may throw again.
 */
export const lastResortErrorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  req.log?.error({ err: error }, 'the error handler failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = lastResortBody(requestIdOf(req));
  res.statusCode = 500;
  res.removeHeader('etag');
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('cache-control', 'no-store');
  http.ServerResponse.prototype.end.call(res, body, 'utf8', () => {});
};
