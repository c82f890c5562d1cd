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
});
