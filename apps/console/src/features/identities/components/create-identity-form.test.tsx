import type { CreateIdentityRequest } from '@ses-console/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { ApiError } from '../../../lib/api-client';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { CreateIdentityForm } from './create-identity-form';

let bff: FakeBff | undefined;
afterEach(async () => {
  await bff?.close();
  bff = undefined;
});

function renderForm(onSubmit = vi.fn()) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  render(
    <AppProvider queryClient={queryClient}>
      <CreateIdentityForm
        region="us-east-1"
        configurationSets={['marketing', 'transactional']}
        configurationSetsLoading={false}
        submitting={false}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />
    </AppProvider>,
  );
  return { onSubmit, user: userEvent.setup() };
}

/** A BFF whose Route 53 has one public zone, `covered.example`. */
async function bffWithZone(): Promise<FakeBff> {
  return startFakeBff((req) => {
    if (req.path !== '/api/hosted-zones/lookup') return undefined;
    const domain = req.query.get('domain') ?? '';
    return {
      body:
        domain === 'covered.example' || domain.endsWith('.covered.example')
          ? { domain, hostedZone: { id: 'Z1', name: 'covered.example' } }
          : { domain },
    };
  });
}

const publishBox = () =>
  screen.getByRole('checkbox', { name: /^Enabled Publish DNS records to Route53/ }) as HTMLInputElement;

const submit = () => screen.getByRole('button', { name: 'Create identity' });

describe('create identity form: Publish DNS records to Route53', () => {
  it('when a public hosted zone covers the domain, then Publish is checked by default and the request asks for it', async () => {
    bff = await bffWithZone();
    const { onSubmit, user } = renderForm(
      vi.fn().mockResolvedValue({ name: 'x', steps: [], complete: true }),
    );
    expect(publishBox().checked).toBe(false);
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'mail.covered.example');
    await waitFor(() => expect(publishBox().checked).toBe(true));
    expect(screen.getByText(/Hosted zone covered.example covers mail.covered.example/)).toBeTruthy();
    await user.click(submit());
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      name: 'mail.covered.example',
      publishToRoute53: true,
    });
  });

  it('when the user clears Publish, then the choice stands even though a zone covers the domain', async () => {
    bff = await bffWithZone();
    const { onSubmit, user } = renderForm(
      vi.fn().mockResolvedValue({ name: 'x', steps: [], complete: true }),
    );
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'covered.example');
    await waitFor(() => expect(publishBox().checked).toBe(true));
    await user.click(publishBox());
    expect(publishBox().checked).toBe(false);
    await user.click(submit());
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ publishToRoute53: false });
  });

  it('when no zone covers the domain, then Publish is off, not offered, and the page says to use your DNS provider', async () => {
    bff = await bffWithZone();
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'elsewhere.example');
    expect(
      await screen.findByText(/No public Route 53 hosted zone in this account covers elsewhere.example/),
    ).toBeTruthy();
    expect(publishBox().checked).toBe(false);
    expect(publishBox().disabled).toBe(true);
    expect(
      bff.requests.filter((r) => r.path === '/api/hosted-zones/lookup').map((r) => r.query.get('domain')),
    ).toEqual(['elsewhere.example']);
  });
});

describe('create identity form', () => {
  it('when submitted empty, then the domain field says a domain is required and nothing is sent', async () => {
    const { onSubmit, user } = renderForm();
    await user.click(submit());
    expect(await screen.findByText('Enter a domain')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when the domain is malformed, then the message names the domain-name rule', async () => {
    const { onSubmit, user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'not_a domain');
    await user.click(submit());
    expect(await screen.findByText(/Enter a valid domain name, such as example.com/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when Email address is chosen and the address lacks a domain, then the message names the email rule', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: /Email address/ }));
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'sender@');
    await user.click(submit());
    expect(await screen.findByText('Enter a valid email address, such as sender@example.com')).toBeTruthy();
  });

  it('when BYODKIM has a PEM header in its key, then the private key field names the base64-only rule', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'example.com');
    await user.click(screen.getByRole('radio', { name: /BYODKIM/ }));
    await user.type(screen.getByRole('textbox', { name: /Private key/ }), '-----BEGIN RSA PRIVATE KEY-----');
    await user.type(screen.getByRole('textbox', { name: /Selector name/ }), 'sel-1');
    await user.click(submit());
    // The message under the field (Cloudscape's live region may repeat it for screen readers).
    const key = screen.getByRole('textbox', { name: /Private key/ });
    await waitFor(() => {
      const described = (key.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      const text = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      expect(text).toMatch(/Private key must be base64 only/);
    });
  });

  it('when a custom MAIL FROM is chosen without a subdomain, then the field asks for one', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'example.com');
    await user.click(screen.getByRole('checkbox', { name: /Use a custom MAIL FROM domain/ }));
    expect(screen.getByText('.example.com')).toBeTruthy();
    await user.click(submit());
    expect(await screen.findByText('Enter a MAIL FROM subdomain, such as mail')).toBeTruthy();
  });

  it('when the form is valid, then the contract request is sent with the full MAIL FROM domain', async () => {
    const onSubmit = vi.fn().mockResolvedValue({ name: 'example.com', steps: [], complete: true });
    const { user } = renderForm(onSubmit);
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'example.com');
    await user.click(screen.getByRole('checkbox', { name: /Use a custom MAIL FROM domain/ }));
    await user.type(screen.getByRole('textbox', { name: /^MAIL FROM domain/ }), 'bounce');
    await user.click(submit());
    const request = onSubmit.mock.calls[0]?.[0] as CreateIdentityRequest;
    expect(request).toMatchObject({
      type: 'DOMAIN',
      name: 'example.com',
      mailFrom: { domain: 'bounce.example.com', behaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
      dkim: { origin: 'AWS_SES', keyLength: 'RSA_2048_BIT' },
      dkimSigningEnabled: true,
    });
  });

  it('when the server rejects a field, then its message shows under that field', async () => {
    const onSubmit = vi.fn().mockRejectedValue(
      new ApiError(
        400,
        {
          code: 'ValidationError',
          message: 'The request is invalid',
          requestId: 'req-1',
          fieldErrors: [{ field: 'name', message: 'Identity example.com already exists in us-east-1' }],
        },
        'failed',
      ),
    );
    const { user } = renderForm(onSubmit);
    const domain = screen.getByRole('textbox', { name: 'Domain' });
    await user.type(domain, 'example.com');
    await user.click(submit());
    expect(await screen.findByText('Identity example.com already exists in us-east-1')).toBeTruthy();
    expect(screen.getAllByText(/The request is invalid \(request id req-1\)/).length).toBeGreaterThan(0);
    expect(within(document.body).queryByText('Enter a domain')).toBeNull();
  });

  it('when the name is already an identity, then the 409 shows once, under the name field, which gets focus', async () => {
    const message = 'example.com already exists as an identity in us-east-1.';
    const onSubmit = vi
      .fn()
      .mockRejectedValue(
        new ApiError(
          409,
          { code: 'AlreadyExists', message, requestId: 'req-2', fieldErrors: [{ field: 'name', message }] },
          'failed',
        ),
      );
    const { user } = renderForm(onSubmit);
    const domain = screen.getByRole('textbox', { name: 'Domain' });
    await user.type(domain, 'example.com');
    await user.click(submit());
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getAllByText(new RegExp(message.replaceAll('.', '\\.'))).length).toBe(1);
    expect(document.activeElement).toBe(domain);
  });

  it('when the form is submitted with an invalid domain, then focus moves to the domain field', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'not_a domain');
    await user.click(submit());
    await screen.findByText(/Enter a valid domain name/);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Domain' }));
  });
});

describe('create identity form: Deterministic Easy DKIM', () => {
  /** shared.example: verified Easy DKIM in eu-west-1 only; elsewhere pending, BYODKIM or a replica. */
  async function bffWithParents(): Promise<FakeBff> {
    return startFakeBff((req) => {
      if (req.path === '/api/hosted-zones/lookup') return { body: { domain: req.query.get('domain') } };
      if (req.path !== '/api/identities/shared.example/regions') return undefined;
      const found = (region: string, status: string, dkimOrigin: string) => ({
        region,
        type: 'DOMAIN',
        status,
        dkimStatus: status,
        dkimOrigin,
      });
      return {
        body: {
          name: 'shared.example',
          identities: [
            found('eu-west-1', 'SUCCESS', 'AWS_SES'),
            found('ap-south-1', 'PENDING', 'AWS_SES'),
            found('sa-east-1', 'SUCCESS', 'EXTERNAL'),
            { ...found('eu-west-3', 'SUCCESS', 'AWS_SES_EU_WEST_1'), parentRegion: 'eu-west-1' },
          ],
          regions: [
            { region: 'us-east-1', outcome: 'absent' },
            { region: 'eu-west-1', outcome: 'found' },
            { region: 'ap-south-1', outcome: 'found' },
            { region: 'sa-east-1', outcome: 'found' },
            { region: 'eu-west-3', outcome: 'found' },
          ],
        },
      };
    });
  }

  it('when Deterministic Easy DKIM is chosen, then Parent region lists only Regions where the domain is a verified Easy DKIM identity and the request names it', async () => {
    bff = await bffWithParents();
    const onSubmit = vi.fn().mockResolvedValue({ name: 'shared.example', steps: [], complete: true });
    const { user } = renderForm(onSubmit);
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'shared.example');
    await user.click(screen.getByRole('radio', { name: /^Deterministic Easy DKIM/ }));
    expect(screen.queryByRole('radiogroup', { name: 'DKIM signing key length' })).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Parent region/ }));
    const options = await screen.findAllByRole('option', {}, { timeout: 10_000 });
    // Only eu-west-1 (shown by name once the shell has the Region names): not the pending, BYODKIM or
    // replica Regions, nor the identity's own.
    expect(options).toHaveLength(1);
    expect(options[0]?.textContent).toContain('eu-west-1');
    expect(options[0]?.textContent).toContain('Verified, Easy DKIM');
    await user.click(screen.getByRole('option') as HTMLElement);
    await user.click(submit());
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]?.[0] as CreateIdentityRequest).toMatchObject({
      type: 'DOMAIN',
      name: 'shared.example',
      dkim: { origin: 'DEED', parentRegion: 'eu-west-1' },
    });
  });

  it('when no parent Region is chosen, then the field asks for one, gets focus, and nothing is sent', async () => {
    bff = await bffWithParents();
    const { onSubmit, user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'shared.example');
    await user.click(screen.getByRole('radio', { name: /^Deterministic Easy DKIM/ }));
    await user.click(submit());
    expect(await screen.findByText(/^Choose the parent Region/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Parent region/ })),
    );
  });

  it('when the BFF refuses the parent Region, then its message shows under Parent region', async () => {
    bff = await bffWithParents();
    const message = "The parent Region must differ from the identity's own Region (us-east-1)";
    const onSubmit = vi.fn().mockRejectedValue(
      new ApiError(
        400,
        {
          code: 'ValidationError',
          message: `dkim.parentRegion: ${message}`,
          requestId: 'req-3',
          fieldErrors: [{ field: 'dkim.parentRegion', message }],
        },
        'failed',
      ),
    );
    const { user } = renderForm(onSubmit);
    await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'shared.example');
    await user.click(screen.getByRole('radio', { name: /^Deterministic Easy DKIM/ }));
    await user.click(screen.getByRole('button', { name: /^Parent region/ }));
    await user.click((await screen.findAllByRole('option', {}, { timeout: 10_000 }))[0] as HTMLElement);
    await user.click(submit());
    expect(await screen.findByText(message)).toBeTruthy();
  });
});
