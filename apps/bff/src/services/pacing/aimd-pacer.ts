/**
 * Paces calls to a rate-limited API by what it observes (AIMD, as TCP congestion control): a window of
 * calls in flight grows by a few (3) per round trip while calls succeed and halves on a throttle — once
 * per round trip, so a burst of throttles from calls sent under the old window counts once. Below one
 * call in flight the window becomes spacing: one call at a time with a pause of RTT × (1/window − 1)
 * between them, so the pacer can go as slow as a 1 request/second quota needs.
 */
export interface AimdOptions {
  /** Window at start (calls in flight). */
  initialWindow: number;
  /** Largest window (hard cap on calls in flight). */
  maxWindow: number;
  /** Smallest window; 1/16 with a 100 ms round trip is about 0.6 calls per second. */
  minWindow: number;
  /** Round-trip estimate before the first answer, in ms. */
  initialRttMs: number;
  /** Additive increase: window growth per round trip of successes. */
  increasePerRoundTrip: number;
  /** Multiplicative decrease on a throttle (0.5 halves). */
  decreaseFactor: number;
  now?: () => number;
}

export const DEFAULT_AIMD: AimdOptions = {
  initialWindow: 4,
  maxWindow: 16,
  minWindow: 1 / 16,
  initialRttMs: 100,
  increasePerRoundTrip: 3,
  decreaseFactor: 0.5,
};

export type CallOutcome = 'success' | 'throttled' | 'failed';

/** A call slot: `startedAt` tells the pacer whether a throttle predates its last decrease. */
export interface Slot {
  startedAt: number;
}

export class AimdPacer {
  private windowSize: number;
  private rttMs: number;
  private inFlight = 0;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private nextStartAt = 0;
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  /** Counters for reports and tests. */
  readonly stats = { calls: 0, throttles: 0, decreases: 0 };

  constructor(private readonly options: AimdOptions = DEFAULT_AIMD) {
    this.windowSize = options.initialWindow;
    this.rttMs = options.initialRttMs;
    this.now = options.now ?? (() => performance.now());
  }

  get window(): number {
    return this.windowSize;
  }

  /** Waits until the window allows one more call, then takes a slot. */
  async acquire(): Promise<Slot> {
    while (!this.canStart()) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        this.scheduleWake();
      });
    }
    const startedAt = this.now();
    this.inFlight += 1;
    this.stats.calls += 1;
    return { startedAt };
  }

  /** Gives the slot back with what happened, adjusting the window. */
  release(slot: Slot, outcome: CallOutcome): void {
    const now = this.now();
    this.inFlight -= 1;
    this.rttMs = 0.8 * this.rttMs + 0.2 * Math.max(1, now - slot.startedAt);
    if (outcome === 'throttled') {
      this.stats.throttles += 1;
      if (slot.startedAt >= this.lastDecreaseAt) {
        this.windowSize = Math.max(this.options.minWindow, this.windowSize * this.options.decreaseFactor);
        this.lastDecreaseAt = now;
        this.stats.decreases += 1;
      }
    } else if (outcome === 'success') {
      // About +increasePerRoundTrip per round trip above one call in flight. Below it (spacing), ×2 per success: halving
      // per throttle and doubling per success settle where at most half the calls are throttled, so
      // random throttling cannot walk the pacer down to its slowest pace.
      this.windowSize = Math.min(
        this.options.maxWindow,
        this.windowSize >= 1
          ? this.windowSize + this.options.increasePerRoundTrip / this.windowSize
          : Math.min(1, this.windowSize * 2),
      );
    }
    if (this.windowSize < 1) this.nextStartAt = now + this.rttMs * (1 / this.windowSize - 1);
    this.wake();
  }

  /** Gives back a slot that made no call (the caller stopped before sending): nothing is learned. */
  cancel(_slot: Slot): void {
    this.inFlight -= 1;
    this.stats.calls -= 1;
    this.wake();
  }

  private canStart(): boolean {
    if (this.windowSize >= 1) return this.inFlight < Math.floor(this.windowSize);
    return this.inFlight === 0 && this.now() >= this.nextStartAt;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private scheduleWake(): void {
    if (this.timer || this.windowSize >= 1 || this.inFlight > 0) return; // a release will wake them
    const delay = Math.max(0, this.nextStartAt - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wake();
    }, delay + 1);
  }
}
