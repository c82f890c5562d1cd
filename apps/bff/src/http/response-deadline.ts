import { ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { requestIdOf } from '../errors/error-middleware.js';

interface DeadlineState {
  /** The handler's answer is on its way (ended, or held back briefly by the audit log). */
  answering: boolean;
  /** The deadline answered the caller (504); whatever the handler does now goes nowhere. */
  answered: boolean;
  /** Run (and awaited) before the 504 leaves: the audit log marks the entry. */
  hooks: Array<() => Promise<void>>;
  /** After the deadline: the status the handler set (Express's default 200 until it sets one). */
  handlerStatus: number;
  /** The 504 itself is being written (Node sets `statusCode` on the way). */
  sending504: boolean;
}

const states = new WeakMap<Response, DeadlineState>();

/** The handler's answer is being held back (the audit log completing its entry): the deadline must not answer over it. */
export function markAnswering(res: Response): void {
  const state = states.get(res);
  if (state) state.answering = true;
}

/** True when the deadline answered 504 before the handler did: its answer from now on goes nowhere. */
export function deadlineAnswered(res: Response): boolean {
  return states.get(res)?.answered ?? false;
}

/** What the handler answered (after the deadline: what it set, not the 504 the caller got). */
export function handlerStatus(res: Response): number {
  const state = states.get(res);
  return state?.answered ? state.handlerStatus : res.statusCode;
}

/** `hook` runs when the deadline answers, before the 504 leaves (no-op without a deadline). */
export function onDeadline(res: Response, hook: () => Promise<void>): void {
  states.get(res)?.hooks.push(hook);
}

function timeoutMessage(ms: number): string {
  return `The request did not finish within ${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s (AWS is slow or not answering); try again later.`;
}

/**
 * From now on the handler writes into nothing, but keeps working as if it still had the response
 * (Express's `res.json`, the error middleware): so it finishes, and the audit log learns what it
 * really did. Only the status it sets is kept; `res.statusCode` says 504 (what the caller got, for
 * the request log).
 */
function detach(res: Response, state: DeadlineState): void {
  state.handlerStatus = res.statusCode;
  const self = () => res;
  const ignore = (...args: unknown[]) => {
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  };
  Object.defineProperties(res, {
    statusCode: {
      configurable: true,
      get: () => 504,
      set: (status: number) => {
        if (!state.sending504) state.handlerStatus = status;
      },
    },
    headersSent: { configurable: true, get: () => false },
    setHeader: { configurable: true, writable: true, value: self },
    appendHeader: { configurable: true, writable: true, value: self },
    removeHeader: { configurable: true, writable: true, value: () => {} },
    flushHeaders: { configurable: true, writable: true, value: () => {} },
    write: { configurable: true, writable: true, value: ignore },
    writeHead: {
      configurable: true,
      writable: true,
      value: (status: number) => {
        state.handlerStatus = status;
        return res;
      },
    },
  });
}

/** Writes the 504 envelope past the detached methods (straight to Node's response). */
function send504(req: Request, res: Response, state: DeadlineState, ms: number): void {
  if (res.destroyed || res.writableEnded) return;
  const body = JSON.stringify({
    error: { code: 'RequestTimeout', message: timeoutMessage(ms), requestId: requestIdOf(req) },
  });
  const raw = ServerResponse.prototype;
  raw.setHeader.call(res, 'content-type', 'application/json; charset=utf-8');
  raw.setHeader.call(res, 'content-length', Buffer.byteLength(body));
  state.sending504 = true;
  try {
    raw.writeHead.call(res, 504, {});
  } finally {
    state.sending504 = false;
  }
  raw.end.call(res, body, 'utf8');
}

/**
 * A client-visible time limit for API calls: if a handler has not answered within `ms` (SES or Route 53
 * slow or down, retries still running), the caller gets a 504 envelope saying so instead of a hanging
 * request. The handler keeps running to its end (a change already under way is not abandoned half
 * done); what it answers then goes nowhere, but `handlerStatus` and the audit log see it, so the
 * entry of a change says what really happened, later.
 */
export function responseDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    const state: DeadlineState = {
      answering: false,
      answered: false,
      hooks: [],
      handlerStatus: 200,
      sending504: false,
    };
    states.set(res, state);
    // The innermost `end` (the audit log wraps it): passes through until the deadline answered.
    const end = res.end;
    res.end = function endOrDrop(this: Response, ...args: unknown[]) {
      if (!state.answered) {
        state.answering = true;
        return (end as (...a: unknown[]) => Response).apply(this, args);
      }
      req.log?.warn(
        { status: state.handlerStatus },
        'answered after the response deadline; the caller already got 504',
      );
      const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return this;
    } as Response['end'];
    const timer = setTimeout(async () => {
      if (state.answering || res.headersSent || res.writableEnded) return;
      state.answered = true;
      detach(res, state);
      await Promise.allSettled(state.hooks.map((hook) => hook()));
      send504(req, res, state, ms);
    }, ms);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
