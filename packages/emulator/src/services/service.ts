import type { AwsError } from '../protocol/aws-error.js';
import type { OutgoingResponse } from '../protocol/http-types.js';
import type { Router } from '../protocol/router.js';

/** One emulated AWS service on the shared port. */
export interface ServiceModule {
  name: string;
  /** Whether a request path belongs to this service (e.g. `/v2/email/…`). */
  owns(rawPath: string): boolean;
  router: Router;
  /** The service's wire format for errors (REST-JSON or REST-XML). */
  errorResponse(requestId: string, error: AwsError): OutgoingResponse;
  /** Response for a path this service owns but no route matches. */
  unknownOperation(requestId: string, method: string, rawPath: string): OutgoingResponse;
}
