import type { FieldError } from '@ses-console/contract';
import { AppError } from './app-error.js';

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The 400 for a path whose percent-encoding is broken (`%zz`, a lone `%`): Express cannot decode the
 * parameter and would otherwise end in a 500. It names the route parameter the bad segment stands for,
 * found by matching the path against the route templates, or `path` when no template matches.
 */
export function malformedPathError(rawPath: string, templates: readonly string[]): AppError {
  const segments = rawPath.split('/');
  const bad = segments.findIndex((s) => !decodes(s));
  let field = 'path';
  for (const template of templates) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    const matches = parts.every((part, i) => part.startsWith(':') || part === segments[i]);
    const name = parts[bad];
    if (matches && name?.startsWith(':')) {
      field = name.slice(1);
      break;
    }
  }
  const message = 'must be percent-encoded correctly (a % must be followed by two hex digits)';
  const fieldErrors: FieldError[] = [{ field, message }];
  return AppError.badRequest(`${field}: ${message}`, fieldErrors);
}
