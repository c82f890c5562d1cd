import type { DnsRecord, IdentityDetail, RecreateIdentityResponse } from '@ses-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { renderApp } from '../../../testing/render-app';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const published = (token: string): DnsRecord => ({
  purpose: 'DKIM',
  type: 'CNAME',
  name: `${token}._domainkey.failed.example`,
  value: `${token}.dkim.amazonses.com`,
  publishedInRoute53: true,
  publishable: true,
});

/** The issue's domain: Failure and DKIM Failed while every record is Published in Route 53. */
const failed: IdentityDetail = testIdentityDetail({
  name: 'failed.example',
  status: 'FAILED',
  verifiedForSending: false,
  verificationInfo: { errorType: 'HOST_NOT_FOUND' },
  dkim: {
    signingEnabled: true,
    status: 'FAILED',
    origin: 'AWS_SES',
    tokens: ['t1', 't2', 't3'],
    currentKeyLength: 'RSA_2048_BIT',
    nextKeyLength: 'RSA_2048_BIT',
  },
  tags: [{ key: 'team', value: 'billing' }],
  hostedZone: { id: 'Z1', name: 'failed.example' },
  dnsRecords: ['t1', 't2', 't3'].map(published),
});

function fakeIdentityPage(detail: IdentityDetail) {
  let current = detail;
  return startFakeBff((req) => {
    const base = `/api/regions/us-east-1/identities/${detail.name}`;
    if (req.method === 'GET' && req.path === base) return { body: current };
    if (req.method === 'GET' && req.path === `${base}/dns-diagnostics`) {
      return {
        body: {
          identity: detail.name,
          region: 'us-east-1',
          checkedAt: new Date().toISOString(),
          servers: ['127.0.0.1:53'],
          checks: detail.dnsRecords.map((r) => ({
            purpose: r.purpose,
            type: r.type,
            name: r.name,
            expected: r.value,
            required: true,
            state: 'found',
            found: [r.value],
          })),
        },
      };
    }
    if (req.method === 'POST' && req.path === `${base}/recreate`) {
      current = { ...detail, status: 'PENDING', dkim: { ...detail.dkim, status: 'PENDING' } };
      const body: RecreateIdentityResponse = {
        name: detail.name,
        identity: current,
        steps: [
          { step: 'delete-identity', status: 'succeeded' },
          { step: 'create-identity', status: 'succeeded' },
          { step: 'publish-dns', status: 'succeeded' },
        ],
        publish: { outcome: 'published', hostedZone: { id: 'Z1', name: 'failed.example' }, records: [] },
        complete: true,
        previousPolicies: {},
      };
      return { body };
    }
    if (req.method === 'GET' && req.path.endsWith('/configuration-sets'))
      return { body: { configurationSets: [] } };
    if (req.method === 'GET' && req.path === '/api/regions/us-east-1/identities') {
      return { body: { region: 'us-east-1', identities: [] } };
    }
    return undefined;
  });
}

describe('status help on the identity page', () => {
  // The whole app in jsdom on shared cores: these journeys get more than the default 20 s.
  it('when a FAILED domain has every record published, then the page explains why it is still Failure, offers no Publish and offers Re-create', {
    timeout: 60_000,
  }, async () => {
    bff = await fakeIdentityPage(failed);
    const user = userEvent.setup();
    renderApp('/identities/failed.example?region=us-east-1&tab=authentication');
    await screen.findByRole('heading', { name: 'failed.example', level: 1 }, { timeout: 20_000 });

    const alert = await screen.findByText(/^Records are in place, but SES stopped checking after 72 hours/);
    expect(alert).toBeTruthy();
    expect(screen.getByText(/^Failure: SES did not find the DKIM records within 72 hours/)).toBeTruthy();
    // Publishing would change nothing: SES stopped looking.
    expect(screen.queryByRole('button', { name: /^Publish DNS records to Route53/ })).toBeNull();
    // The diagnostics agree with the status instead of contradicting it.
    expect(
      await screen.findByText(/Every required record is in place, but SES stopped checking after 72 hours/),
    ).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Info about the identity status' }));
    const help = await screen.findByRole('dialog', { name: /Identity status: Failure/ });
    for (const word of ['Verified', 'Pending', 'Failure', 'Temporary Failure', 'Not started']) {
      expect(within(help).getByText(word)).toBeTruthy();
    }
    expect(within(help).getByText(/Next step:/)).toBeTruthy();
  });

  it('when Re-create is confirmed, then the BFF re-creates it with the same settings and the page says verification started again', {
    timeout: 60_000,
  }, async () => {
    bff = await fakeIdentityPage(failed);
    const user = userEvent.setup();
    renderApp('/identities/failed.example?region=us-east-1');
    await screen.findByRole('heading', { name: 'failed.example', level: 1 }, { timeout: 20_000 });
    await user.click(await screen.findByRole('button', { name: 'Re-create identity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Re-create failed.example?' });
    expect(within(dialog).getByText(/keeping: 1 tag, no default set, Easy DKIM, RSA_2048_BIT/)).toBeTruthy();
    expect(
      within(dialog).getByText(/new DKIM records, published to hosted zone failed.example/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Re-create identity' }));
    expect(
      await screen.findByText('failed.example was re-created; verification started again.'),
    ).toBeTruthy();
    const posts = bff.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.path, r.body])).toEqual([
      ['/api/regions/us-east-1/identities/failed.example/recreate', {}],
    ]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Re-create identity' })).toBeNull());
  });
});

describe('the DKIM container and the key length', () => {
  it('when the next key length differs from the current one, then the container says when it applies and the form states the rule before Save', {
    timeout: 60_000,
  }, async () => {
    const generatedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const pending = testIdentityDetail({
      name: 'keys.example',
      dkim: {
        signingEnabled: true,
        status: 'SUCCESS',
        origin: 'AWS_SES',
        tokens: ['t1', 't2', 't3'],
        currentKeyLength: 'RSA_2048_BIT',
        nextKeyLength: 'RSA_1024_BIT',
        lastKeyGeneratedAt: generatedAt,
      },
    });
    bff = await fakeIdentityPage(pending);
    const user = userEvent.setup();
    renderApp('/identities/keys.example?region=us-east-1&tab=authentication');
    expect(
      await screen.findByText(
        /^RSA_1024_BIT becomes current at SES's next key rotation; until then RSA_2048_BIT signs/,
        {},
        {
          timeout: 20_000,
        },
      ),
    ).toBeTruthy();
    const edit = await screen.findByRole('button', { name: 'Edit DomainKeys Identified Mail (DKIM)' });
    await waitFor(() => expect(edit.getAttribute('aria-disabled')).not.toBe('true'));
    await user.click(edit);
    expect(screen.getByText(/Another change is possible 24 hours after that rotation/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'RSA_2048_BIT' }));
    expect(
      screen.getByText('SES refuses another change while RSA_1024_BIT waits for its key rotation.'),
    ).toBeTruthy();
  });
});
