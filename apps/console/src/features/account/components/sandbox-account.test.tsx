import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { renderApp } from '../../../testing/render-app';

const sandbox = {
  productionAccessEnabled: false,
  sendingEnabled: true,
  sendQuota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 3 },
};
const production = {
  ...sandbox,
  productionAccessEnabled: true,
  sendQuota: { max24HourSend: 50_000, maxSendRate: 14, sentLast24Hours: 3 },
};

describe('the SES sandbox in the console', () => {
  let bff: FakeBff;
  afterEach(() => bff.close());

  it('when the account is in the sandbox, then Send test email says so and a custom recipient offers to create and verify that address', async () => {
    bff = await startFakeBff((req) => {
      if (req.path === '/api/regions/us-east-1/identities/shop.example')
        return { body: testIdentityDetail() };
      if (req.path === '/api/regions/us-east-1/configuration-sets')
        return { body: { configurationSets: [] } };
      if (req.path === '/api/regions/us-east-1/account') return { body: sandbox };
      return undefined;
    });
    renderApp('/identities/shop.example/send-test-email?region=us-east-1');
    expect(await screen.findByText('Your account is in the sandbox in us-east-1')).toBeTruthy();
    expect(screen.getByText(/at most 200 recipients per 24 hours and 1 per second/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Manage production access' }).getAttribute('href')).toBe(
      '/emulator/account?region=us-east-1',
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Scenario/ }));
    await user.click(await screen.findByRole('option', { name: /^Custom/ }));
    await user.type(screen.getByRole('textbox', { name: /^Custom recipient/ }), 'friend@example.org');
    const link = await screen.findByRole('link', { name: 'Create and verify friend@example.org' });
    expect(link.getAttribute('href')).toBe('/identities/create?region=us-east-1&email=friend%40example.org');
    expect(
      screen.getByText(/In the sandbox SES refuses a recipient that is not a verified identity/),
    ).toBeTruthy();
  });

  it('when the account has production access, then Send test email shows no sandbox notice', async () => {
    bff = await startFakeBff((req) => {
      if (req.path === '/api/regions/us-east-1/identities/shop.example')
        return { body: testIdentityDetail() };
      if (req.path === '/api/regions/us-east-1/configuration-sets')
        return { body: { configurationSets: [] } };
      if (req.path === '/api/regions/us-east-1/account') return { body: production };
      return undefined;
    });
    renderApp('/identities/shop.example/send-test-email?region=us-east-1');
    await screen.findByRole('heading', { level: 1, name: 'Send test email' });
    await waitFor(() => expect(bff.requests.some((r) => r.path.endsWith('/account'))).toBe(true));
    expect(screen.queryByText(/is in the sandbox/)).toBeNull();
  });

  it('when the operator turns Production access on in the Emulator section, then the BFF is asked for it and the page shows production access', async () => {
    let current = sandbox;
    bff = await startFakeBff((req) => {
      if (req.path === '/api/regions/eu-west-1/account') return { body: current };
      if (req.method === 'POST' && req.path === '/api/emulator/account') {
        current = production;
        return { body: production };
      }
      return undefined;
    });
    renderApp('/emulator/account?region=eu-west-1');
    const nav = await screen.findByRole('navigation', { name: 'Side navigation' });
    expect(await within(nav).findByRole('link', { name: 'Account' })).toBeTruthy();
    expect(await screen.findByText('Sandbox')).toBeTruthy();
    const toggle = screen.getByRole('checkbox', { name: 'Production access' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await userEvent.setup().click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(bff.requests.find((r) => r.method === 'POST')?.body).toEqual({
      region: 'eu-west-1',
      productionAccess: true,
    });
    expect(await screen.findByText('50,000')).toBeTruthy();
    expect(screen.getByText('14 per second')).toBeTruthy();
  });
});
