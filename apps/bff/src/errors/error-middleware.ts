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
      ...(error.partial ? error.partial : {}),
    },
  };
}

/** Errors Express's body parser raises (malformed JSON, too large) carry `type` and `status`. */
function fromBodyParser(error: unknown): AppError | undefined {
  if (!error || typeof error !== 'object' || !('type' in error)) return undefined;
  const type = (error as { type: unknown }).type;
  const bodyError = (status: number, code: string, message: string) =>
    new AppError(status, code, message, [{ field: 'body', message }]);
  if (type === 'entity.parse.failed') {
    return bodyError(400, 'MalformedJson', 'The request body is not valid JSON (an object or an array).');
  }
  if (type === 'entity.too.large') return bodyError(413, 'PayloadTooLarge', 'The request body is too large.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return bodyError(415, 'UnsupportedEncoding', 'The request body encoding is not supported.');
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
