import { AwsError } from '../../protocol/aws-error.js';

/** SES v2's own wire codes beyond the model's (`../ses/model/errors.ts`): what it answers for faults. */

export class TooManyRequestsException extends AwsError {
  constructor() {
    super('TooManyRequestsException', 429, 'Too Many Requests');
  }
}

export class InternalServiceErrorException extends AwsError {
  constructor() {
    super(
      'InternalServiceErrorException',
      500,
      'The request couldn’t be processed because of an internal service error.',
    );
  }
}
