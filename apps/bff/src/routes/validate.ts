import type { FieldError } from '@ses-console/contract';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

function fieldName(path: readonly PropertyKey[], prefix?: string): string {
  const parts = path.map(String);
  if (prefix) parts.unshift(prefix);
  return parts.length > 0 ? parts.join('.') : 'body';
}

/** Parses input with a contract schema; a failure is a 400 whose `fieldErrors` name each field and rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.map((issue) => ({
    field: fieldName(issue.path, prefix),
    message: issue.message,
  }));
  const first = fieldErrors[0];
  const summary = first ? `${first.field}: ${first.message}` : 'The request is not valid.';
  throw AppError.badRequest(summary, fieldErrors);
}

/** Parses one path parameter, naming it in the error. */
export function parseParam<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors = result.error.issues.map((issue) => ({ field: name, message: issue.message }));
  throw AppError.badRequest(`${name}: ${fieldErrors[0]?.message ?? 'invalid'}`, fieldErrors);
}
