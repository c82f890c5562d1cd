import { describe, expect, it } from 'vitest';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { KEY_LENGTH_CHANGE_INTERVAL_MS, keyLengthRule } from './key-length-rule';

const HOUR = 3_600_000;
const generated = Date.parse('2026-03-02T10:00:00Z');
const withKeys = (current: 'RSA_1024_BIT' | 'RSA_2048_BIT', next: 'RSA_1024_BIT' | 'RSA_2048_BIT') =>
  testIdentityDetail({
    dkim: {
      signingEnabled: true,
      status: 'SUCCESS',
      origin: 'AWS_SES',
      tokens: ['t1', 't2', 't3'],
      currentKeyLength: current,
      nextKeyLength: next,
      lastKeyGeneratedAt: new Date(generated).toISOString(),
    },
  });

describe('the once-a-day key-length rule, before Save', () => {
  it('when the last key is under 24 hours old, then it names the time a change is possible and warns for 2048 but not for the first switch to 1024', () => {
    const now = generated + 5 * HOUR;
    const rule = keyLengthRule(withKeys('RSA_2048_BIT', 'RSA_2048_BIT'), now);
    const allowed = new Date(generated + KEY_LENGTH_CHANGE_INTERVAL_MS).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(rule.text).toContain(`next from ${allowed} (in 19 hours)`);
    expect(rule.text).toMatch(/The last key was generated .* \(5 hours ago\)\./);
    expect(rule.refusal('RSA_2048_BIT')).toBeUndefined(); // the configured length: nothing is sent
    expect(rule.refusal('RSA_1024_BIT')).toBeUndefined();
    const onOneK = keyLengthRule(withKeys('RSA_1024_BIT', 'RSA_1024_BIT'), now);
    expect(onOneK.refusal('RSA_2048_BIT')).toBe(`SES refuses this change until ${allowed} (in 19 hours).`);
  });

  it('when 24 hours have passed, then a change is allowed and nothing is refused', () => {
    const rule = keyLengthRule(withKeys('RSA_1024_BIT', 'RSA_1024_BIT'), generated + 30 * HOUR);
    expect(rule.text).toMatch(/a change now is allowed\.$/);
    expect(rule.refusal('RSA_2048_BIT')).toBeUndefined();
  });

  it('when a length waits for its rotation, then it says so and refuses another change', () => {
    const rule = keyLengthRule(withKeys('RSA_2048_BIT', 'RSA_1024_BIT'), generated + 50 * HOUR);
    expect(rule.text).toBe(
      "RSA_1024_BIT becomes current at SES's next key rotation. Another change is possible 24 hours after that rotation (a first switch to RSA_1024_BIT is allowed sooner).",
    );
    expect(rule.refusal('RSA_2048_BIT')).toBe(
      'SES refuses another change while RSA_1024_BIT waits for its key rotation.',
    );
  });
});
