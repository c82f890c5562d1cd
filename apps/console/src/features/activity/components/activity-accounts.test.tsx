import type { AuditEntry, AuditPage } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff, testMetaWithAccounts } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const entry = (id: string, account: string | null, identity: string): AuditEntry => ({
  id,
  time: '2026-05-01T12:00:00.000Z',
  actor: 'ada',
  method: 'POST',
  action: 'identities.delete',
  path: '/api/regions/us-east-1/identities/delete',
  region: 'us-east-1',
  account,
  identity,
  parameters: {},
  result: 'success',
  status: 200,
  errorCode: null,
  requestId: `r-${id}`,
  completedAt: '2026-05-01T12:00:01.000Z',
  deadlineExceeded: false,
});

const entries = [
  entry('3', '222222222222', 'staging.example'),
  entry('2', '111111111111', 'prod.example'),
  // An account that is no longer configured: its id alone.
  entry('1', '999999999999', 'old.example'),
];

function fakeAudit(meta = testMetaWithAccounts) {
  return startFakeBff(
    (req) => {
      if (req.path !== '/api/audit') return undefined;
      const account = req.query.get('account');
      const page: AuditPage = {
        entries: account ? entries.filter((e) => e.account === account) : entries,
        nextCursor: null,
      };
      return { body: page };
    },
    { meta },
  );
}

const rowOf = (requestId: string) => screen.getByText(requestId).closest('tr') as HTMLElement;

describe('activity page, several accounts', () => {
  it('when entries acted in different accounts, then an Account column names each (name and id when configured, else the id)', async () => {
    bff = await fakeAudit();
    renderApp('/activity?range=all');
    await screen.findByText('r-3', {}, { timeout: 20_000 });
    const table = screen.getByRole('table', { name: 'Activity' });
    expect(within(table).getByRole('columnheader', { name: 'Account' })).toBeTruthy();
    expect(within(rowOf('r-3')).getByText('staging (222222222222)')).toBeTruthy();
    expect(within(rowOf('r-2')).getByText('production (111111111111)')).toBeTruthy();
    expect(within(rowOf('r-1')).getByText('999999999999')).toBeTruthy();
  });

  it('when an account is chosen in the Account filter, then the audit is asked for that account only and the URL keeps it', async () => {
    bff = await fakeAudit();
    const user = userEvent.setup();
    const { router } = renderApp('/activity?range=all');
    await screen.findByText('r-3', {}, { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: /^Account Any/ }));
    await user.click(await screen.findByRole('option', { name: /^staging/ }));
    await waitFor(() => expect(screen.queryByText('r-2')).toBeNull());
    expect(screen.getByText('r-3')).toBeTruthy();
    expect(
      bff.requests.some((r) => r.path === '/api/audit' && r.query.get('account') === '222222222222'),
    ).toBe(true);
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('entryAccount')).toBe('222222222222');
  });

  it('when the console serves one account, then there is no Account column or filter', async () => {
    bff = await fakeAudit({ ...testMetaWithAccounts, accounts: undefined, defaultAccount: undefined });
    renderApp('/activity?range=all');
    await screen.findByText('r-3', {}, { timeout: 20_000 });
    expect(screen.queryByRole('columnheader', { name: 'Account' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Account / })).toBeNull();
  });
});
