import { AwsError } from '../../../protocol/aws-error.js';

/**
 * The errors of the SES model's rules, one class per code, named and numbered as SES v2 declares them
 * (the model was written for v2 first). A wire layer whose API names them otherwise (SES v1's query
 * codes) maps them there; the model itself throws only these.
 */

export class BadRequestException extends AwsError {
  constructor(message: string) {
    super('BadRequestException', 400, message);
  }
}

/** Note: 400, not 409, as the SES v2 model declares it. */
/**
 * Kinds of BadRequestException / NotFoundException that other API versions name with codes of their
 * own (SES v1: `ValidationError`, `InvalidPolicy`, `ConfigurationSetDoesNotExist`). On SES v2's wire
 * they are the parent class's code, status and message unchanged.
 */
export class ConstraintViolation extends BadRequestException {}
export class InvalidPolicyDocument extends BadRequestException {}

export class AlreadyExistsException extends AwsError {
  constructor(message: string) {
    super('AlreadyExistsException', 400, message);
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string) {
    super('LimitExceededException', 400, message);
  }
}

export class NotFoundException extends AwsError {
  constructor(message: string) {
    super('NotFoundException', 404, message);
  }
}

export class ConfigurationSetNotFound extends NotFoundException {}

export class MessageRejected extends AwsError {
  constructor(message: string) {
    super('MessageRejected', 400, message);
  }
}

export class MailFromDomainNotVerifiedException extends AwsError {
  constructor(message: string) {
    super('MailFromDomainNotVerifiedException', 400, message);
  }
}

/** AWS's Smithy-constraint message: `1 validation error detected: Value 'x' at 'field' failed to satisfy constraint: …`. */
export function validationError(field: string, constraint: string, value?: unknown): ConstraintViolation {
  const shown = value === undefined ? '' : ` '${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return new ConstraintViolation(
    `1 validation error detected: Value${shown} at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

export function missingField(field: string): ConstraintViolation {
  return validationError(field, 'Member must not be null');
}
