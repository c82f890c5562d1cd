/**
 * Marks every error an SDK client throws with the service's name and how long the call took, retries
 * included, so the error map can say "SES did not answer after 6 attempts over 4.2 s" without each
 * service passing that along; and keeps the errors of the attempts the SDK repeated, which its retry
 * loop otherwise hides: whether an earlier attempt may have run decides what a repeat's answer means
 * (errors/attempt-outcome.ts).
 */
export interface UpstreamErrorTag {
  $upstreamService?: string;
  $elapsedMs?: number;
  /** The errors of the attempts before the one thrown, in order (not enumerable: never logged or sent). */
  $earlierAttemptErrors?: unknown[];
}

type Handler = (args: unknown) => Promise<unknown>;
type Middleware = (next: Handler, context: Record<string | symbol, unknown>) => Handler;

interface StackClient {
  middlewareStack: {
    add(middleware: Middleware, options: { step: 'initialize'; name: string }): void;
    addRelativeTo(
      middleware: Middleware,
      options: { relation: 'after'; toMiddleware: string; name: string },
    ): void;
  };
}

/** Where one call's attempt errors are collected, on the SDK's per-call handler context. */
const ATTEMPTS = Symbol('sesConsoleAttemptErrors');

export function tagUpstreamErrors<C>(client: C, service: string): C {
  const stack = (client as unknown as StackClient).middlewareStack;
  stack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      const attempts: unknown[] = [];
      context[ATTEMPTS] = attempts;
      try {
        return await next(args);
      } catch (error) {
        if (error && typeof error === 'object') {
          Object.assign(error, {
            $upstreamService: service,
            $elapsedMs: Math.round(performance.now() - started),
          } satisfies UpstreamErrorTag);
          Object.defineProperty(error, '$earlierAttemptErrors', {
            value: attempts.filter((attempt) => attempt !== error),
            enumerable: false,
            configurable: true,
          });
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'sesConsoleUpstreamErrorTag' },
  );
  // Inside the SDK's retry loop: runs once per attempt and sees each attempt's own error.
  stack.addRelativeTo(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        (context[ATTEMPTS] as unknown[] | undefined)?.push(error);
        throw error;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'sesConsoleAttemptLog' },
  );
  return client;
}
