import type { ErrorEnvelope, FieldError } from '@ses-console/contract';

/** A non-2xx BFF answer, carrying the error envelope so callers can show its code, message and fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(status: number, envelope: ErrorEnvelope['error'] | undefined, fallback: string) {
    super(envelope?.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = envelope?.code ?? 'HttpError';
    this.requestId = envelope?.requestId;
    this.fieldErrors = envelope?.fieldErrors ?? [];
  }
}

let baseUrl = '';

/** The origin the API lives on; empty means "same origin as the page". Tests point it at a local server. */
export function setApiBaseUrl(url: string): void {
  baseUrl = url.replace(/\/$/, '');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isEnvelope(value: unknown): value is ErrorEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as { error: unknown }).error === 'object'
  );
}

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
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

/** A message for a Flashbar or Alert: the server's words plus its request id, for support. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    return error.requestId ? `${error.message} (request id ${error.requestId})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
