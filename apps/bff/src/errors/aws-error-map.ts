import { AppError } from './app-error.js';

/**
 * With attempt-outcome.ts, the only place that reads AWS SDK errors. SES (v2 and v1), SNS and Route 53 error codes
 * become the BFF's status codes; AWS's own message is kept for the user's mistakes (4xx) and replaced
 * by a generic one for anything else, so endpoints, account details or stack traces never reach a
 * browser. (What a failure says about whether the call ran is attempt-outcome.ts's question.)
 */
export interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; attempts?: number; totalRetryDelay?: number };
  $fault?: unknown;
  /** Set by clients/upstream-error-tag.ts. */
  $upstreamService?: string;
  $elapsedMs?: number;
}

/** Socket-level failures: the service was not reached or did not answer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

const NOT_FOUND = new Set([
  'NotFoundException',
  'NoSuchHostedZone',
  'NoSuchChange',
  'NotFound', // JS v3 name for a 404 without a code
]);
const ALREADY_EXISTS = new Set(['AlreadyExistsException', 'HostedZoneAlreadyExists']);
const BAD_REQUEST = new Set([
  'BadRequestException',
  'InvalidChangeBatch',
  'InvalidInput',
  'InvalidDomainName',
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'InvalidNextTokenException',
  'SerializationException',
  'ValidationException',
  // SES v1 (query protocol): its common error for a refused value, e.g. disabling feedback forwarding
  // without Bounce and Complaint topics, or a topic SES cannot use; AWS's message says which.
  'InvalidParameterValue',
  // SNS: `InvalidParameter` / `ParameterValueInvalid` as the JS SDK names them.
  'InvalidParameterException',
  'InvalidParameterValueException',
]);
/**
 * A rate was exceeded: the service refused the call before running it, and a repeat later may pass.
 * (Route 53's PriorRequestNotComplete: "still processing a prior request", nothing done.)
 */
const THROTTLE_NAMES = new Set([
  'TooManyRequestsException',
  'Throttling',
  'ThrottlingException',
  'PriorRequestNotComplete',
  'ThrottledException', // SNS
]);
/** A quota (e.g. identities per region, topics per account), not a rate: refused, and repeating will not help. */
const QUOTA_EXCEEDED = new Set(['LimitExceededException', 'TopicLimitExceededException']);

export function awsErrorName(error: unknown): string | undefined {
  if (error && typeof error === 'object' && '$metadata' in error) {
    const name = (error as SdkErrorShape).name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

function awsMessage(error: SdkErrorShape): string {
  return typeof error.message === 'string' && error.message.length > 0 ? error.message : 'Request failed';
}

export function isAwsNotFound(error: unknown): boolean {
  const name = awsErrorName(error);
  return name !== undefined && NOT_FOUND.has(name);
}

export function isAwsAlreadyExists(error: unknown): boolean {
  const name = awsErrorName(error);
  return name !== undefined && ALREADY_EXISTS.has(name);
}

/** The service throttled the call (a rate, not a quota): it was refused before it ran. */
export function isAwsThrottle(error: unknown): boolean {
  const name = awsErrorName(error);
  if (name === undefined) return false;
  if (THROTTLE_NAMES.has(name)) return true;
  return !QUOTA_EXCEEDED.has(name) && (error as SdkErrorShape).$metadata?.httpStatusCode === 429;
}

/** "after 6 attempts over 4.2 s" — what the SDK tried before giving up. */
function triedFor(error: SdkErrorShape): string {
  const attempts = error.$metadata?.attempts ?? 1;
  const seconds = ((error.$elapsedMs ?? error.$metadata?.totalRetryDelay ?? 0) / 1000).toFixed(1);
  return `after ${attempts} attempt${attempts === 1 ? '' : 's'} over ${seconds} s`;
}

/**
 * SES or Route 53 is down, failing or too slow (5xx, refused connection, timeout) and the SDK's retries
 * are spent: a 503 (504 for timeouts) that says so, instead of a bare "bad gateway".
 */
function unavailable(name: string, error: SdkErrorShape): AppError | undefined {
  const status = error.$metadata?.httpStatusCode;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const service = error.$upstreamService ?? 'AWS';
  if (TIMEOUT_NAMES.has(name) || code === 'ETIMEDOUT') {
    return new AppError(
      504,
      'UpstreamTimeout',
      `${service} did not answer in time ${triedFor(error)}; try again later.`,
    );
  }
  const serverFault = typeof status === 'number' && status >= 500;
  const networkFault = status === undefined && code !== undefined && NETWORK_CODES.has(code);
  if (!serverFault && !networkFault) return undefined;
  return new AppError(
    503,
    'ServiceUnavailable',
    `${service} did not answer ${triedFor(error)}; try again later.`,
  );
}

/**
 * A create that SES refused because the name is taken (`AlreadyExists`, however it was mapped): the
 * 409 names the request field that holds the name, with a sentence of ours, so a form shows it under
 * that field instead of AWS's "Email identity x already exist." at the bottom of the page. Any other
 * error is returned untouched.
 */
export function alreadyExistsOnField(error: unknown, field: string, message: string): unknown {
  const mapped = mapAwsError(error);
  if (!(mapped instanceof AppError) || mapped.code !== 'AlreadyExists') return error;
  return new AppError(409, 'AlreadyExists', message, [{ field, message }]);
}

/** Maps an SDK error to an AppError; anything that is not an SDK error is returned untouched. */
export function mapAwsError(error: unknown): unknown {
  const name = awsErrorName(error);
  if (name === undefined) return error;
  const sdk = error as SdkErrorShape;
  if (NOT_FOUND.has(name)) return new AppError(404, 'NotFound', awsMessage(sdk));
  if (ALREADY_EXISTS.has(name)) return new AppError(409, 'AlreadyExists', awsMessage(sdk));
  if (QUOTA_EXCEEDED.has(name)) return new AppError(429, 'LimitExceeded', awsMessage(sdk));
  if (isAwsThrottle(error)) {
    const retried = (sdk.$metadata?.attempts ?? 1) > 1;
    return new AppError(
      429,
      'TooManyRequests',
      retried
        ? `${sdk.$upstreamService ?? 'AWS'} kept throttling requests (${awsMessage(sdk)}) ${triedFor(sdk)}; try again later.`
        : awsMessage(sdk),
    );
  }
  if (BAD_REQUEST.has(name)) return new AppError(400, name.replace(/Exception$/, ''), awsMessage(sdk));
  const status = sdk.$metadata?.httpStatusCode;
  const down = unavailable(name, sdk);
  if (down) return down;
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || status === 403) {
    return new AppError(
      502,
      'UpstreamAccessDenied',
      'The AWS credentials of the BFF are not allowed to do this.',
    );
  }
  return new AppError(502, 'UpstreamError', 'The AWS service did not answer as expected. Try again later.');
}

/** Runs an SDK call and rethrows its failure as an AppError. */
export async function callAws<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mapAwsError(error);
  }
}

/** A short, safe description of a failure for per-item results (bulk delete, create steps). */
export function describeFailure(error: unknown): string {
  const mapped = mapAwsError(error);
  if (mapped instanceof AppError) return mapped.message;
  return 'Unexpected error';
}
