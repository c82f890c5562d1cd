import { AwsError } from './aws-error.js';
import type { IncomingRequest, OutgoingResponse } from './http-types.js';

/** A 200 (or given status) REST-JSON response with the request id header AWS always sends. */
export function jsonResponse(req: IncomingRequest, body: unknown, status = 200): OutgoingResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': req.ctx.requestId },
    body: JSON.stringify(body ?? {}),
  };
}

/** REST-JSON error: `x-amzn-ErrorType` header plus `__type`, `code` and `message` in the body. */
export function jsonError(requestId: string, error: AwsError): OutgoingResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
    body: JSON.stringify({ __type: error.code, code: error.code, message: error.message }),
  };
}

/** Parses a JSON request body; empty means `{}`. Invalid JSON is a SerializationException like AWS. */
export function parseJsonBody(req: IncomingRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new AwsError('SerializationException', 400, 'Unable to parse request body as JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AwsError('SerializationException', 400, 'Request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
