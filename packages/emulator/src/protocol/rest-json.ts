import { AwsError } from './aws-error.js';
import type { IncomingRequest, OutgoingResponse } from './http-types.js';
import { JSON_CORE_CODES, type WireProtocol } from './wire-protocol.js';

/**
 * REST-JSON wire format (SES v2): JSON bodies, the request id header, and the one JSON error writer,
 * which also answers for the control plane and for requests no service recognises.
 */

/** A JSON body that does not parse, or is not an object: AWS's code for both. */
export class SerializationException extends AwsError {
  constructor(message: string) {
    super('SerializationException', 400, message);
  }
}

/** A 200 (or given status) REST-JSON response with the request id header AWS always sends. */
export function jsonResponse(req: IncomingRequest, body: unknown, status = 200): OutgoingResponse {
  return jsonTextResponse(req, JSON.stringify(body ?? {}), status);
}

/** `jsonResponse` of a body already serialised (e.g. an answer kept by a cache, as its UTF-8 bytes). */
export function jsonTextResponse(
  req: IncomingRequest,
  text: string | Buffer,
  status = 200,
): OutgoingResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': req.ctx.requestId },
    body: text,
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

export const REST_JSON: WireProtocol = {
  name: 'rest-json',
  codes: JSON_CORE_CODES,
  errorResponse: jsonError,
};

/** Parses a JSON request body; empty means `{}`. Invalid JSON is a SerializationException like AWS. */
export function parseJsonBody(req: IncomingRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new SerializationException('Unable to parse request body as JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SerializationException('Request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
