import { AwsError } from '../../protocol/aws-error.js';

/** SNS's errors, by the query code its model declares (the SDK maps each to its `…Exception` class). */

export class InvalidParameter extends AwsError {
  constructor(message: string) {
    super('InvalidParameter', 400, message);
  }
}

export class NotFound extends AwsError {
  constructor(message: string) {
    super('NotFound', 404, message);
  }
}

export class AuthorizationError extends AwsError {
  constructor(message: string) {
    super('AuthorizationError', 403, message);
  }
}

export class TopicLimitExceeded extends AwsError {
  constructor() {
    super('TopicLimitExceeded', 403, 'Topic limit exceeded');
  }
}

export class Throttled extends AwsError {
  constructor() {
    super('Throttled', 429, 'Rate exceeded');
  }
}

export class InternalError extends AwsError {
  constructor() {
    super('InternalError', 500, 'Internal error');
  }
}

/** SNS's message for a missing or malformed parameter: `Invalid parameter: <Name>[ Reason: …]`. */
export function invalidParameter(name: string, reason?: string): InvalidParameter {
  return new InvalidParameter(`Invalid parameter: ${name}${reason ? ` Reason: ${reason}` : ''}`);
}

/** A required parameter that is absent: SNS answers as its model's validation does. */
export function missingParameter(name: string): AwsError {
  const member = name.charAt(0).toLowerCase() + name.slice(1);
  return new AwsError(
    'ValidationError',
    400,
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );
}
