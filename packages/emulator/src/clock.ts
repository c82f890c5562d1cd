import type { MetaRepo } from './store/meta-repo.js';

/**
 * The range the emulated instant must stay in: a date every consumer can print and parse (ISO-8601 with
 * a four-digit year, SDK timestamps, SQLite text). `Date` itself breaks (toISOString throws) far later,
 * but a clock past year 9999 is no longer an ISO-8601 instant with four digits.
 */
export const CLOCK_MIN = new Date('1970-01-01T00:00:00.000Z');
export const CLOCK_MAX = new Date('9999-12-31T23:59:59.999Z');
/** The largest single move forward: 100 years (of 365.25 days). */
export const MAX_ADVANCE_SECONDS = 100 * 365.25 * 24 * 3600;

/** A clock change refused because it would leave the range; the message names the field and the rule. */
export class ClockRangeError extends RangeError {
  override name = 'ClockRangeError';
}

const RANGE = `between ${CLOCK_MIN.toISOString()} and ${CLOCK_MAX.toISOString()}`;

function inRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= CLOCK_MIN.getTime() && ms <= CLOCK_MAX.getTime();
}

/**
 * The emulator's clock: real time plus an offset that `/_emulator/clock` moves. The offset is persisted,
 * so an advanced clock stays advanced across restarts. Listeners run after every change. A change that
 * would leave [CLOCK_MIN, CLOCK_MAX] is refused (ClockRangeError) and changes nothing.
 */
export class Clock {
  private offsetMs: number;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly meta: MetaRepo,
    private readonly realNow: () => number = Date.now,
  ) {
    const stored = Number(meta.get('clock_offset_ms') ?? 0);
    // A data directory written before the range existed may hold an offset that breaks every date
    // (e.g. after advanceSeconds 1e17): start from real time again rather than fail on every request.
    this.offsetMs = inRange(this.realNow() + stored) ? stored : 0;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.realNow() + this.offsetMs;
  }

  advance(seconds: number): void {
    if (!(Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_ADVANCE_SECONDS)) {
      throw new ClockRangeError(
        `advanceSeconds must be a non-negative number of seconds, at most ${MAX_ADVANCE_SECONDS} (100 years).`,
      );
    }
    const target = this.nowMs() + seconds * 1000;
    if (!inRange(target)) {
      throw new ClockRangeError(
        `advanceSeconds ${seconds} would move the clock past ${CLOCK_MAX.toISOString()}; the clock must stay ${RANGE}.`,
      );
    }
    this.setOffset(this.offsetMs + seconds * 1000);
  }

  set(instant: Date): void {
    if (!inRange(instant.getTime())) {
      throw new ClockRangeError(`set must be an instant ${RANGE}.`);
    }
    this.setOffset(instant.getTime() - this.realNow());
  }

  reset(): void {
    this.setOffset(0);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
    this.meta.set('clock_offset_ms', String(offsetMs));
    for (const listener of this.listeners) listener();
  }
}
