import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../testing/fake-bff';
import { api } from './api-client';

describe('api-client CSRF token', () => {
  let bff: FakeBff | undefined;
  afterEach(async () => {
    await bff?.close();
  });

  it('when a change is sent, then it carries the token GET /api/session gave; reads carry none', async () => {
    bff = await startFakeBff((req) => (req.path === '/api/things' ? { body: { ok: true } } : undefined));
    await api.get('/api/things');
    await api.post('/api/things', { a: 1 });
    await api.delete('/api/things');
    const [read, session, post, del] = bff.requests;
    expect(read?.headers['x-csrf-token']).toBeUndefined();
    expect(session?.path).toBe('/api/session');
    expect(post?.headers['x-csrf-token']).toBe('test-csrf-token');
    expect(del?.headers['x-csrf-token']).toBe('test-csrf-token');
    expect(bff.requests.filter((r) => r.path === '/api/session')).toHaveLength(1);
  });

  it('when the BFF says the token is stale, then a fresh one is fetched and the change repeated once', async () => {
    let sessions = 0;
    bff = await startFakeBff((req) => {
      if (req.path === '/api/session') {
        sessions += 1;
        return { body: { csrfToken: `token-${sessions}` } };
      }
      if (req.headers['x-csrf-token'] !== 'token-2') {
        return {
          status: 403,
          body: { error: { code: 'CsrfTokenInvalid', message: 'stale', requestId: 'r' } },
        };
      }
      return { body: { done: true } };
    });
    await expect(api.put('/api/things', {})).resolves.toEqual({ done: true });
    expect(sessions).toBe(2);
  });

  it('when the user lacks the role, then the 403 reaches the caller with its code (no retry)', async () => {
    bff = await startFakeBff((req) =>
      req.path === '/api/things'
        ? { status: 403, body: { error: { code: 'Forbidden', message: 'needs admin', requestId: 'r' } } }
        : undefined,
    );
    await expect(api.post('/api/things', {})).rejects.toMatchObject({ status: 403, code: 'Forbidden' });
    expect(bff.requests.filter((r) => r.path === '/api/things')).toHaveLength(1);
  });
});
