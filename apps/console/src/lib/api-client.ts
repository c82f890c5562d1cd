import type { ErrorEnvelope, FieldError } from '@ses-console/contract';
import { humanizeTimes } from './format-time';

/** A non-2xx BFF answer, carrying the error envelope so callers can show its code, message and fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  /** A change that failed part-way: what was applied and what not (empty when nothing was). */
  readonly applied: string[];
  readonly notApplied: string[];

  constructor(status: number, envelope: ErrorEnvelope['error'] | undefined, fallback: string) {
    super(envelope?.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = envelope?.code ?? 'HttpError';
    this.requestId = envelope?.requestId;
    this.fieldErrors = envelope?.fieldErrors ?? [];
    this.applied = envelope?.applied ?? [];
    this.notApplied = envelope?.notApplied ?? [];
  }

  /** Part of the change was applied before it failed (or was overtaken by another change). */
  get partlyApplied(): boolean {
    return this.applied.length > 0;
  }
}

let baseUrl = '';
/** The session's CSRF token; fetched from `GET /api/session` before the first change. */
let csrfToken: string | undefined;
let csrfTokenRequest: Promise<string> | undefined;

/** The origin the API lives on; empty means "same origin as the page". Tests point it at a local server. */
export function setApiBaseUrl(url: string): void {
  baseUrl = url.replace(/\/$/, '');
  csrfToken = undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What `GET /api/session` answered: remembered so the next change can send its token. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function currentCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  csrfTokenRequest ??= apiRequest<{ csrfToken: string }>('GET', '/api/session')
    .then((session) => {
      csrfToken = session.csrfToken;
      return session.csrfToken;
    })
    .finally(() => {
      csrfTokenRequest = undefined;
    });
  return csrfTokenRequest;
}

function isEnvelope(value: unknown): value is ErrorEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as { error: unknown }).error === 'object'
  );
}

/**
 * One call of the BFF. Every change (POST, PUT, PATCH, DELETE) carries the session's CSRF token as
 * `x-csrf-token`; when the BFF says the token is stale (a new session), it is fetched again and the
 * call repeated once.
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  retried = false,
): Promise<T> {
  const headers: Record<string, string> =
    body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' };
  const changes = method !== 'GET';
  if (changes) headers['x-csrf-token'] = await currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, undefined, `Could not reach the server (${(cause as Error).message})`);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const envelope = isEnvelope(parsed) ? parsed.error : undefined;
    if (changes && !retried && response.status === 403 && envelope?.code === 'CsrfTokenInvalid') {
      csrfToken = undefined;
      return apiRequest<T>(method, path, body, true);
    }
    throw new ApiError(
      response.status,
      isEnvelope(parsed) ? parsed.error : undefined,
      `Request failed with HTTP ${response.status}`,
    );
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/**
 * A message for a Flashbar or Alert: the server's words (times in them as people read them) plus its
 * request id, for support.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const message = humanizeTimes(error.message);
    return error.requestId ? `${message} (request id ${error.requestId})` : message;
  }
  return error instanceof Error ? error.message : String(error);
}
