import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/api-client';

/** What is wrong with a form's values, by field (validation as data). */
export type FieldErrors<F extends string> = Partial<Record<F, string | undefined>>;

/** What a Cloudscape control's ref offers (Input, Textarea, Select, Checkbox, RadioGroup, Button…). */
export interface Focusable {
  focus(): void;
}

export interface FormSubmissionOptions<F extends string> {
  /** The form's fields in the order they are shown: after a failed submit the first invalid one gets focus. */
  fields: readonly F[];
  /** What is wrong with the values now (recomputed every render); shown once the user submitted. */
  clientErrors: FieldErrors<F>;
  /** The field that shows a BFF field error (by its request path); undefined: the form's alert tells it. */
  fieldForPath?(path: string): F | undefined;
}

/**
 * Where each BFF field error of a failed request belongs: the first message per field; errors no
 * field shows are left to the form's alert (which shows the envelope's message anyway).
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fieldForPath: ((path: string) => F | undefined) | undefined,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  if (!(error instanceof ApiError) || !fieldForPath) return errors;
  for (const fieldError of error.fieldErrors) {
    const field = fieldForPath(fieldError.field);
    if (field) errors[field] ??= fieldError.message;
  }
  return errors;
}

/**
 * Whether a failed request's message only repeats what its fields now show (a 400 the BFF summarises
 * as "<field>: <rule>", a 409 on the name): then the form's alert would say it a second time.
 */
function onlyRepeatsFields<F extends string>(
  error: unknown,
  fieldForPath: ((path: string) => F | undefined) | undefined,
): boolean {
  if (
    !(error instanceof ApiError) ||
    error.partlyApplied ||
    error.fieldErrors.length === 0 ||
    !fieldForPath
  ) {
    return false;
  }
  if (!error.fieldErrors.every((f) => fieldForPath(f.field) !== undefined)) return false;
  return error.fieldErrors.some(
    (f) => error.message === f.message || error.message === `${f.field}: ${f.message}`,
  );
}

/**
 * One submit flow for every form: client validation first (nothing is sent while a field is
 * invalid), then the request; a failed request's envelope is split into field errors (under their
 * fields) and the failure itself (the form's alert, with what was applied when it was applied in
 * part; none when the fields already say all of it). After a failed submit, focus moves to the first
 * invalid field.
 */
export function useFormSubmission<F extends string>(options: FormSubmissionOptions<F>) {
  const { fields, clientErrors, fieldForPath } = options;
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [serverErrors, setServerErrors] = useState<FieldErrors<F>>({});
  const controls = useRef(new Map<F, Focusable | null>());
  const refCallbacks = useRef(new Map<F, (control: Focusable | null) => void>());
  // A new object per failed submit, so the same field gets focus again after a second failure.
  const [focusTarget, setFocusTarget] = useState<{ field: F } | undefined>(undefined);

  const errors: FieldErrors<F> = {};
  for (const field of fields) {
    const message = serverErrors[field] ?? (submitted ? clientErrors[field] : undefined);
    if (message) errors[field] = message;
  }

  // After the render that shows a failed submit's errors (the control may have just appeared).
  useEffect(() => {
    if (focusTarget) controls.current.get(focusTarget.field)?.focus();
  }, [focusTarget]);

  const focusFirstOf = (invalid: FieldErrors<F>) => {
    const first = fields.find((field) => invalid[field]);
    if (first) setFocusTarget({ field: first });
  };

  /** A stable ref for a field's control, so focus can move to it. */
  const fieldRef = useCallback((field: F) => {
    let callback = refCallbacks.current.get(field);
    if (!callback) {
      callback = (control) => controls.current.set(field, control);
      refCallbacks.current.set(field, callback);
    }
    return callback;
  }, []);

  /** Forgets an earlier attempt (a form opened anew). */
  const reset = useCallback(() => {
    setSubmitted(false);
    setFailure(undefined);
    setServerErrors({});
  }, []);

  /** The values changed: the server's field errors were about the old ones. */
  const clearServerErrors = useCallback(() => setServerErrors({}), []);

  /**
   * Validates, then runs `send`. Resolves `{ ok: true, value }` when it succeeded; `{ ok: false }`
   * when a field is invalid or the request failed (the failure is kept for the form's alert).
   */
  async function submit<T>(send: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    setSubmitted(true);
    setFailure(undefined);
    setServerErrors({});
    if (Object.values(clientErrors).some(Boolean)) {
      focusFirstOf(clientErrors);
      return { ok: false };
    }
    setSubmitting(true);
    try {
      return { ok: true, value: await send() };
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, fieldForPath);
      // Said once: under the fields when that is all there is to say, else (also) in the form's alert.
      setFailure(onlyRepeatsFields(error, fieldForPath) ? undefined : error);
      setServerErrors(fieldErrors);
      focusFirstOf(fieldErrors);
      return { ok: false };
    } finally {
      setSubmitting(false);
    }
  }

  return { errors, failure, submitting, submitted, submit, reset, clearServerErrors, fieldRef };
}
