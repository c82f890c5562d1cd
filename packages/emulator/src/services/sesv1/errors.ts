import { AwsError } from '../../protocol/aws-error.js';
import {
  AlreadyExistsException,
  BadRequestException,
  ConfigurationSetNotFound,
  ConstraintViolation,
  InvalidPolicyDocument,
  LimitExceededException,
  NotFoundException,
} from '../ses/model/errors.js';

/**
 * SES v1's error codes (query protocol, all HTTP 400 [obs: django-ses#120]) and the one translation of
 * the shared SES model's errors (named as SES v2 names them) into them.
 */

export const SES_V1_NAMESPACE = 'http://ses.amazonaws.com/doc/2010-12-01/';

/** A value SES refuses: SES v1's catch-all for invalid input [model: no modeled errors; obs]. */
export class InvalidParameterValue extends AwsError {
  constructor(message: string) {
    super('InvalidParameterValue', 400, message);
  }
}

/** A constraint of the API model (required member, enum, length): `1 validation error detected: …`. */
export class ValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', 400, message);
  }
}

export class InvalidPolicy extends AwsError {
  constructor(message: string) {
    super('InvalidPolicy', 400, message);
  }
}

export class ConfigurationSetDoesNotExist extends AwsError {
  constructor(message: string) {
    super('ConfigurationSetDoesNotExist', 400, message);
  }
}

/** What SES v1 answers when it is throttled (the fault injector's choice). */
export class Throttling extends AwsError {
  constructor() {
    super('Throttling', 400, 'Maximum sending rate exceeded.');
  }
}

export class ServiceUnavailable extends AwsError {
  constructor() {
    super('ServiceUnavailable', 503, 'Service is unable to handle request.');
  }
}

/**
 * The model's error as SES v1 answers it: constraint violations are `ValidationError`, a bad policy
 * `InvalidPolicy`, an unknown configuration set `ConfigurationSetDoesNotExist`, and every other refusal
 * of input (bad request, unknown identity, already exists, over a limit) `InvalidParameterValue`, with
 * the model's message. `MessageRejected`, `MailFromDomainNotVerifiedException` and the protocol's own
 * errors keep their codes.
 */
export function toSesV1Error(error: unknown): unknown {
  if (error instanceof ConstraintViolation) return new ValidationError(error.message);
  if (error instanceof InvalidPolicyDocument) return new InvalidPolicy(error.message);
  if (error instanceof ConfigurationSetNotFound) return new ConfigurationSetDoesNotExist(error.message);
  if (
    error instanceof BadRequestException ||
    error instanceof NotFoundException ||
    error instanceof AlreadyExistsException ||
    error instanceof LimitExceededException
  ) {
    return new InvalidParameterValue(error.message);
  }
  return error;
}
