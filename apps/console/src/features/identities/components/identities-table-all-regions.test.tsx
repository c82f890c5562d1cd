import type { ListAllRegionsIdentitiesResponse, RegionalIdentitySummary } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff, testMeta } from '../../../testing/fake-bff';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const meta = { ...testMeta, regions: [...testMeta.regions, { code: 'eu-west-3', name: 'Europe (Paris)' }] };

const row = (
  region: string,
  name: string,
  status: RegionalIdentitySummary['status'] = 'SUCCESS',
): RegionalIdentitySummary => ({
  region,
  name,
  type: 'DOMAIN',
  status,
  sendingEnabled: status === 'SUCCESS',
});

const answer: ListAllRegionsIdentitiesResponse = {
  identities: [
    row('us-east-1', 'same.example'),
    row('eu-west-1', 'same.example', 'PENDING'),
    row('us-east-1', 'alpha.example', 'FAILED'),
  ],
  regions: [
    { region: 'us-east-1', outcome: 'loaded', count: 2 },
    { region: 'eu-west-1', outcome: 'loaded', count: 1 },
    {
      region: 'eu-west-3',
      outcome: 'failed',
      error: {
        code: 'UpstreamError',
        message: 'The AWS service did not answer as expected. Try again later.',
      },
    },
  ],
};

function fakeAllRegions(deleteFailures: Record<string, { status: number; code: string }> = {}) {
  return startFakeBff((req) => {
    if (req.path === '/api/meta') return { body: meta };
    if (req.method === 'GET' && req.path === '/api/identities') return { body: answer };
    const deletion = /^\/api\/regions\/([\w-]+)\/identities\/delete$/.exec(req.path);
    const failure = deletion ? deleteFailures[deletion[1] ?? ''] : undefined;
    if (req.method === 'POST' && failure) {
      const message = `${failure.code} in ${deletion?.[1]}`;
      return { status: failure.status, body: { error: { ...failure, message, requestId: 'r-1' } } };
    }
    if (req.method === 'POST' && deletion) {
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
    return undefined;
  });
}

describe('identities table, All regions', () => {
  it('when a region fails, then a warning names it and the other regions are listed with a Region column', async () => {
    bff = await fakeAllRegions();
    renderApp('/identities?region=all');

    // The first test of the file also pays for loading the lazy route on a shared, busy machine.
    expect(await screen.findAllByRole('link', { name: 'same.example' }, { timeout: 20_000 })).toHaveLength(2);
    expect(screen.getByText('Could not load identities in eu-west-3')).toBeTruthy();
    expect(screen.getByText(/did not answer as expected/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Region/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Identities\s*\(3\)$/ })).toBeTruthy();
    // Each identity links to its own region.
    const links = screen.getAllByRole('link', { name: 'same.example' }).map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual([
      '/identities/same.example?region=eu-west-1',
      '/identities/same.example?region=us-east-1',
    ]);
  });

  it('when sorted by Region, then rows order by region, ties by name', async () => {
    bff = await fakeAllRegions();
    renderApp('/identities?region=all&sort=region');
    const table = await screen.findByRole('table', { name: 'Identities' });
    await within(table).findAllByRole('link', { name: 'same.example' });
    const order = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent ?? '');
    expect(order[0]).toContain('eu-west-1');
    expect(order[1]).toMatch(/alpha\.example.*us-east-1/);
    expect(order[2]).toMatch(/same\.example.*us-east-1/);
  });

  it('when the same name is selected in one region, then only that row is selected, and delete goes to each row’s region', async () => {
    bff = await fakeAllRegions();
    const user = userEvent.setup();
    renderApp('/identities?region=all');

    const inUs = await screen.findByRole('checkbox', { name: 'Select same.example (us-east-1)' });
    await user.click(inUs);
    expect((inUs as HTMLInputElement).checked).toBe(true);
    expect(
      (screen.getByRole('checkbox', { name: 'Select same.example (eu-west-1)' }) as HTMLInputElement).checked,
    ).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Select alpha.example (us-east-1)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select same.example (eu-west-1)' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    const dialog = await screen.findByRole('dialog');
    const listed = within(within(dialog).getByRole('list', { name: 'Identities to delete' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed).toEqual([
      'same.example (us-east-1)',
      'alpha.example (us-east-1)',
      'same.example (eu-west-1)',
    ]);
    await user.type(within(dialog).getByRole('textbox', { name: /^To confirm deletion/ }), 'delete');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.getByText('Successfully deleted 3 identities.')).toBeTruthy());
    const deletes = bff.requests.filter((r) => r.path.endsWith('/delete'));
    expect(deletes.map((r) => [r.path, r.body]).sort()).toEqual([
      ['/api/regions/eu-west-1/identities/delete', { identities: ['same.example'] }],
      ['/api/regions/us-east-1/identities/delete', { identities: ['same.example', 'alpha.example'] }],
    ]);
  });

  it('when one region’s delete request times out and another’s is refused, then the timed-out rows are not confirmed and the refused ones failed', async () => {
    bff = await fakeAllRegions({
      'eu-west-1': { status: 504, code: 'RequestTimeout' },
      'us-east-1': { status: 403, code: 'Forbidden' },
    });
    const user = userEvent.setup();
    renderApp('/identities?region=all');
    await user.click(await screen.findByRole('checkbox', { name: 'Select same.example (eu-west-1)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select alpha.example (us-east-1)' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^To confirm deletion/ }), 'delete');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const results = await within(dialog).findByRole('table', { name: 'Delete results' });
    const rowOf = (label: string) => within(results).getByText(label).closest('tr') as HTMLElement;
    expect(within(rowOf('same.example (eu-west-1)')).getByText('Not confirmed')).toBeTruthy();
    expect(within(rowOf('same.example (eu-west-1)')).getByText(/RequestTimeout in eu-west-1/)).toBeTruthy();
    expect(within(rowOf('alpha.example (us-east-1)')).getByText('Failed')).toBeTruthy();
  });
});
