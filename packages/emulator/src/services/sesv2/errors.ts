import { AwsError } from '../../protocol/aws-error.js';

/**
 * SES v2's own wire codes beyond the model's (`../ses/model/errors.ts`): what it answers for faults
 * (throttling is the model's TooManyRequestsException, also thrown by the send rate).
 */

export class InternalServiceErrorException extends AwsError {
  constructor() {
    super(
      'InternalServiceErrorException',
      500,
      'The request couldn’t be processed because of an internal service error.',
    );
  }
}
