import Flashbar from '@cloudscape-design/components/flashbar';
import type { IdentityDetail, PublishResult } from '@ses-console/contract';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { useNotifications } from '../../../lib/notifications';
import { type FakeBff, type FakeRequest, startFakeBff } from '../../../testing/fake-bff';
import { PublishDnsButton } from './publish-dns-button';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const PUBLISH_PATH = '/api/regions/us-east-1/identities/follow.example/publish-dns';
const CHANGE_PATH = '/api/route53/changes/C77';
const DMARC = '"v=DMARC1; p=none;"';

const detail = {
  name: 'follow.example',
  region: 'us-east-1',
  type: 'DOMAIN',
  hostedZone: { id: 'Z1', name: 'follow.example' },
  dnsRecords: [],
} as unknown as IdentityDetail;

const dkimChange = (token: string) => ({
  action: 'create' as const,
  purpose: 'DKIM' as const,
  type: 'CNAME' as const,
  name: `${token}._domainkey.follow.example`,
  existing: [],
  values: [`${token}.dkim.amazonses.com`],
  removed: [],
});

/**
 * A fake BFF whose publish writes the DKIM records (change C77, PENDING) and offers DMARC, writes DMARC
 * when asked (or reports the policy already there), and whose GetChange route answers `changeStatus`.
 */
function bffAnswers(options: { existingDmarc?: string; changeStatus: () => 'PENDING' | 'INSYNC' }) {
  return (req: FakeRequest) => {
    if (req.method === 'GET' && req.path === CHANGE_PATH) {
      return { body: { id: 'C77', status: options.changeStatus(), submittedAt: '2026-01-01T00:00:00.000Z' } };
    }
    if (req.method !== 'POST' || req.path !== PUBLISH_PATH) return undefined;
    const wantsDmarc = (req.body as { dmarc?: boolean }).dmarc === true;
    const dmarc: PublishResult['dmarc'] = options.existingDmarc
      ? {
          name: '_dmarc.follow.example',
          recommended: DMARC,
          state: 'existing',
          existing: [options.existingDmarc],
        }
      : {
          name: '_dmarc.follow.example',
          recommended: DMARC,
          state: wantsDmarc ? 'written' : 'missing',
          existing: [],
        };
    const changes =
      wantsDmarc && !options.existingDmarc
        ? [
            {
              ...dkimChange('t1'),
              purpose: 'DMARC' as const,
              type: 'TXT' as const,
              name: '_dmarc.follow.example',
              values: [DMARC],
            },
          ]
        : [dkimChange('t1'), dkimChange('t2'), dkimChange('t3')];
    const body: PublishResult = {
      outcome: 'published',
      hostedZone: detail.hostedZone,
      changeId: 'C77',
      changeStatus: 'PENDING',
      records: [],
      plan: { changes, needsConfirmation: false, planId: 'p' },
      dmarc,
    };
    return { body };
  };
}

function Flashes() {
  return <Flashbar items={useNotifications().items} />;
}

function renderButton() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(
    <AppProvider queryClient={queryClient}>
      <Flashes />
      <PublishDnsButton detail={detail} scope="dkim" label="DKIM" />
    </AppProvider>,
  );
}

async function clickPublish() {
  const button = await screen.findByRole('button', { name: 'Publish DNS records to Route53 (DKIM)' });
  await waitFor(() => expect(button.getAttribute('aria-disabled')).not.toBe('true'));
  await userEvent.setup().click(button);
}

const bodiesOf = (path: string) => bff?.requests.filter((r) => r.path === path).map((r) => r.body) ?? [];

describe('after Publish: the Route 53 change and the recommended DMARC record', () => {
  it('when the change is PENDING, then the message says so and turns to In sync once the BFF’s GetChange says INSYNC', async () => {
    let status: 'PENDING' | 'INSYNC' = 'PENDING';
    bff = await startFakeBff(bffAnswers({ changeStatus: () => status }));
    renderButton();
    await clickPublish();
    await screen.findByText('DKIM DNS records published to Route 53');
    // The publish answered PENDING, and the first GetChange too.
    await screen.findByText('Route 53 change C77: Pending');
    await waitFor(() => expect(bff?.requests.some((r) => r.path === CHANGE_PATH)).toBe(true));
    status = 'INSYNC';
    expect(await screen.findByText('Route 53 change C77: In sync', {}, { timeout: 8_000 })).toBeTruthy();
  }, 15_000);

  it('when the domain has no DMARC record, then the message offers it and "Add DMARC record" publishes it', async () => {
    bff = await startFakeBff(bffAnswers({ changeStatus: () => 'INSYNC' }));
    const user = userEvent.setup();
    renderButton();
    await clickPublish();
    await screen.findByText(
      'No DMARC record at _dmarc.follow.example. We recommend v=DMARC1; p=none; (monitoring only); add it with "Add DMARC record".',
    );
    expect(bodiesOf(PUBLISH_PATH)).toEqual([{ scope: 'dkim' }]);

    await user.click(screen.getByRole('button', { name: 'Add DMARC record' }));
    await screen.findByText(
      'The recommended DMARC record v=DMARC1; p=none; was added at _dmarc.follow.example.',
    );
    expect(bodiesOf(PUBLISH_PATH)).toEqual([{ scope: 'dkim' }, { scope: 'dkim', dmarc: true }]);
    expect(screen.queryByRole('button', { name: 'Add DMARC record' })).toBeNull();
  });

  it('when a DMARC policy exists, then the message says it was left as it is and offers nothing', async () => {
    bff = await startFakeBff(
      bffAnswers({ existingDmarc: '"v=DMARC1; p=reject;"', changeStatus: () => 'INSYNC' }),
    );
    renderButton();
    await clickPublish();
    await screen.findByText(
      '_dmarc.follow.example already has a DMARC record (v=DMARC1; p=reject;); it was left as it is.',
    );
    expect(screen.queryByRole('button', { name: 'Add DMARC record' })).toBeNull();
  });
});
