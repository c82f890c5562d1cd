import type { AuditEntry, AuditPage } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const base = {
  time: '2026-05-01T12:00:00.000Z',
  actor: 'ada',
  method: 'DELETE',
  region: 'us-east-1',
  parameters: {},
  errorCode: null,
  completedAt: '2026-05-01T12:00:01.000Z',
  deadlineExceeded: false,
} as const;

const entries: AuditEntry[] = [
  {
    ...base,
    id: '5',
    action: 'identities.delete',
    path: '/api/regions/us-east-1/identities/delete',
    identity: 'crashed.example',
    result: 'unknown',
    status: null,
    completedAt: null,
    requestId: 'r-crashed',
  },
  {
    ...base,
    id: '4',
    action: 'identity.delete',
    path: '/api/regions/us-east-1/identities/slow.example',
    identity: 'slow.example',
    result: 'unknown',
    status: null,
    completedAt: null,
    deadlineExceeded: true,
    requestId: 'r-waiting',
  },
  {
    ...base,
    id: '3',
    action: 'identity.delete',
    path: '/api/regions/us-east-1/identities/late.example',
    identity: 'late.example',
    result: 'success',
    status: 204,
    deadlineExceeded: true,
    requestId: 'r-late',
  },
  {
    ...base,
    id: '2',
    action: 'identity.create',
    path: '/api/regions/us-east-1/identities',
    identity: null,
    actor: null,
    result: 'error',
    status: 401,
    errorCode: 'Unauthenticated',
    requestId: 'r-nobody',
  },
  {
    ...base,
    id: '1',
    action: 'identity.create',
    path: '/api/regions/us-east-1/identities',
    identity: 'named.example',
    actor: 'anonymous',
    result: 'success',
    status: 201,
    requestId: 'r-named',
  },
];

function rowOf(requestId: string): HTMLElement {
  const cell = screen.getByText(requestId);
  return cell.closest('tr') as HTMLElement;
}

describe('activity table', () => {
  it('when entries have no result yet, ended after a timeout or came without a sign-in, then each row says so', async () => {
    bff = await startFakeBff((req) => {
      if (req.path !== '/api/audit') return undefined;
      const result = req.query.get('result');
      const page: AuditPage = {
        entries: result ? entries.filter((e) => e.result === result) : entries,
        nextCursor: null,
      };
      return { body: page };
    });
    const user = userEvent.setup();
    renderApp('/activity?range=all');

    await screen.findByText('r-crashed');
    expect(within(rowOf('r-crashed')).getByText('Outcome unknown')).toBeTruthy();
    expect(
      within(rowOf('r-crashed')).getByText(
        /no result recorded: still running, or the console server stopped/,
      ),
    ).toBeTruthy();
    expect(within(rowOf('r-waiting')).getByText('Outcome unknown')).toBeTruthy();
    expect(
      within(rowOf('r-waiting')).getByText(/told it timed out \(504\); no result recorded yet/),
    ).toBeTruthy();
    expect(within(rowOf('r-late')).getByText('Success (204)')).toBeTruthy();
    expect(within(rowOf('r-late')).getByText(/Finished after the caller was told it timed out/)).toBeTruthy();
    expect(within(rowOf('r-nobody')).getByText('Not signed in')).toBeTruthy();
    expect(within(rowOf('r-nobody')).getByText('Unauthenticated (401)')).toBeTruthy();
    // A user whose id is `anonymous` is shown as that user, not as nobody.
    expect(within(rowOf('r-named')).getByText('anonymous')).toBeTruthy();
    expect(within(rowOf('r-named')).queryByText('Not signed in')).toBeNull();

    await user.click(screen.getByRole('button', { name: /^Result/ }));
    await user.click(await screen.findByRole('option', { name: 'Outcome unknown' }));
    await waitFor(() => expect(screen.queryByText('r-late')).toBeNull());
    expect(screen.getByText('r-crashed')).toBeTruthy();
    expect(bff.requests.some((r) => r.path === '/api/audit' && r.query.get('result') === 'unknown')).toBe(
      true,
    );
  });
});
