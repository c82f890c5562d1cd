import type { IdentitySummary } from '@ses-console/contract';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const identities: IdentitySummary[] = [
  { name: 'ok.example', type: 'DOMAIN', status: 'SUCCESS', sendingEnabled: true },
  { name: 'bad.example', type: 'DOMAIN', status: 'FAILED', sendingEnabled: false },
  { name: 'wait.example', type: 'DOMAIN', status: 'PENDING', sendingEnabled: false },
  { name: 'other.test', type: 'DOMAIN', status: 'PENDING', sendingEnabled: false },
];

const rowNames = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent?.trim());

describe('identities list URL state', () => {
  it('when the URL asks for a filter and a descending status sort, then the table opens that way', async () => {
    bff = await startFakeBff((req) =>
      req.path === '/api/regions/eu-west-1/identities'
        ? { body: { region: 'eu-west-1', identities } }
        : undefined,
    );
    renderApp('/identities?region=eu-west-1&filter=example&sort=status&desc=1');
    await screen.findByRole('link', { name: 'ok.example' });
    expect(rowNames()).toEqual(['ok.example', 'wait.example', 'bad.example']);
    expect(screen.getByRole('heading', { name: /^Identities\s*\(4\)$/ })).toBeTruthy();
  });

  it('when the user types a filter, then it is written to the URL', async () => {
    bff = await startFakeBff((req) =>
      req.path === '/api/regions/eu-west-1/identities'
        ? { body: { region: 'eu-west-1', identities } }
        : undefined,
    );
    const user = userEvent.setup();
    const { router } = renderApp('/identities?region=eu-west-1');
    await screen.findByRole('link', { name: 'ok.example' });
    await user.type(screen.getByRole('searchbox', { name: 'Filter identities' }), 'test');
    await waitFor(() => expect(router.state.location.search).toContain('filter=test'));
    expect(rowNames()).toEqual(['other.test']);
    expect(router.state.location.search).toContain('region=eu-west-1');
  });

  it('when the URL asks for a page past the last one, then the last page opens and the URL says so', async () => {
    bff = await startFakeBff((req) =>
      req.path === '/api/regions/eu-west-1/identities'
        ? { body: { region: 'eu-west-1', identities } }
        : undefined,
    );
    const { router } = renderApp('/identities?region=eu-west-1&page=99');
    await screen.findByRole('link', { name: 'ok.example' });
    // Four identities fit on one page: page 1 is the default, so the URL drops `page` altogether.
    await waitFor(() => expect(router.state.location.search).not.toContain('page='));
    expect(router.state.location.search).toContain('region=eu-west-1');
    expect(router.state.historyAction).toBe('REPLACE');
  });
});
