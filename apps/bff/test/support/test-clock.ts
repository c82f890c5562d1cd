/** A clock tests move by hand (sessions and audit entries read it; nothing sleeps). */
export class TestClock {
  private current = Date.now();

  readonly now = (): Date => new Date(this.current);

  advance(seconds: number): void {
    this.current += seconds * 1000;
  }
}
