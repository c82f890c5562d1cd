import type { IdentityAcrossRegionsResponse, MetaResponse } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, type FakeRequest, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(async () => {
  await bff?.close();
  bff = undefined;
});

const meta: MetaResponse = {
  backend: 'emulator',
  defaultRegion: 'us-east-1',
  regions: [
    { code: 'us-east-1', name: 'US East (N. Virginia)' },
    { code: 'eu-west-1', name: 'Europe (Ireland)' },
    { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
    { code: 'sa-east-1', name: 'South America (São Paulo)' },
    { code: 'eu-west-3', name: 'Europe (Paris)' },
  ],
};

const parent = testIdentityDetail({ name: 'global.example' });
const replica = testIdentityDetail({
  name: 'global.example',
  region: 'eu-west-1',
  dkim: { ...parent.dkim, origin: 'AWS_SES_US_EAST_1', parentRegion: 'us-east-1' },
});

/** global.example: the parent in us-east-1, a verified replica in eu-west-1, eu-west-3 unreachable. */
const across: IdentityAcrossRegionsResponse = {
  name: 'global.example',
  identities: [
    { region: 'us-east-1', type: 'DOMAIN', status: 'SUCCESS', dkimStatus: 'SUCCESS', dkimOrigin: 'AWS_SES' },
    {
      region: 'eu-west-1',
      type: 'DOMAIN',
      status: 'SUCCESS',
      dkimStatus: 'SUCCESS',
      dkimOrigin: 'AWS_SES_US_EAST_1',
      parentRegion: 'us-east-1',
    },
  ],
  regions: [
    { region: 'us-east-1', outcome: 'found' },
    { region: 'eu-west-1', outcome: 'found' },
    { region: 'ap-south-1', outcome: 'absent' },
    { region: 'sa-east-1', outcome: 'absent' },
    {
      region: 'eu-west-3',
      outcome: 'failed',
      error: { code: 'ServiceUnavailable', message: 'SES did not answer after 6 attempts' },
    },
  ],
};

function fakeGlobal(
  extra: (req: FakeRequest) => { status?: number; body: unknown } | undefined = () => undefined,
) {
  return startFakeBff((req) => {
    if (req.path === '/api/meta') return { body: meta };
    if (req.method === 'GET' && req.path === '/api/regions/us-east-1/identities/global.example')
      return { body: parent };
    if (req.method === 'GET' && req.path === '/api/regions/eu-west-1/identities/global.example')
      return { body: replica };
    if (req.method === 'GET' && req.path === '/api/identities/global.example/regions')
      return { body: across };
    return extra(req);
  });
}

async function openParentPage() {
  const user = userEvent.setup();
  renderApp('/identities/global.example?region=us-east-1&tab=authentication');
  await screen.findByRole('heading', { name: 'global.example', level: 1 }, { timeout: 20_000 });
  return user;
}

describe('Global identity container', { timeout: 60_000 }, () => {
  it('when a parent has a replica, then the container lists it with its Region and status, and warns about the Region that could not be checked', async () => {
    bff = await fakeGlobal();
    await openParentPage();
    const link = await screen.findByRole(
      'link',
      { name: 'Europe (Ireland) (eu-west-1)' },
      { timeout: 15_000 },
    );
    expect(link.getAttribute('href')).toBe('/identities/global.example?region=eu-west-1');
    expect(within(link.closest('tr') as HTMLElement).getByText('Verified')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Global identity/ }).textContent).toContain('(1)');
    expect(screen.getByText('Some Regions could not be checked')).toBeTruthy();
    expect(screen.getByText(/eu-west-3: SES did not answer after 6 attempts/)).toBeTruthy();
  });

  it('when Replicate to Regions runs, then only Regions lacking the domain are offered, one request goes per Region and each Region gets its result', async () => {
    const replicateBodies: unknown[] = [];
    bff = await fakeGlobal((req) => {
      if (req.method !== 'POST' || req.path !== '/api/regions/us-east-1/identities/global.example/replicate')
        return undefined;
      replicateBodies.push(req.body);
      const [region] = (req.body as { regions: string[] }).regions;
      if (region === 'sa-east-1') {
        return {
          status: 400,
          body: { error: { code: 'ValidationError', message: 'SES refused it here', requestId: 'r-9' } },
        };
      }
      return {
        body: {
          name: 'global.example',
          parentRegion: 'us-east-1',
          results: [{ region, outcome: 'created', status: 'PENDING' }],
          created: 1,
          failed: 0,
          unknown: 0,
        },
      };
    });
    const user = await openParentPage();
    await screen.findByRole('link', { name: 'Europe (Ireland) (eu-west-1)' });
    await user.click(screen.getByRole('button', { name: 'Replicate to Regions' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^Regions/ }));
    const options = (await within(dialog).findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Asia Pacific (Mumbai) (ap-south-1)', 'South America (São Paulo) (sa-east-1)']);
    await user.click(within(dialog).getByRole('option', { name: /ap-south-1/ }));
    await user.click(within(dialog).getByRole('option', { name: /sa-east-1/ }));
    await user.keyboard('{Escape}');
    await user.click(within(dialog).getByRole('button', { name: 'Replicate' }));

    const results = await within(dialog).findByRole('table', { name: 'Replication results' });
    await waitFor(() => expect(within(results).getByText('Created')).toBeTruthy());
    await waitFor(() => expect(within(results).getByText('Failed')).toBeTruthy());
    expect(within(results).getByText('SES refused it here (request id r-9)')).toBeTruthy();
    expect(await within(dialog).findByText(/Created 1 of 2 replicas/)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(dialog).getByRole('region', { name: 'Replication progress' }),
      ),
    );
    expect(replicateBodies).toEqual([{ regions: ['ap-south-1'] }, { regions: ['sa-east-1'] }]);
  });

  it('when Replicate is pressed with no Region chosen, then the field says so and nothing is sent', async () => {
    bff = await fakeGlobal();
    const user = await openParentPage();
    await screen.findByRole('link', { name: 'Europe (Ireland) (eu-west-1)' });
    await user.click(screen.getByRole('button', { name: 'Replicate to Regions' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Replicate' }));
    expect(await within(dialog).findByText('Choose at least one Region.')).toBeTruthy();
    expect(bff.requests.some((r) => r.path.endsWith('/replicate'))).toBe(false);
  });

  it('when the Regions cannot be looked up, then the container says why with Retry and Replicate is not offered yet', async () => {
    let failing = true;
    bff = await startFakeBff((req) => {
      if (req.path === '/api/meta') return { body: meta };
      if (req.path === '/api/regions/us-east-1/identities/global.example') return { body: parent };
      if (req.path === '/api/identities/global.example/regions') {
        return failing
          ? {
              status: 503,
              body: { error: { code: 'ServiceUnavailable', message: 'BFF busy', requestId: 'r-1' } },
            }
          : { body: across };
      }
      return undefined;
    });
    const user = await openParentPage();
    expect(await screen.findByText(/The replicas could not be loaded: BFF busy/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Replicate to Regions' }) as HTMLButtonElement).getAttribute(
        'aria-disabled',
      ),
    ).toBe('true');
    failing = false;
    await user.click(
      within(screen.getByRole('table', { name: 'Replicas' })).getByRole('button', { name: 'Retry' }),
    );
    expect(await screen.findByRole('link', { name: 'Europe (Ireland) (eu-west-1)' })).toBeTruthy();
  });

  it('when the identity is a replica, then DKIM shows its Parent region as a link and there is no Global identity container', async () => {
    bff = await fakeGlobal();
    renderApp('/identities/global.example?region=eu-west-1&tab=authentication');
    await screen.findByRole('heading', { name: 'global.example', level: 1 }, { timeout: 20_000 });
    expect(await screen.findByText('Parent region')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'us-east-1' }).getAttribute('href')).toBe(
      '/identities/global.example?region=us-east-1',
    );
    expect(screen.getByText('Deterministic Easy DKIM')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Global identity/ })).toBeNull();
  });
});
