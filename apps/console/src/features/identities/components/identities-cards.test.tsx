import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
const desktopMatchMedia = window.matchMedia;

/** A phone's viewport as `matchMedia` answers it: every `(max-width: Npx)` query with N ≥ 390 matches. */
function phoneViewport(width = 390) {
  window.matchMedia = (query: string) => {
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    return {
      matches: !!max && width <= Number(max[1]),
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
}

beforeEach(() => phoneViewport());
afterEach(async () => {
  window.matchMedia = desktopMatchMedia;
  await bff?.close();
});

describe('identities on a narrow screen', () => {
  it('when the viewport is a phone, then identities are cards with name, type and status, and selection and Delete work through the Actions menu', async () => {
    bff = await startFakeBff((req) =>
      req.path === '/api/regions/us-east-1/identities'
        ? {
            body: {
              region: 'us-east-1',
              identities: [
                { name: 'card.example', type: 'DOMAIN', status: 'SUCCESS', sendingEnabled: true },
                { name: 'me@card.example', type: 'EMAIL_ADDRESS', status: 'PENDING', sendingEnabled: false },
              ],
            },
          }
        : undefined,
    );
    const user = userEvent.setup();
    renderApp('/identities?region=us-east-1');

    const cards = await screen.findByRole('group', { name: 'Identities' });
    expect(screen.queryByRole('table', { name: 'Identities' })).toBeNull();
    const card = within(cards).getByRole('link', { name: 'card.example' }).closest('li') as HTMLElement;
    expect(within(card).getByText('Domain')).toBeTruthy();
    expect(within(card).getByText('Verified')).toBeTruthy();
    expect(within(card).getByText('Status')).toBeTruthy();

    // The header keeps the primary action; the rest are in one menu.
    expect(screen.getByRole('button', { name: 'Create identity' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).toBeNull();
    await user.click(within(card).getByRole('checkbox', { name: /Select card\.example/ }));
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText(/card\.example/).length).toBeGreaterThan(0);
    expect(within(dialog).queryByText(/me@card\.example/)).toBeNull();
  });
});
