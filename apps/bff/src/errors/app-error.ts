import type { FieldError, Role } from '@ses-console/contract';

/**
 * The one error type services throw. The error middleware turns it into the contract's envelope;
 * `message` is shown to the user, so it must never carry internals (stack, endpoint, credentials).
 */
export class AppError extends Error {
  /** 403 for a missing role: the role the route needs (named in the envelope). */
  requiredRole?: Role;
  /** 403 for a missing role: the account (id) the role is missing in, when the request acts in one. */
  account?: string;
  /**
   * A change of several steps that failed part-way: what was applied and what not, one sentence
   * each (the envelope's `applied` / `notApplied`).
   */
  partial?: { applied: string[]; notApplied: string[] };

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(message: string, fieldErrors?: FieldError[]): AppError {
    return new AppError(400, 'ValidationError', message, fieldErrors);
  }

  static notFound(message: string): AppError {
    return new AppError(404, 'NotFound', message);
  }

  /** This error, for a change that was applied in part: says so, and what was and was not applied. */
  withPartial(applied: string[], notApplied: string[]): AppError {
    const error = new AppError(
      this.status,
      this.code,
      `Only part of the change was applied. ${this.message}`,
      this.fieldErrors,
    );
    error.partial = { applied, notApplied };
    return error;
  }
}
