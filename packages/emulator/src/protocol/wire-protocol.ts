import type { AwsError } from './aws-error.js';
import type { OutgoingResponse } from './http-types.js';
import type { SessionFailure } from './session-credentials.js';
import type { SigV4Failure } from './sigv4.js';

/**
 * An AWS wire protocol as the emulator's core sees it: how an error goes on the wire, and which codes
 * the protocol's services answer for the failures the core itself finds (a refused browser request, a
 * bad signature) before any operation runs. Each service module names its protocol; the core never
 * asks which service it is talking for.
 */
export interface WireProtocol {
  readonly name: 'rest-json' | 'rest-xml' | 'query';
  readonly codes: CoreErrorCodes;
  /** The protocol's one error writer. */
  errorResponse(requestId: string, error: AwsError): OutgoingResponse;
}

export interface CoreErrorCodes {
  /**
   * A caller the emulator refuses (browser guard). [inf] AWS's front ends answer a refused caller 403
   * `AccessDenied` (XML protocols) / `AccessDeniedException` (JSON); the exact code for this case is
   * not documented.
   */
  accessDenied: string;
  /** The 403 code for each SigV4 failure (`EMULATOR_AUTH=sigv4`). */
  sigV4: Readonly<Record<SigV4Failure, string>>;
  /**
   * The code for each refusal of temporary credentials (`session-credentials.ts`), always 403. An
   * expired session: `ExpiredToken` over the XML protocols (403 [obs: cfn-sphere#55 full IAM query XML;
   * aws/aws-sdk-java-v2#1649 "Status Code: 403" from STS]) and `ExpiredTokenException` over JSON ([inf]:
   * the JSON services' spelling; STS's own model declares that name for its 400 on expired web-identity
   * tokens, a different case). A token that is not the key's: the same codes as an unknown key.
   */
  session: Readonly<Record<SessionFailure, string>>;
}

/** What JSON services (SES v2) answer: the `…Exception` names. */
export const JSON_CORE_CODES: CoreErrorCodes = {
  accessDenied: 'AccessDeniedException',
  sigV4: {
    missing: 'MissingAuthenticationTokenException',
    'unknown-key': 'UnrecognizedClientException',
    'bad-signature': 'InvalidSignatureException',
    expired: 'InvalidSignatureException',
    'not-yet-valid': 'InvalidSignatureException',
  },
  session: { expired: 'ExpiredTokenException', invalid: 'UnrecognizedClientException' },
};

/** What XML services (Route 53 over REST-XML; SES v1, SNS, STS over query) answer. */
export const XML_CORE_CODES: CoreErrorCodes = {
  accessDenied: 'AccessDenied',
  sigV4: {
    missing: 'MissingAuthenticationToken',
    'unknown-key': 'InvalidClientTokenId',
    'bad-signature': 'SignatureDoesNotMatch',
    expired: 'SignatureDoesNotMatch',
    'not-yet-valid': 'SignatureDoesNotMatch',
  },
  session: { expired: 'ExpiredToken', invalid: 'InvalidClientTokenId' },
};
