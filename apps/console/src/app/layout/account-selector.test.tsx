import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBff, type FakeRequest, startFakeBff, testMetaWithAccounts } from '../../testing/fake-bff';
import { renderApp } from '../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());
beforeEach(() => window.localStorage.clear());

/** One identity per account, named after it, so a page shows which account it listed. */
const nameIn: Record<string, string> = {
  '111111111111': 'prod.example',
  '222222222222': 'staging.example',
};

function listAnswer(req: FakeRequest) {
  const list = /^\/api\/regions\/([\w-]+)\/identities$/.exec(req.route);
  if (req.method !== 'GET' || !list) return undefined;
  const name = req.account ? (nameIn[req.account] ?? 'other.example') : 'one-account.example';
  return {
    body: {
      region: list[1],
      identities: [{ name, type: 'DOMAIN', status: 'SUCCESS', sendingEnabled: true }],
    },
  };
}

const withAccounts = () => startFakeBff(listAnswer, { meta: testMetaWithAccounts });
const lists = () =>
  (bff?.requests ?? []).filter((r) => r.method === 'GET' && r.route.endsWith('/identities'));

describe('account selector', () => {
  it('when the console serves one account (no ACCOUNTS), then there is no account selector and no URL or path names an account', async () => {
    bff = await startFakeBff(listAnswer);
    const { router } = renderApp('/identities?region=us-east-1');
    expect(
      await screen.findByRole('link', { name: 'one-account.example' }, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /, Account$/ })).toBeNull();
    expect(router.state.location.search).not.toContain('account=');
    expect(lists().map((r) => r.path)).toEqual(['/api/regions/us-east-1/identities']);
  });

  it('when no account is in the URL, then the default account is selected, shown with name and id, and put in the URL', async () => {
    bff = await withAccounts();
    const { router } = renderApp('/identities?region=us-east-1');
    expect(await screen.findByRole('link', { name: 'prod.example' }, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'production (111111111111), Account' })).toBeTruthy();
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('account')).toBe('111111111111'),
    );
    expect(lists().every((r) => r.path === '/api/accounts/111111111111/regions/us-east-1/identities')).toBe(
      true,
    );
    // The breadcrumbs and the title name the account.
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(within(crumbs).getAllByText('production (111111111111)').length).toBeGreaterThan(0);
    await waitFor(() => expect(document.title).toBe('Verified identities | production | Amazon SES'));
  });

  it('when another account is chosen with the keyboard, then the list acts in it, the URL says so and the choice is remembered', async () => {
    bff = await withAccounts();
    const user = userEvent.setup();
    const first = renderApp('/identities?region=us-east-1');
    await screen.findByRole('link', { name: 'prod.example' }, { timeout: 20_000 });
    screen.getByRole('button', { name: 'production (111111111111), Account' }).focus();
    await user.keyboard('{Enter}');
    const staging = await screen.findByRole('menuitemcheckbox', { name: /^staging/ });
    expect(screen.getByRole('menuitemcheckbox', { name: /^All accounts/ })).toBeTruthy();
    await user.click(staging);

    expect(await screen.findByRole('link', { name: 'staging.example' })).toBeTruthy();
    expect(new URLSearchParams(first.router.state.location.search).get('account')).toBe('222222222222');
    expect(lists().at(-1)?.path).toBe('/api/accounts/222222222222/regions/us-east-1/identities');
    first.unmount();

    // A link without an account (a bookmark from before) opens in the last account chosen here.
    const second = renderApp('/identities?region=us-east-1');
    expect(await screen.findByRole('link', { name: 'staging.example' })).toBeTruthy();
    await waitFor(() =>
      expect(new URLSearchParams(second.router.state.location.search).get('account')).toBe('222222222222'),
    );
  });

  it('when an account offering fewer Regions is chosen, then it opens in a Region it offers and the Region selector lists only its own', async () => {
    bff = await withAccounts();
    const user = userEvent.setup();
    const { router } = renderApp('/identities?region=eu-west-1&account=111111111111');
    await screen.findByRole('link', { name: 'prod.example' }, { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: 'production (111111111111), Account' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: /^sandbox/ }));

    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('region')).toBe('us-east-1'),
    );
    expect(new URLSearchParams(router.state.location.search).get('account')).toBe('333333333333');
    await waitFor(() =>
      expect(lists().at(-1)?.path).toBe('/api/accounts/333333333333/regions/us-east-1/identities'),
    );
    await user.click(screen.getByRole('button', { name: /, Region$/ }));
    const offered = (await screen.findAllByRole('menuitemcheckbox')).map((item) => item.textContent);
    expect(offered.some((text) => text?.includes('us-east-1'))).toBe(true);
    expect(offered.some((text) => text?.includes('eu-west-1'))).toBe(false);
  });

  it('when the URL names an account that is not configured, then the page says it is not available and lists nothing', async () => {
    bff = await withAccounts();
    const { router } = renderApp('/identities?region=us-east-1&account=999999999999');
    expect(
      await screen.findByRole('heading', { name: 'Account not available' }, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(screen.getByText('Account 999999999999 is not available in this console')).toBeTruthy();
    expect(router.state.location.search).toContain('account=999999999999');
    expect(lists()).toEqual([]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Go to production' }));
    expect(await screen.findByRole('link', { name: 'prod.example' })).toBeTruthy();
  });

  it('when an identity of an account is opened, then its detail is asked in that account', async () => {
    bff = await startFakeBff(
      (req) =>
        req.method === 'GET' && req.route === '/api/regions/us-east-1/identities/staging.example'
          ? {
              status: 404,
              body: { error: { code: 'NotFound', message: `gone in ${req.account}`, requestId: 'r' } },
            }
          : undefined,
      { meta: testMetaWithAccounts },
    );
    renderApp('/identities/staging.example?region=us-east-1&account=222222222222');
    expect(
      await screen.findByText(
        'There is no identity staging.example in us-east-1 of staging (222222222222).',
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(
      bff.requests.some(
        (r) => r.path === '/api/accounts/222222222222/regions/us-east-1/identities/staging.example',
      ),
    ).toBe(true);
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(within(crumbs).getAllByText('staging (222222222222)').length).toBeGreaterThan(0);
  });
});
