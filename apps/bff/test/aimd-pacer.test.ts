import { describe, expect, it } from 'vitest';
import { AimdPacer, DEFAULT_AIMD } from '../src/services/pacing/aimd-pacer.js';

function pacerAt(initialWindow: number) {
  const clock = { now: 0 };
  const pacer = new AimdPacer({ ...DEFAULT_AIMD, initialWindow, now: () => clock.now });
  return { pacer, clock };
}

describe('AimdPacer (additive increase, multiplicative decrease)', () => {
  it('when a call is throttled, then the window halves', async () => {
    const { pacer, clock } = pacerAt(8);
    const slot = await pacer.acquire();
    clock.now = 50;
    pacer.release(slot, 'throttled');
    expect(pacer.window).toBe(4);
  });

  it('when several calls sent under the old window are throttled, then the window halves only once', async () => {
    const { pacer, clock } = pacerAt(8);
    const slots = await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    clock.now = 50;
    for (const slot of slots) pacer.release(slot, 'throttled');
    expect(pacer.window).toBe(4);
    expect(pacer.stats).toMatchObject({ throttles: 3, decreases: 1 });
  });

  it('when calls succeed, then the window grows by about three per round trip, up to the cap', async () => {
    const { pacer, clock } = pacerAt(4);
    const slots = await Promise.all(Array.from({ length: 4 }, () => pacer.acquire()));
    clock.now = 50;
    for (const slot of slots) pacer.release(slot, 'success');
    expect(pacer.window).toBeGreaterThan(6);
    expect(pacer.window).toBeLessThan(7.5);
    for (let i = 0; i < 200; i += 1) pacer.release(await pacer.acquire(), 'success');
    expect(pacer.window).toBe(DEFAULT_AIMD.maxWindow);
  });

  it('when the window is full, then the next call waits for a slot to be released', async () => {
    const { pacer } = pacerAt(2);
    const first = await pacer.acquire();
    await pacer.acquire();
    let third = false;
    const waiting = pacer.acquire().then(() => {
      third = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(third).toBe(false);
    pacer.release(first, 'success');
    await waiting;
    expect(third).toBe(true);
  });

  it('when throttles push the window below one, then calls are spaced by RTT × (1/window − 1) and it never goes below the floor', async () => {
    const { pacer, clock } = pacerAt(1);
    for (let i = 0; i < 10; i += 1) {
      const slot = await pacer.acquire();
      clock.now += 100;
      pacer.release(slot, 'throttled');
      clock.now += 10_000; // let the spacing pass
    }
    expect(pacer.window).toBe(DEFAULT_AIMD.minWindow);
    const slot = await pacer.acquire();
    clock.now += 100;
    pacer.release(slot, 'throttled');
    let started = false;
    const next = pacer.acquire().then(() => {
      started = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(started).toBe(false); // 15 round trips of spacing have not passed on the fake clock
    clock.now += 100 * 15 + 1;
    await next;
    expect(started).toBe(true);
  });
});
