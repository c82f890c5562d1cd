import type { ListAllRegionsIdentitiesResponse } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await bff?.close();
  bff = undefined;
});

/** family.example: parent in us-east-1, replica in eu-west-1; the origin only when asked for. */
function fakeFamily() {
  return startFakeBff((req) => {
    if (req.method !== 'GET' || req.path !== '/api/identities') return undefined;
    const withOrigin = req.query.get('include') === 'dkim-origin';
    const row = (region: string, dkimOrigin: string) => ({
      region,
      name: 'family.example',
      type: 'DOMAIN',
      status: 'SUCCESS',
      sendingEnabled: true,
      ...(withOrigin ? { dkimOrigin } : {}),
    });
    const body: ListAllRegionsIdentitiesResponse = {
      identities: [row('us-east-1', 'AWS_SES'), row('eu-west-1', 'AWS_SES_US_EAST_1')] as never,
      regions: [
        { region: 'us-east-1', outcome: 'loaded', count: 1 },
        { region: 'eu-west-1', outcome: 'loaded', count: 1 },
      ],
    };
    return { body };
  });
}

describe('identities table: DKIM origin column', () => {
  it('when the DKIM origin column is turned on in All regions, then the list is asked for it and a replica names its parent Region', async () => {
    bff = await fakeFamily();
    const user = userEvent.setup();
    renderApp('/identities?region=all');
    expect(await screen.findAllByRole('link', { name: 'family.example' }, { timeout: 20_000 })).toHaveLength(
      2,
    );
    expect(screen.queryByRole('columnheader', { name: /DKIM origin/ }), 'hidden by default').toBeNull();
    expect(
      bff.requests.filter((r) => r.path === '/api/identities').map((r) => r.query.get('include')),
    ).toEqual([null]);

    await user.click(screen.getByRole('button', { name: 'Preferences' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox', { name: 'DKIM origin' }));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByRole('columnheader', { name: /DKIM origin/ })).toBeTruthy();
    const replicaRow = await screen.findByRole('row', { name: /eu-west-1/ });
    await waitFor(() =>
      expect(within(replicaRow).getByText('Deterministic Easy DKIM (parent us-east-1)')).toBeTruthy(),
    );
    const parentRow = screen.getByText('Easy DKIM', { exact: true }).closest('tr');
    expect(parentRow?.textContent).toContain('us-east-1');
    expect(parentRow?.textContent).not.toContain('eu-west-1');
    expect(
      bff.requests.some((r) => r.path === '/api/identities' && r.query.get('include') === 'dkim-origin'),
    ).toBe(true);
  });
});
