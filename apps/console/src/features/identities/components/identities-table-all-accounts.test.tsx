import type {
  AccountIdentitySummary,
  ListAllAccountsIdentitiesResponse,
  SessionResponse,
} from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeBff,
  type FakeRequest,
  startFakeBff,
  testMetaWithAccounts,
  testSession,
} from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());
beforeEach(() => window.localStorage.clear());

const PROD = '111111111111';
const STAGING = '222222222222';
const SANDBOX = '333333333333';

const row = (
  account: string,
  region: string,
  name: string,
  status: AccountIdentitySummary['status'] = 'SUCCESS',
): AccountIdentitySummary => ({
  account,
  region,
  name,
  type: 'DOMAIN',
  status,
  sendingEnabled: status === 'SUCCESS',
});

const everywhere: ListAllAccountsIdentitiesResponse = {
  identities: [
    row(PROD, 'us-east-1', 'same.example'),
    row(STAGING, 'us-east-1', 'same.example', 'FAILED'),
    row(STAGING, 'eu-west-1', 'beta.example', 'PENDING'),
    row(PROD, 'eu-west-1', 'alpha.example', 'FAILED'),
  ],
  loads: [
    { account: PROD, region: 'us-east-1', outcome: 'loaded', count: 1 },
    { account: PROD, region: 'eu-west-1', outcome: 'loaded', count: 1 },
    { account: STAGING, region: 'us-east-1', outcome: 'loaded', count: 1 },
    {
      account: STAGING,
      region: 'eu-west-1',
      outcome: 'failed',
      error: { code: 'Throttling', message: 'Rate exceeded.' },
    },
    {
      account: SANDBOX,
      region: null,
      outcome: 'failed',
      error: { code: 'AccessDenied', message: 'The role of sandbox could not be assumed.' },
    },
  ],
};

/** Scoped roles: admin in staging, viewer in production (and nothing in sandbox). */
const scoped: SessionResponse = {
  ...testSession,
  roles: ['viewer'],
  accountRoles: { [PROD]: ['viewer'], [STAGING]: ['admin'] },
};

function deleteAnswer(req: FakeRequest) {
  if (req.method !== 'POST' || !/^\/api\/regions\/[\w-]+\/identities\/delete$/.test(req.route))
    return undefined;
  const names = (req.body as { identities: string[] }).identities;
  return {
    body: {
      results: names.map((identity) => ({ identity, outcome: 'deleted' })),
      deleted: names.length,
      failed: 0,
      unknown: 0,
    },
  };
}

function fakeAllAccounts(session: SessionResponse = testSession) {
  return startFakeBff(
    (req) => {
      if (req.method === 'GET' && req.path === '/api/all-accounts/identities') {
        const region = req.query.get('region');
        return {
          body: region
            ? {
                identities: everywhere.identities.filter((i) => i.region === region),
                loads: everywhere.loads.filter((l) => l.region === region || l.region === null),
              }
            : everywhere,
        };
      }
      const list = /^\/api\/regions\/([\w-]+)\/identities$/.exec(req.route);
      if (req.method === 'GET' && list) {
        const identities = everywhere.identities
          .filter((i) => i.account === req.account && i.region === list[1])
          .map(({ account: _a, region: _r, ...summary }) => summary);
        return { body: { region: list[1], identities } };
      }
      return deleteAnswer(req);
    },
    { meta: testMetaWithAccounts, session },
  );
}

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent ?? '');

describe('identities table, All accounts', () => {
  it('when All accounts and All regions are chosen, then every account’s identities are listed with an Account column, and each failed account or Region is one warning', async () => {
    bff = await fakeAllAccounts();
    renderApp('/identities?region=all&account=all');

    expect(await screen.findAllByRole('link', { name: 'same.example' }, { timeout: 20_000 })).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Identities' });
    expect(within(table).getByRole('columnheader', { name: /Account/ })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: /Region/ })).toBeTruthy();
    expect(within(table).getAllByText('staging (222222222222)')).toHaveLength(2);
    expect(within(table).getAllByText('production (111111111111)')).toHaveLength(2);
    expect(
      bff.requests.filter((r) => r.path === '/api/all-accounts/identities')[0]?.query.get('region'),
    ).toBeNull();

    // One warning per failed load: an account as a whole, and one account's Region.
    expect(screen.getByText('Could not load identities in sandbox (333333333333)')).toBeTruthy();
    expect(screen.getByText(/The role of sandbox could not be assumed\./)).toBeTruthy();
    expect(screen.getByText('Could not load identities in staging (222222222222), eu-west-1')).toBeTruthy();

    // Each link opens the identity in its own account and Region.
    const links = screen.getAllByRole('link', { name: 'same.example' }).map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual([
      `/identities/same.example?region=us-east-1&account=${PROD}`,
      `/identities/same.example?region=us-east-1&account=${STAGING}`,
    ]);
    // The selector says All accounts; the breadcrumbs too.
    expect(screen.getByRole('button', { name: 'All accounts, Account' })).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Breadcrumbs' })).getAllByText('All accounts').length,
    ).toBeGreaterThan(0);
  });

  it('when All accounts is chosen in one Region, then the list asks for that Region and has no Region column', async () => {
    bff = await fakeAllAccounts();
    renderApp('/identities?region=us-east-1&account=all');
    const table = await screen.findByRole('table', { name: 'Identities' }, { timeout: 20_000 });
    await within(table).findAllByRole('link', { name: 'same.example' });
    expect(bodyRows(table)).toHaveLength(2);
    expect(within(table).queryByRole('columnheader', { name: /Region/ })).toBeNull();
    expect(bff.requests.find((r) => r.path === '/api/all-accounts/identities')?.query.get('region')).toBe(
      'us-east-1',
    );
  });

  it('when the list is filtered by an account’s name and sorted by status, then only that account’s rows show, Failure first', async () => {
    bff = await fakeAllAccounts();
    const user = userEvent.setup();
    const { router } = renderApp('/identities?region=all&account=all');
    const table = await screen.findByRole('table', { name: 'Identities' }, { timeout: 20_000 });
    await within(table).findAllByRole('link', { name: 'same.example' });

    await user.type(screen.getByRole('searchbox', { name: 'Filter identities' }), 'staging');
    await user.click(within(table).getByRole('button', { name: /^Status/ }));
    await waitFor(() => expect(bodyRows(table)).toHaveLength(2));
    const rows = bodyRows(table);
    expect(rows[0]).toMatch(/same\.example.*Failure.*staging/);
    expect(rows[1]).toMatch(/beta\.example.*Pending.*staging/);
    const search = new URLSearchParams(router.state.location.search);
    expect([search.get('filter'), search.get('sort'), search.get('account')]).toEqual([
      'staging',
      'status',
      'all',
    ]);
  });

  it('when two identities of different accounts are deleted in one confirmation, then the dialog names each one’s account and each account’s delete goes through its own prefix', async () => {
    bff = await fakeAllAccounts();
    const user = userEvent.setup();
    renderApp('/identities?region=all&account=all');
    const inProd = await screen.findByRole(
      'checkbox',
      { name: 'Select same.example (us-east-1) in production (111111111111)' },
      { timeout: 20_000 },
    );
    await user.click(inProd);
    await user.click(
      screen.getByRole('checkbox', { name: 'Select beta.example (eu-west-1) in staging (222222222222)' }),
    );
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    const dialog = await screen.findByRole('dialog');
    const listed = within(within(dialog).getByRole('list', { name: 'Identities to delete' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed).toEqual([
      'same.example (us-east-1) in production (111111111111)',
      'beta.example (eu-west-1) in staging (222222222222)',
    ]);
    await user.type(within(dialog).getByRole('textbox', { name: /^To confirm deletion/ }), 'delete');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.getByText('Successfully deleted 2 identities.')).toBeTruthy());
    const deletes = bff.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/delete'));
    expect(deletes.map((r) => [r.path, r.body]).sort()).toEqual([
      [`/api/accounts/${PROD}/regions/us-east-1/identities/delete`, { identities: ['same.example'] }],
      [`/api/accounts/${STAGING}/regions/eu-west-1/identities/delete`, { identities: ['beta.example'] }],
    ]);
  });

  it('when one identity is deleted from its account’s list, then the message names the account', async () => {
    bff = await fakeAllAccounts();
    const user = userEvent.setup();
    renderApp(`/identities?region=us-east-1&account=${STAGING}`);
    await user.click(
      await screen.findByRole(
        'checkbox',
        { name: 'Select same.example in staging (222222222222)' },
        { timeout: 20_000 },
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete same.example in staging (222222222222)?')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await screen.findByText('Successfully deleted same.example in staging (222222222222).'),
    ).toBeTruthy();
    const deletes = bff.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(deletes).toEqual([`/api/accounts/${STAGING}/regions/us-east-1/identities/delete`]);
  });
});

describe('identities table, All accounts: loading, empty and error', () => {
  it('when no account has an identity, then the table says so for every account and Region', async () => {
    bff = await startFakeBff(
      (req) =>
        req.path === '/api/all-accounts/identities'
          ? {
              body: {
                identities: [],
                loads: [{ account: PROD, region: 'us-east-1', outcome: 'loaded', count: 0 }],
              } satisfies ListAllAccountsIdentitiesResponse,
            }
          : undefined,
      { meta: testMetaWithAccounts },
    );
    renderApp('/identities?region=all&account=all');
    expect(
      await screen.findByText('No identities in any account or Region.', {}, { timeout: 20_000 }),
    ).toBeTruthy();
  });

  it('when the All accounts list is refused, then the table says why and Retry asks again', async () => {
    let answered = 0;
    bff = await startFakeBff(
      (req) => {
        if (req.path !== '/api/all-accounts/identities') return undefined;
        answered += 1;
        return answered === 1
          ? {
              status: 403,
              body: {
                error: {
                  code: 'Forbidden',
                  message: 'You need the viewer role in some account.',
                  requestId: 'r-9',
                },
              },
            }
          : { body: everywhere };
      },
      { meta: testMetaWithAccounts },
    );
    const user = userEvent.setup();
    renderApp('/identities?region=all&account=all');
    expect(
      await screen.findByText(
        /Identities could not be loaded: You need the viewer role in some account\./,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByRole('link', { name: 'same.example' })).toHaveLength(2);
  });
});

describe('roles per account', () => {
  it('when the user is a viewer in production and an admin in staging, then production offers no Delete or Create and staging does', async () => {
    bff = await fakeAllAccounts(scoped);
    const first = renderApp(`/identities?region=us-east-1&account=${PROD}`);
    await screen.findByRole(
      'checkbox',
      { name: 'Select same.example in production (111111111111)' },
      { timeout: 20_000 },
    );
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create identity' })).toBeNull();
    first.unmount();

    renderApp(`/identities?region=us-east-1&account=${STAGING}`);
    await screen.findByRole('checkbox', { name: 'Select same.example in staging (222222222222)' });
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create identity' })).toBeTruthy();
  });

  it('when All accounts lists both, then Delete is enabled for staging’s rows and disabled once a production row is selected', async () => {
    bff = await fakeAllAccounts(scoped);
    const user = userEvent.setup();
    renderApp('/identities?region=all&account=all');
    await user.click(
      await screen.findByRole(
        'checkbox',
        { name: 'Select beta.example (eu-west-1) in staging (222222222222)' },
        { timeout: 20_000 },
      ),
    );
    const deleteButton = screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    expect(deleteButton.disabled).toBe(false);
    await user.click(
      screen.getByRole('checkbox', { name: 'Select alpha.example (eu-west-1) in production (111111111111)' }),
    );
    expect((screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
