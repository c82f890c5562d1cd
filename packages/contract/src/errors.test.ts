import { describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from './errors.js';

describe('error envelope', () => {
  it('when an envelope names a field error, then it parses with the field kept', () => {
    const parsed = errorEnvelopeSchema.parse({
      error: {
        code: 'ValidationError',
        message: 'bad',
        requestId: 'r1',
        fieldErrors: [{ field: 'name', message: 'Required' }],
      },
    });
    expect(parsed.error.fieldErrors?.[0]?.field).toBe('name');
  });

  it('when the request id is missing, then parsing fails', () => {
    expect(() => errorEnvelopeSchema.parse({ error: { code: 'X', message: 'y' } })).toThrow();
  });

  it('when a partial change lists what was and was not applied, then both lists are kept, and an envelope without them still parses', () => {
    const parsed = errorEnvelopeSchema.parse({
      error: {
        code: 'ServiceUnavailable',
        message: 'Only part of the change was applied',
        requestId: 'r2',
        applied: ['Removed tags: env'],
        notApplied: ['Added tags: team=mail'],
      },
    });
    expect(parsed.error.applied).toEqual(['Removed tags: env']);
    expect(parsed.error.notApplied).toEqual(['Added tags: team=mail']);
    expect(
      errorEnvelopeSchema.parse({ error: { code: 'X', message: 'y', requestId: 'r' } }).error.applied,
    ).toBe(undefined);
  });
});
