import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../testing/fake-bff';
import { renderApp } from '../../testing/render-app';

describe('app shell', () => {
  let bff: FakeBff;
  beforeEach(async () => {
    bff = await startFakeBff((req) =>
      req.path === '/api/regions/us-east-1/identities'
        ? { body: { region: 'us-east-1', identities: [] } }
        : undefined,
    );
  });
  afterEach(() => bff.close());

  it('when the identities page opens, then the side navigation links to Verified identities and Mailbox', async () => {
    renderApp('/identities');
    const nav = await screen.findByRole('navigation', { name: 'Side navigation' });
    expect(within(nav).getByRole('link', { name: 'Verified identities' })).toBeTruthy();
    expect(await within(nav).findByRole('link', { name: 'Mailbox' })).toBeTruthy();
  });

  it('when no region is in the URL, then the default region is added to it', async () => {
    const { router } = renderApp('/identities');
    await screen.findByText('No identities');
    expect(router.state.location.search).toContain('region=us-east-1');
  });
});
