import { AwsError } from './aws-error.js';

/**
 * The errors the emulator's core answers itself, for any service and in that service's wire format:
 * one class per code. (Refusals whose code differs by protocol, AccessDenied and the SigV4 failures,
 * take it from `WireProtocol.codes`.)
 */

/** Anything unexpected: the request failed and the emulator logged why. */
export class InternalFailure extends AwsError {
  constructor() {
    super('InternalFailure', 500, 'The request processing has failed because of an unknown error.');
  }
}

/** No service recognises the request, or its service has no such operation. */
export class UnknownOperationException extends AwsError {
  constructor(message: string) {
    super('UnknownOperationException', 404, message);
  }
}

export class RequestEntityTooLargeException extends AwsError {
  constructor() {
    super('RequestEntityTooLargeException', 413, 'Request body is too large.');
  }
}

/** The body did not arrive completely (the client went away or was cut off by the request timeout). */
export class RequestTimeout extends AwsError {
  constructor() {
    super('RequestTimeout', 408, 'The request body did not arrive completely.');
  }
}

/** [inf] A body the emulator cannot read as sent (browser-only type, compressed): AWS's front ends answer 415. */
export class UnsupportedMediaTypeException extends AwsError {
  constructor(message: string) {
    super('UnsupportedMediaTypeException', 415, message);
  }
}

/** A control-plane call without the EMULATOR_CONTROL_TOKEN. */
export class Unauthorized extends AwsError {
  constructor(message: string) {
    super('Unauthorized', 401, message);
  }
}
