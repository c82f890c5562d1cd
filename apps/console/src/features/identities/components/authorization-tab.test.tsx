import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider, createQueryClient } from '../../../app/provider';
import { type FakeBff, startFakeBff } from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { AuthorizationTab } from './authorization-tab';

let bff: FakeBff | undefined;
afterEach(() => bff?.close());

const detail = testIdentityDetail({
  name: 'shop.example',
  arn: 'arn:aws:ses:us-east-1:111122223333:identity/shop.example',
});

function renderTab() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(
    <AppProvider queryClient={queryClient}>
      <AuthorizationTab detail={detail} />
    </AppProvider>,
  );
}

async function openCreate(user: ReturnType<typeof userEvent.setup>) {
  const button = await screen.findByRole('button', { name: 'Create policy' });
  await user.click(button);
  return screen.getByRole('textbox', { name: /^Policy document/ }) as HTMLTextAreaElement;
}

describe('the Authorization tab policy generator', () => {
  it("when Create policy opens, then the document and the principals carry the identity's account id, not a placeholder", async () => {
    bff = await startFakeBff(() => undefined);
    const user = userEvent.setup();
    renderTab();
    const documentField = await openCreate(user);
    expect(documentField.value).toContain('"111122223333"');
    expect(documentField.value).not.toContain('123456789012');
    expect((screen.getByRole('textbox', { name: /^Principals/ }) as HTMLTextAreaElement).value).toBe(
      '111122223333',
    );
  });

  it('when principals, actions and a condition are generated, then the JSON lands in the editor, can still be edited, and is what Create policy sends', async () => {
    bff = await startFakeBff((req) =>
      req.method === 'POST' ? { status: 201, body: { ...detail, policies: { partner: '{}' } } } : undefined,
    );
    const user = userEvent.setup();
    renderTab();
    const documentField = await openCreate(user);
    const principals = screen.getByRole('textbox', { name: /^Principals/ });
    await user.clear(principals);
    await user.type(principals, '444455556666{enter}arn:aws:iam::777788889999:user/sender');
    await user.click(screen.getByRole('checkbox', { name: /^ses:SendRawEmail\b/ }));
    await user.click(screen.getByRole('checkbox', { name: /^ses:SendTemplatedEmail\b/ }));
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    const value = screen.getByRole('textbox', { name: 'Value 1' }) as HTMLInputElement;
    expect(value.value).toBe('111122223333');
    await user.clear(value);
    await user.type(value, '4444');
    await user.click(screen.getByRole('button', { name: 'Generate policy document' }));
    expect(await screen.findByText('aws:SourceAccount must be a 12-digit AWS account ID')).toBeTruthy();
    expect(documentField.value).not.toContain('444455556666');

    await user.type(value, '55556666');
    await waitFor(() =>
      expect(screen.queryByText('aws:SourceAccount must be a 12-digit AWS account ID')).toBeNull(),
    );
    await user.click(screen.getByRole('button', { name: 'Generate policy document' }));
    const generated = JSON.parse(documentField.value);
    expect(generated.Statement[0]).toEqual({
      Sid: 'AuthorizeSending',
      Effect: 'Allow',
      Resource: detail.arn,
      Principal: { AWS: ['444455556666', 'arn:aws:iam::777788889999:user/sender'] },
      Action: ['ses:SendEmail', 'ses:SendTemplatedEmail'],
      Condition: { StringEquals: { 'aws:SourceAccount': '444455556666' } },
    });

    // Still editable: the user's own change is what is sent.
    const edited = documentField.value.replace('AuthorizeSending', 'PartnerSends');
    await user.clear(documentField);
    await user.click(documentField);
    await user.paste(edited);
    await user.type(screen.getByRole('textbox', { name: /^Policy name/ }), 'partner');
    const form = screen.getByRole('textbox', { name: /^Policy name/ }).closest('form') ?? document.body;
    await user.click(within(form as HTMLElement).getByRole('button', { name: 'Create policy' }));
    await waitFor(() => expect(bff?.requests.some((r) => r.method === 'POST')).toBe(true));
    const post = bff.requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/regions/us-east-1/identities/shop.example/policies');
    const body = post?.body as { name: string; document: string };
    expect(body.name).toBe('partner');
    expect(JSON.parse(body.document).Statement[0].Sid).toBe('PartnerSends');
  });

  it('when no principal and no action are chosen, then Generate names both rules and writes nothing', async () => {
    bff = await startFakeBff(() => undefined);
    const user = userEvent.setup();
    renderTab();
    const documentField = await openCreate(user);
    const before = documentField.value;
    await user.clear(screen.getByRole('textbox', { name: /^Principals/ }));
    await user.click(screen.getByRole('checkbox', { name: /^ses:SendEmail\b/ }));
    await user.click(screen.getByRole('checkbox', { name: /^ses:SendRawEmail\b/ }));
    await user.click(screen.getByRole('button', { name: 'Generate policy document' }));
    expect(await screen.findByText('Enter at least one AWS account ID or IAM ARN')).toBeTruthy();
    expect(screen.getByText('Choose at least one action')).toBeTruthy();
    expect(documentField.value).toBe(before);
  });
});
