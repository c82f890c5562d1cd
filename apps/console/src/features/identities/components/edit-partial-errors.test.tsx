import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { DkimContainer } from './dkim-container';
import { TagsTab } from './tags-tab';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const detail = testIdentityDetail({ name: 'half.example', tags: [{ key: 'env', value: 'prod' }] });

const partial = (applied: string[], notApplied: string[]) => ({
  status: 503,
  body: {
    error: {
      code: 'ServiceUnavailable',
      message:
        'Only part of the change was applied. SES did not answer after 6 attempts over 3.1 s; try again later.',
      requestId: 'r-7',
      applied,
      notApplied,
    },
  },
});

/** The Edit button once the session's roles allow it. */
async function enabledButton(name: string | RegExp): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name });
  await waitFor(() =>
    expect(button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true').toBe(false),
  );
  return button;
}

function renderWith(node: React.ReactNode) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(<AppProvider queryClient={queryClient}>{node}</AppProvider>);
}

describe('edits that fail part-way', () => {
  it('when a tag replace fails after the removals, then the form says what was applied and what not', async () => {
    bff = await startFakeBff((req) =>
      req.method === 'PUT' && req.path === '/api/regions/us-east-1/identities/half.example/tags'
        ? partial(['Removed tags: env'], ['Tags not added or changed: owner=ops'])
        : undefined,
    );
    const user = userEvent.setup();
    renderWith(<TagsTab detail={detail} />);
    await user.click(await enabledButton('Manage tags Tags'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const applied = await screen.findByRole('list', { name: 'Applied' });
    expect(within(applied).getByText('Removed tags: env')).toBeTruthy();
    const notApplied = screen.getByRole('list', { name: 'Not applied' });
    expect(within(notApplied).getByText('Tags not added or changed: owner=ops')).toBeTruthy();
    expect(
      screen.getAllByText(/^Only part of the change was applied\..*\(request id r-7\)$/).length,
    ).toBeGreaterThan(0);
  });

  it('when the DKIM switch fails after the key length was applied, then the form says which part was applied', async () => {
    bff = await startFakeBff((req) =>
      req.method === 'PUT' && req.path === '/api/regions/us-east-1/identities/half.example/dkim'
        ? partial(['DKIM signing key: Easy DKIM, RSA_1024_BIT'], ['DKIM signatures disabled'])
        : undefined,
    );
    const user = userEvent.setup();
    renderWith(<DkimContainer detail={detail} />);
    await user.click(await enabledButton(/^Edit DomainKeys/));
    await user.click(screen.getByRole('radio', { name: 'RSA_1024_BIT' }));
    await user.click(screen.getByRole('checkbox', { name: /^Enabled/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const applied = await screen.findByRole('list', { name: 'Applied' });
    expect(within(applied).getByText('DKIM signing key: Easy DKIM, RSA_1024_BIT')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Not applied' })).getByText('DKIM signatures disabled'),
    ).toBeTruthy();
    const sent = bff.requests.find((r) => r.method === 'PUT');
    expect(sent?.body).toEqual({
      signingEnabled: false,
      signing: { origin: 'AWS_SES', keyLength: 'RSA_1024_BIT' },
    });
  });
});
