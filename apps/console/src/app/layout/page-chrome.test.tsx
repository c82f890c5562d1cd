import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../testing/fake-bff';
import { testIdentityDetail } from '../../testing/identity-detail';
import { renderApp } from '../../testing/render-app';

describe('page chrome: titles, breadcrumbs, the Region in the URL, the skip link', () => {
  let bff: FakeBff;
  beforeEach(async () => {
    bff = await startFakeBff((req) => {
      if (req.path === '/api/regions/us-east-1/identities')
        return { body: { region: 'us-east-1', identities: [] } };
      if (req.path === '/api/regions/us-east-1/identities/support@acme.example') {
        return { body: testIdentityDetail({ name: 'support@acme.example', type: 'EMAIL_ADDRESS' }) };
      }
      if (req.path === '/api/regions/us-east-1/configuration-sets')
        return { body: { configurationSets: [] } };
      return undefined;
    });
  });
  afterEach(() => bff.close());

  it('when an email identity opens, then the breadcrumb and the title read its address, not %40', async () => {
    renderApp('/identities/support%40acme.example?region=us-east-1');
    await screen.findByRole('heading', { level: 1, name: 'support@acme.example' });
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(within(crumbs).getAllByText('support@acme.example').length).toBeGreaterThan(0);
    expect(within(crumbs).queryByText(/%40/)).toBeNull();
    await waitFor(() =>
      expect(document.title).toBe('support@acme.example | Verified identities | Amazon SES'),
    );
  });

  it('when the URL names a Region this console does not offer, then the page says so and the URL keeps it', async () => {
    const { router } = renderApp('/identities?region=zz-nope-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Region not available' })).toBeTruthy();
    expect(screen.getByText('Region zz-nope-1 is not available in this console')).toBeTruthy();
    expect(router.state.location.search).toBe('?region=zz-nope-1');
    expect(bff.requests.some((r) => r.path.includes('/regions/us-east-1/identities'))).toBe(false);
    await waitFor(() => expect(document.title).toBe('Region not available | Amazon SES'));
  });

  it('when Go to the default Region is chosen, then the URL names it and the list opens', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/identities?region=zz-nope-1');
    await user.click(await screen.findByRole('button', { name: 'Go to US East (N. Virginia)' }));
    await waitFor(() => expect(router.state.location.search).toBe('?region=us-east-1'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Verified identities' })).toBeTruthy();
  });

  it('when the page opens, then "Skip to main content" is the first Tab stop and moves focus to the page', async () => {
    const user = userEvent.setup();
    renderApp('/identities?region=us-east-1');
    await screen.findByRole('heading', { level: 1, name: 'Verified identities' });
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(document.activeElement).toBe(skip);
    await user.click(skip);
    expect(document.activeElement?.id).toBe('main-content');
    expect(
      document.activeElement?.contains(
        screen.getByRole('heading', { level: 1, name: 'Verified identities' }),
      ),
    ).toBe(true);
  });
});
