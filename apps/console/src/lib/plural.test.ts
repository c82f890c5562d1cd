import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('counts in words', () => {
  it('when there is one, then the word is singular; for zero or many, plural', () => {
    expect(countOf(1, 'match', 'matches')).toBe('1 match');
    expect(countOf(0, 'match', 'matches')).toBe('0 matches');
    expect(countOf(2, 'match', 'matches')).toBe('2 matches');
  });
});
