import type { DnsCheck, DnsDiagnosticsResponse } from '@ses-console/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { DnsDiagnosticsContainer } from './dns-diagnostics-container';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const detail = testIdentityDetail({
  name: 'diag.example',
  status: 'PENDING',
  verifiedForSending: false,
  dkim: { signingEnabled: true, status: 'PENDING', origin: 'AWS_SES', tokens: ['t1'] },
});

const check = (over: Partial<DnsCheck>): DnsCheck => ({
  purpose: 'DKIM',
  type: 'CNAME',
  name: 't1._domainkey.diag.example',
  expected: 't1.dkim.amazonses.com',
  required: true,
  state: 'missing',
  found: [],
  ...over,
});

function renderContainer() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(
    <AppProvider queryClient={queryClient}>
      <DnsDiagnosticsContainer detail={detail} />
    </AppProvider>,
  );
}

describe('DNS diagnostics container', () => {
  it('when DNS answers differ per record, then each state reads plainly and Check again asks DNS anew', async () => {
    let answers: DnsCheck[] = [
      check({ state: 'wrong_value', found: ['elsewhere.example.net'] }),
      check({
        purpose: 'DMARC',
        type: 'TXT',
        name: '_dmarc.diag.example',
        expected: '"v=DMARC1; p=none;"',
        required: false,
      }),
      check({
        purpose: 'MAIL_FROM_MX',
        type: 'MX',
        name: 'bounce.diag.example',
        expected: '10 feedback-smtp.us-east-1.amazonses.com',
        state: 'resolver_error',
        detail: 'the DNS server did not answer in time (ETIMEOUT)',
      }),
    ];
    bff = await startFakeBff((req) => {
      if (req.path !== '/api/regions/us-east-1/identities/diag.example/dns-diagnostics') return undefined;
      const body: DnsDiagnosticsResponse = {
        identity: 'diag.example',
        region: 'us-east-1',
        checkedAt: new Date().toISOString(),
        servers: ['127.0.0.1:11053'],
        checks: answers,
      };
      return { body };
    });
    const user = userEvent.setup();
    renderContainer();

    await screen.findByText('Wrong value');
    const rows = within(screen.getByRole('table', { name: 'DNS diagnostics' })).getAllByRole('row');
    expect(rows[1]?.textContent).toMatch(/Wrong value.*elsewhere\.example\.net/);
    expect(rows[2]?.textContent).toMatch(/DMARC \(recommended\).*Missing \(recommended\)/);
    expect(rows[3]?.textContent).toMatch(/No answer from DNS.*ETIMEOUT/);
    expect(screen.getByText(/2 required records need attention/)).toBeTruthy();

    answers = answers.map((a) => ({ ...a, state: 'found', found: [a.expected], detail: undefined }));
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getAllByText('Found and correct')).toHaveLength(3));
    expect(screen.getByText(/Every required record is in place/)).toBeTruthy();
    expect(bff.requests.filter((r) => r.path.endsWith('/dns-diagnostics'))).toHaveLength(2);
  });
});
