import { AppError } from '../errors/app-error.js';
import { AttemptHistory } from '../errors/attempt-outcome.js';
import { mapAwsError } from '../errors/aws-error-map.js';

/** One SES call of a change made of several, described for a person ("Removed tags: env"). */
export interface ChangeStep {
  description: string;
  run(): Promise<unknown>;
}

/** What is known after a step failed: the steps that answered success, the failed one, the rest. */
export interface StepFailure {
  error: unknown;
  applied: string[];
  failed: string;
  /** The failed step's call may have run (5xx, timeout, reset): it may have been applied. */
  failedMayHaveRun: boolean;
  notAttempted: string[];
}

/**
 * Runs the steps in order and stops at the first failure. Resolves when all succeeded; otherwise
 * rejects with a StepFailure (not yet an HTTP error: the caller may first re-read what was applied).
 */
export async function runSteps(steps: readonly ChangeStep[]): Promise<void> {
  const applied: string[] = [];
  for (const [index, step] of steps.entries()) {
    try {
      await step.run();
    } catch (error) {
      const failure: StepFailure = {
        error,
        applied,
        failed: step.description,
        failedMayHaveRun: AttemptHistory.ofSdkCall(error).mayHaveRun,
        notAttempted: steps.slice(index + 1).map((s) => s.description),
      };
      throw failure;
    }
    applied.push(step.description);
  }
}

export function isStepFailure(value: unknown): value is StepFailure {
  return typeof value === 'object' && value !== null && 'failed' in value && 'notAttempted' in value;
}

/**
 * The answer to a change that failed part-way: the failed call's error (503, 429, …) saying what was
 * applied and what not. `known` replaces the step-based lists when the caller re-read the state. When
 * nothing was (or may have been) applied, it is the plain error: nothing half done to report.
 */
export function partialChangeError(
  failure: StepFailure,
  known?: { applied: string[]; notApplied: string[] },
): unknown {
  const mapped = mapAwsError(failure.error);
  if (!(mapped instanceof AppError)) return mapped;
  if (known) return known.applied.length === 0 ? mapped : mapped.withPartial(known.applied, known.notApplied);
  if (failure.applied.length === 0 && !failure.failedMayHaveRun) return mapped;
  const failed = failure.failedMayHaveRun
    ? `${failure.failed} (may have been applied: SES's answer was lost)`
    : failure.failed;
  return mapped.withPartial(failure.applied, [failed, ...failure.notAttempted]);
}
