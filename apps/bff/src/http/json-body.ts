import express, { type RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';

/**
 * Deepest JSON nesting the API accepts. The deepest body a route takes is three levels (`tags[i].key`);
 * anything near this is an attack on recursive code further on (hashing, logging, validation).
 */
export const MAX_JSON_DEPTH = 32;

/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) {
    return 'must be valid Unicode text (it contains a lone surrogate, which UTF-8 cannot encode)';
  }
  return undefined;
}

const MEMBER = /^[A-Za-z_$][\w$-]*$|^\d+$/;

/** `tags.0.value` for the member's path; `body` when the path does not start with a plain member name. */
function fieldOf(path: readonly string[]): string {
  const first = path[0];
  if (first === undefined || !/^[A-Za-z_$]/.test(first) || !MEMBER.test(first)) return 'body';
  const plain: string[] = [];
  for (const segment of path) {
    if (!MEMBER.test(segment)) break;
    plain.push(segment);
  }
  return plain.join('.');
}

function rejected(field: string, rule: string): AppError {
  return AppError.badRequest(`${field}: ${rule}`, [{ field, message: rule }]);
}

/**
 * Checks a parsed body without recursion (so a deep body cannot overflow the stack here): nesting at
 * most MAX_JSON_DEPTH, and every string and member name free of NUL and lone surrogates, which no SES
 * name or text can hold and which PostgreSQL and UTF-8 cannot store. Throws a 400 naming the member.
 */
export function checkJsonValue(value: unknown): void {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof current === 'string') {
      const problem = problemOf(current);
      if (problem) throw rejected(fieldOf(path), problem);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) {
      throw rejected('body', `must not nest objects and arrays more than ${MAX_JSON_DEPTH} levels deep`);
    }
    const entries = Array.isArray(current)
      ? current.map((item, index) => [String(index), item] as const)
      : Object.entries(current as Record<string, unknown>);
    for (const [key, item] of entries) {
      const keyProblem = problemOf(key);
      if (keyProblem) throw rejected(fieldOf(path), `member names ${keyProblem}`);
      stack.push({ value: item, path: [...path, key] });
    }
  }
}

/**
 * `express.json` plus `checkJsonValue` on what it parsed. A body that does not decompress as its
 * Content-Encoding says fails inside zlib, whose error has no body-parser `type`: it is tagged
 * `encoding.failed` here (every error out of the parser is about the body) for the error middleware.
 */
export function jsonBody(limit: string): RequestHandler[] {
  const parse = express.json({ limit });
  return [
    (req, res, next) => {
      parse(req, res, (error?: unknown) => {
        if (error && typeof error === 'object' && !('type' in error)) {
          Object.assign(error, { type: 'encoding.failed' });
        }
        next(error);
      });
    },
    (req, _res, next) => {
      if (req.body !== undefined) checkJsonValue(req.body);
      next();
    },
  ];
}
