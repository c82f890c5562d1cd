/**
 * Marks every error an SDK client throws with the service's name and how long the call took, retries
 * included, so the error map can say "SES did not answer after 6 attempts over 4.2 s" without each
 * service passing that along.
 */
export interface UpstreamErrorTag {
  $upstreamService?: string;
  $elapsedMs?: number;
}

interface StackClient {
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

export function tagUpstreamErrors<C>(client: C, service: string): C {
  (client as unknown as StackClient).middlewareStack.add(
    (next) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } catch (error) {
        if (error && typeof error === 'object') {
          Object.assign(error, {
            $upstreamService: service,
            $elapsedMs: Math.round(performance.now() - started),
          } satisfies UpstreamErrorTag);
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'sesConsoleUpstreamErrorTag' },
  );
  return client;
}
