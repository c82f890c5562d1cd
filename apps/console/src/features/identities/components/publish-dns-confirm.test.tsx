import Flashbar from '@cloudscape-design/components/flashbar';
import type { IdentityDetail, PublishResult } from '@ses-console/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { useNotifications } from '../../../lib/notifications';
import { type FakeBff, type FakeRequest, startFakeBff } from '../../../testing/fake-bff';
import { PublishDnsButton } from './publish-dns-button';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const PUBLISH_PATH = '/api/regions/us-east-1/identities/ask.example/publish-dns';
const SES_MX = '10 feedback-smtp.us-east-1.amazonses.com';

const detail = {
  name: 'ask.example',
  region: 'us-east-1',
  type: 'DOMAIN',
  hostedZone: { id: 'Z1', name: 'ask.example' },
  dnsRecords: [],
} as unknown as IdentityDetail;

const plan: NonNullable<PublishResult['plan']> = {
  needsConfirmation: true,
  planId: 'plan-1',
  changes: [
    {
      action: 'replace',
      purpose: 'MAIL_FROM_MX',
      type: 'MX',
      name: 'bounce.ask.example',
      existing: ['10 inbound.example.net'],
      values: [SES_MX],
      removed: ['10 inbound.example.net'],
      note: 'mail sent to addresses at bounce.ask.example would no longer reach it.',
    },
    {
      action: 'merge',
      purpose: 'MAIL_FROM_SPF',
      type: 'TXT',
      name: 'bounce.ask.example',
      existing: ['"v=spf1 include:_spf.google.com ~all"'],
      values: ['"v=spf1 include:_spf.google.com include:amazonses.com ~all"'],
      removed: ['"v=spf1 include:_spf.google.com ~all"'],
      note: 'include:amazonses.com is added to the existing SPF record.',
    },
  ],
};

/** The fake BFF's publish endpoint: asks first, writes only for the confirmed plan. */
function publishAnswer(req: FakeRequest) {
  if (req.method !== 'POST' || req.path !== PUBLISH_PATH) return undefined;
  const confirmed = (req.body as { confirm?: string }).confirm === plan.planId;
  const body: PublishResult = confirmed
    ? { outcome: 'published', hostedZone: detail.hostedZone, changeId: 'C1', records: [], plan }
    : { outcome: 'needs_confirmation', hostedZone: detail.hostedZone, records: [], plan };
  return { body };
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
      <PublishDnsButton detail={detail} scope="mail-from" label="MAIL FROM" />
    </AppProvider>,
  );
}

/** The button, once the session says this user may publish (it is disabled until then). */
async function enabledPublishButton(): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name: 'Publish DNS records to Route53 (MAIL FROM)' });
  await waitFor(() => expect(button.getAttribute('aria-disabled')).not.toBe('true'));
  return button;
}

const publishRequests = () => bff?.requests.filter((r) => r.path === PUBLISH_PATH) ?? [];

describe('publishing MAIL FROM records over existing ones', () => {
  it('when existing records would change, then a dialog lists them and only its confirmation writes that plan', async () => {
    bff = await startFakeBff(publishAnswer);
    const user = userEvent.setup();
    renderButton();

    await user.click(await enabledPublishButton());
    const dialog = await screen.findByRole('dialog', { name: 'Change existing DNS records?' });
    const table = within(dialog).getByRole('table', { name: 'Records publishing would change' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toMatch(
      /MX bounce\.ask\.example.*Replaced.*10 inbound\.example\.net.*feedback-smtp/,
    );
    expect(rows[2]?.textContent).toMatch(
      /TXT bounce\.ask\.example.*Merged into the existing record.*include:_spf\.google\.com ~all.*include:amazonses\.com ~all/,
    );
    expect(within(dialog).getByText(/Mail to this name would stop arriving/)).toBeTruthy();
    expect(publishRequests().map((r) => r.body)).toEqual([{ scope: 'mail-from' }]);

    await user.click(within(dialog).getByRole('button', { name: 'Publish and change records' }));
    await screen.findByText('MAIL FROM DNS records published to Route 53');
    expect(publishRequests().map((r) => r.body)).toEqual([
      { scope: 'mail-from' },
      { scope: 'mail-from', confirm: 'plan-1' },
    ]);
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Change existing DNS records?' })).toBeNull(),
    );
  });

  it('when the dialog is cancelled, then nothing more is sent', async () => {
    bff = await startFakeBff(publishAnswer);
    const user = userEvent.setup();
    renderButton();

    await user.click(await enabledPublishButton());
    const dialog = await screen.findByRole('dialog', { name: 'Change existing DNS records?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Change existing DNS records?' })).toBeNull(),
    );
    expect(publishRequests()).toHaveLength(1);
    expect(screen.queryByText('MAIL FROM DNS records published to Route 53')).toBeNull();
  });
});
