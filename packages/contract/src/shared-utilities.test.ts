import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './concurrency.js';
import { isRegionName } from './region-name.js';
import { seededRandom } from './seeded-random.js';

describe('mapWithConcurrency', () => {
  it('when 20 items run with limit 5, then at most 5 are in flight and results keep input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapWithConcurrency(
      Array.from({ length: 20 }, (_, i) => i),
      5,
      async (i) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        inFlight -= 1;
        return i * 2;
      },
    );
    expect(peak).toBe(5);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it('when a worker fails, then the run rejects with its error and no new item is started', async () => {
    const started: number[] = [];
    await expect(
      mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (i) => {
        started.push(i);
        await new Promise((r) => setTimeout(r, 1));
        if (i === 1) throw new Error('item 1 failed');
        return i;
      }),
    ).rejects.toThrow('item 1 failed');
    await new Promise((r) => setTimeout(r, 10));
    expect(started.length).toBeLessThan(6);
  });

  it('when there are no items, then the result is empty and the worker is never called', async () => {
    let calls = 0;
    expect(await mapWithConcurrency([], 4, async () => (calls += 1))).toEqual([]);
    expect(calls).toBe(0);
  });
});

describe('isRegionName', () => {
  it.each(['us-east-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'zz-nope-1'])(
    'when the name is %s, then it looks like a Region',
    (name) => expect(isRegionName(name)).toBe(true),
  );
  it.each(['', 'us-east', 'US-EAST-1', 'us_east_1', 'us-east-1a', 'useast1', 'us-east-1 '])(
    'when the name is %j, then it does not',
    (name) => expect(isRegionName(name)).toBe(false),
  );
});

describe('seededRandom', () => {
  it('when two generators share a seed, then they give the same numbers in [0, 1); another seed differs', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
