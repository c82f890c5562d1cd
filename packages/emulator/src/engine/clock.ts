import type { MetaRepo } from '../store/meta-repo.js';

/**
 * The emulator's clock: real time plus an offset that `/_emulator/clock` moves. The offset is persisted,
 * so an advanced clock stays advanced across restarts. Listeners run after every change.
 */
export class Clock {
  private offsetMs: number;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly meta: MetaRepo,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offsetMs = Number(meta.get('clock_offset_ms') ?? 0);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.realNow() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.setOffset(this.offsetMs + seconds * 1000);
  }

  set(instant: Date): void {
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
