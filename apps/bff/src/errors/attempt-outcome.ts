import { AccountUnavailableError } from './account-unavailable.js';
import { AppError } from './app-error.js';
import { isAwsThrottle, mapAwsError, type SdkErrorShape } from './aws-error-map.js';

/**
 * What one failed attempt of an SDK call says about whether it ran at SES (or Route 53). The one rule
 * every repeat is read by — the SDK's own retries (clients/upstream-error-tag.ts keeps their errors)
 * and the services' own (bulk delete):
 * - `throttled`: the service refused it before running it (TooManyRequests, Throttling, 429);
 * - `not-sent`: it never reached the service (refused connection, unknown host, no route, no
 *   connection within the connect timeout);
 * - `may-have-run`: it was sent and no answer says what happened (5xx — the service may have done the
 *   work and failed after, as with a lost answer —, a response timeout, a reset or broken connection,
 *   a call abandoned in flight);
 * - `rejected`: the service answered a client error (4xx): it did not do the work.
 */
export type AttemptFailure = 'throttled' | 'not-sent' | 'may-have-run' | 'rejected';

/** Socket errors raised before a request is written: the service never saw it. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * @smithy/node-http-handler's connect timeout (no socket within `connectionTimeout`): a TimeoutError
 * without a code, unlike its response timeout (`ETIMEDOUT`) and socket-idle timeout (sent). The
 * message is the only difference the handler leaves (checked against @smithy/node-http-handler 4.14).
 */
function isConnectTimeout(error: SdkErrorShape): boolean {
  return (
    error.name === 'TimeoutError' &&
    error.code === undefined &&
    typeof error.message === 'string' &&
    error.message.includes('did not establish a connection')
  );
}

export function classifyAttempt(error: unknown): AttemptFailure {
  if (isAwsThrottle(error)) return 'throttled';
  // The account's credentials could not be had: the request was never signed, let alone sent.
  if (error instanceof AccountUnavailableError) return 'not-sent';
  const e = (error && typeof error === 'object' ? error : {}) as SdkErrorShape;
  if (typeof e.code === 'string' && NOT_SENT_CODES.has(e.code)) return 'not-sent';
  if (isConnectTimeout(e)) return 'not-sent';
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return 'may-have-run';
  if (typeof status === 'number' && status >= 400) return 'rejected';
  // No HTTP answer at all: a timeout, a reset, an abandoned call, anything else on the wire.
  return 'may-have-run';
}

/** Why an attempt that may have run left no answer, for a person ("SES did not answer in time"). */
export function describeUnanswered(error: unknown, service = 'SES'): string {
  const e = (error && typeof error === 'object' ? error : {}) as SdkErrorShape;
  if (e.name === 'AbortError') return `${service} had not answered when the request ran out of time`;
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') return `${service} did not answer in time`;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return `${service} answered a server error (${status})`;
  return `the connection to ${service} broke before its answer came`;
}

/** Set (not enumerable) by clients/upstream-error-tag.ts on an SDK call's final error. */
interface AttemptLog {
  $earlierAttemptErrors?: unknown[];
}

/** The failed attempts of one logical call, in order, the last one included. */
export class AttemptHistory {
  private readonly failures: AttemptFailure[] = [];
  /** The latest attempt that may have run: what to name when the outcome is unknown. */
  lastMayHaveRun: unknown;

  /** The attempts of one SDK call (its retries included), read from the error it finally threw. */
  static ofSdkCall(error: unknown): AttemptHistory {
    const history = new AttemptHistory();
    const earlier = (error as AttemptLog | undefined)?.$earlierAttemptErrors ?? [];
    for (const attempt of earlier) history.record(attempt);
    history.record(error);
    return history;
  }

  /** Adds one failed attempt; answers its class. */
  record(error: unknown): AttemptFailure {
    const failure = classifyAttempt(error);
    this.failures.push(failure);
    if (failure === 'may-have-run') this.lastMayHaveRun = error;
    return failure;
  }

  get failedAttempts(): number {
    return this.failures.length;
  }

  /** Some attempt may have done the work. */
  get mayHaveRun(): boolean {
    return this.failures.includes('may-have-run');
  }

  /** Some attempt before the last may have done the work. */
  get earlierMayHaveRun(): boolean {
    return this.failures.slice(0, -1).includes('may-have-run');
  }
}

/**
 * How a change that ended in an error came out, read against all its attempts:
 * - `done-earlier`: the last answer says the wanted state holds (NotFound to a delete, AlreadyExists
 *   to a create) and an earlier attempt may have run: that attempt did it, its answer was lost;
 * - `already`: the wanted state holds but no attempt can have made it so: it held before (the name
 *   never existed, someone else's identity has it) — never this request's success;
 * - `unknown`: an attempt may have run and no later answer says what it did;
 * - `not-done`: no attempt ran (throttled, rejected, never sent).
 */
export type FailedChangeOutcome = 'done-earlier' | 'already' | 'unknown' | 'not-done';

export function outcomeOfFailedChange(
  history: AttemptHistory,
  lastError: unknown,
  wantedStateHolds: (error: unknown) => boolean,
): FailedChangeOutcome {
  if (wantedStateHolds(lastError)) return history.earlierMayHaveRun ? 'done-earlier' : 'already';
  return history.mayHaveRun ? 'unknown' : 'not-done';
}

/** `outcomeOfFailedChange` for a change made by one SDK call, its own retries being the attempts. */
export function outcomeOfFailedSdkCall(
  error: unknown,
  wantedStateHolds: (error: unknown) => boolean,
): FailedChangeOutcome {
  return outcomeOfFailedChange(AttemptHistory.ofSdkCall(error), error, wantedStateHolds);
}

/**
 * What a change that did not come out as wanted answers: the mapped SDK error (404, 409, 429, 503 …);
 * when its outcome is `unknown` the message adds `mayHaveRun`, the sentence telling the user to look
 * before repeating it ("The delete may have run: reload …").
 */
export function failedChangeError(error: unknown, outcome: FailedChangeOutcome, mayHaveRun: string): unknown {
  const mapped = mapAwsError(error);
  if (outcome !== 'unknown' || !(mapped instanceof AppError)) return mapped;
  return new AppError(mapped.status, mapped.code, `${mapped.message} ${mayHaveRun}`, mapped.fieldErrors);
}
