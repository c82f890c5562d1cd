import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { sessionKeys } from '../../../lib/session-queries';
import {
  type FakeBff,
  type FakeHandler,
  startFakeBff,
  testMetaWithAccounts,
  testSession,
} from '../../../testing/fake-bff';
import { testIdentityDetail } from '../../../testing/identity-detail';
import { focusableElement, renderHookInApp } from '../../../testing/render-hook';
import { useDkimEdit, useMailFromEdit, usePolicyEditor, useTagsEdit } from './use-identity-edits';

let bff: FakeBff | undefined;
afterEach(async () => {
  await bff?.close();
  bff = undefined;
  document.body.innerHTML = '';
});

const detail = testIdentityDetail({ name: 'shop.example', tags: [{ key: 'env', value: 'prod' }] });
const mailFromPath = '/api/regions/us-east-1/identities/shop.example/mail-from';
const puts = () => bff?.requests.filter((r) => r.method === 'PUT') ?? [];

/** The hook under test and the Flashbar's items, rendered together in the app's providers. */
function renderWithFlash<T>(hook: () => T) {
  return renderHookInApp(() => ({ edit: hook(), flash: useNotifications().items }));
}

async function fakeBff(handler: FakeHandler = () => undefined) {
  bff = await startFakeBff(handler);
  return bff;
}

describe('the edit-in-place flow', () => {
  it('when Edit opens, then the draft holds what the page shows and nothing is sent', async () => {
    await fakeBff();
    const { result } = renderHookInApp(() => useMailFromEdit(detail));
    expect(result.current.editing).toBe(false);
    act(() => result.current.open());
    expect(result.current.editing).toBe(true);
    expect(result.current.draft).toEqual({ enabled: false, subdomain: '', behavior: 'USE_DEFAULT_VALUE' });
    expect(puts()).toHaveLength(0);
  });

  it('when an invalid draft is saved, then nothing is sent, the field says why and gets focus', async () => {
    await fakeBff();
    const { result } = renderHookInApp(() => useMailFromEdit(detail));
    const subdomain = focusableElement('input');
    act(() => {
      result.current.open();
      result.current.fieldRef('subdomain')(subdomain);
    });
    // Before a save is tried the form shows no errors, however incomplete the draft is.
    act(() => result.current.setDraft({ enabled: true, subdomain: '', behavior: 'USE_DEFAULT_VALUE' }));
    expect(result.current.errors).toEqual({});

    await act(() => result.current.save());
    expect(result.current.errors).toEqual({ subdomain: 'Enter a MAIL FROM subdomain, such as mail' });
    expect(document.activeElement).toBe(subdomain);
    expect(result.current.editing).toBe(true);
    expect(puts()).toHaveLength(0);
  });

  it('when the BFF rejects a field, then its message is under that field, the envelope is the alert and the field gets focus', async () => {
    await fakeBff((req) =>
      req.method === 'PUT' && req.path === mailFromPath
        ? {
            status: 400,
            body: {
              error: {
                code: 'BadRequest',
                message: 'The request is not valid',
                requestId: 'r-1',
                fieldErrors: [{ field: 'domain', message: 'Use a subdomain of shop.example' }],
              },
            },
          }
        : undefined,
    );
    const { result } = renderHookInApp(() => useMailFromEdit(detail));
    const subdomain = focusableElement('input');
    act(() => {
      result.current.open();
      result.current.fieldRef('subdomain')(subdomain);
    });
    act(() => result.current.setDraft({ enabled: true, subdomain: 'bounce', behavior: 'REJECT_MESSAGE' }));
    await act(() => result.current.save());

    expect(result.current.errors).toEqual({ subdomain: 'Use a subdomain of shop.example' });
    expect(result.current.failure).toBeInstanceOf(ApiError);
    expect(describeError(result.current.failure)).toBe('The request is not valid (request id r-1)');
    expect(result.current.editing).toBe(true);
    expect(document.activeElement).toBe(subdomain);
    expect(puts()[0]?.body).toEqual({ domain: 'bounce.shop.example', behaviorOnMxFailure: 'REJECT_MESSAGE' });
  });

  it('when a save succeeds, then the form closes, the flash keeps one stable id, and focus is back on Edit', async () => {
    await fakeBff((req) =>
      req.method === 'PUT' && req.path === mailFromPath
        ? {
            body: {
              ...detail,
              mailFrom: { domain: 'bounce.shop.example', behaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
            },
          }
        : undefined,
    );
    const { result } = renderWithFlash(() => useMailFromEdit(detail));
    const editButton = focusableElement('button');
    const subdomain = focusableElement('input');
    act(() => result.current.edit.container.editButtonRef(editButton));

    for (const attempt of [1, 2]) {
      act(() => result.current.edit.open());
      act(() =>
        result.current.edit.setDraft({ enabled: true, subdomain: 'bounce', behavior: 'USE_DEFAULT_VALUE' }),
      );
      subdomain.focus();
      await act(() => result.current.edit.save());
      expect(result.current.edit.editing).toBe(false);
      expect(document.activeElement).toBe(editButton);
      expect(puts()).toHaveLength(attempt);
    }
    // The second save replaced the first message instead of stacking a copy.
    expect(result.current.flash.map(({ id, type, content }) => ({ id, type, content }))).toEqual([
      {
        id: 'mail-from-shop.example',
        type: 'success',
        content: 'Custom MAIL FROM settings of shop.example were saved.',
      },
    ]);
  });

  it('when Cancel is chosen, then nothing is sent, the draft is dropped and focus is back on Edit', async () => {
    await fakeBff();
    const { result } = renderHookInApp(() => useMailFromEdit(detail));
    const editButton = focusableElement('button');
    act(() => {
      result.current.container.editButtonRef(editButton);
      result.current.open();
    });
    act(() => result.current.setDraft({ enabled: true, subdomain: 'x', behavior: 'USE_DEFAULT_VALUE' }));
    act(() => result.current.cancel());
    expect(result.current.draft).toBeNull();
    expect(document.activeElement).toBe(editButton);
    expect(puts()).toHaveLength(0);
  });

  it('when the DKIM form is saved unchanged, then it closes without a request', async () => {
    await fakeBff();
    const { result } = renderWithFlash(() => useDkimEdit(detail));
    act(() => result.current.edit.open());
    await act(() => result.current.edit.save());
    expect(result.current.edit.editing).toBe(false);
    expect(puts()).toHaveLength(0);
    expect(result.current.flash).toHaveLength(0);
  });

  it('when a tag replace fails part-way, then the failure says what was applied and the form stays open', async () => {
    await fakeBff((req) =>
      req.method === 'PUT'
        ? {
            status: 503,
            body: {
              error: {
                code: 'ServiceUnavailable',
                message: 'Only part of the change was applied.',
                requestId: 'r-7',
                applied: ['Removed tags: env'],
                notApplied: ['Tags not added or changed: owner=ops'],
              },
            },
          }
        : undefined,
    );
    const { result } = renderWithFlash(() => useTagsEdit(detail));
    act(() => result.current.edit.open());
    act(() => result.current.edit.setDraft([{ key: 'owner', value: 'ops', existing: false }]));
    await act(() => result.current.edit.save());

    expect(puts()[0]?.body).toEqual({ tags: [{ key: 'owner', value: 'ops' }] });
    const failure = result.current.edit.failure as ApiError;
    expect(failure.applied).toEqual(['Removed tags: env']);
    expect(failure.notApplied).toEqual(['Tags not added or changed: owner=ops']);
    // Nothing in the envelope names a field: the whole story is the form's alert.
    expect(result.current.edit.errors).toEqual({});
    expect(result.current.edit.editing).toBe(true);
    expect(result.current.flash).toHaveLength(0);
  });

  it('when the policy editor closes, then focus goes back to the button that opened it', async () => {
    await fakeBff();
    const { result } = renderHookInApp(() => usePolicyEditor(detail));
    const create = focusableElement('button');
    const edit = focusableElement('button');
    act(() => {
      result.current.openerRef('create')(create);
      result.current.openerRef('edit')(edit);
    });

    act(() => result.current.open(undefined, 'create'));
    expect(result.current.draft?.mode).toBe('create');
    act(() => result.current.cancel());
    expect(document.activeElement).toBe(create);

    act(() => result.current.open({ mode: 'edit', name: 'allow', document: '{}' }, 'edit'));
    act(() => result.current.cancel());
    expect(document.activeElement).toBe(edit);
  });

  it('when the signed-in user is a viewer, then Edit is not allowed; an operator may edit', async () => {
    let roles: string[] = ['viewer'];
    await fakeBff((req) => (req.path === '/api/session' ? { body: { ...testSession, roles } } : undefined));
    const viewer = renderHookInApp(() => useMailFromEdit(detail));
    // Once the session is known (before that nothing is allowed, so this is the viewer's answer).
    await waitFor(() => expect(viewer.queryClient.getQueryData(sessionKeys.all)).toBeTruthy());
    expect(viewer.result.current.canEdit).toBe(false);
    expect(viewer.result.current.container.canEdit).toBe(false);

    roles = ['viewer', 'operator'];
    const operator = renderHookInApp(() => useMailFromEdit(detail));
    await waitFor(() => expect(operator.result.current.canEdit).toBe(true));
  });
});

describe('the edit-in-place flow, several accounts', () => {
  it('when the console serves several accounts, then a save acts in the selected account and its message names the account', async () => {
    window.localStorage.clear();
    bff = await startFakeBff(
      (req) =>
        req.method === 'PUT' && req.route === mailFromPath
          ? {
              body: {
                ...detail,
                mailFrom: { domain: 'bounce.shop.example', behaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
              },
            }
          : undefined,
      { meta: testMetaWithAccounts },
    );
    const { result } = renderWithFlash(() => useMailFromEdit(detail));
    // The settings load before the first save knows its account (the default one: production).
    await waitFor(() => expect(bff?.requests.some((r) => r.path === '/api/meta')).toBe(true));
    await waitFor(() => expect(result.current.edit.canEdit).toBe(true));
    act(() => result.current.edit.open());
    act(() =>
      result.current.edit.setDraft({ enabled: true, subdomain: 'bounce', behavior: 'USE_DEFAULT_VALUE' }),
    );
    await act(() => result.current.edit.save());
    expect(puts().map((r) => r.path)).toEqual([
      `/api/accounts/111111111111${mailFromPath.slice('/api'.length)}`,
    ]);
    expect(result.current.flash.map((n) => n.content)).toEqual([
      'Custom MAIL FROM settings of shop.example in production (111111111111) were saved.',
    ]);
  });

  it('when the user is an admin in staging and a viewer in production, then Edit is allowed in staging only', async () => {
    bff = await startFakeBff(() => undefined, {
      meta: testMetaWithAccounts,
      session: {
        ...testSession,
        roles: ['viewer'],
        accountRoles: { '111111111111': ['viewer'], '222222222222': ['admin'] },
      },
    });
    // The last account chosen on this browser is the selected one (no URL outside a router).
    window.localStorage.setItem('ses-console.account', JSON.stringify('222222222222'));
    const inStaging = renderHookInApp(() => useMailFromEdit(detail));
    await waitFor(() => expect(inStaging.result.current.canEdit).toBe(true));
    inStaging.unmount();

    window.localStorage.setItem('ses-console.account', JSON.stringify('111111111111'));
    const inProduction = renderHookInApp(() => useMailFromEdit(detail));
    await waitFor(() => {
      expect(inProduction.queryClient.getQueryData(sessionKeys.all)).toBeDefined();
      expect(inProduction.queryClient.getQueryData(['meta'])).toBeDefined();
    });
    expect(inProduction.result.current.canEdit).toBe(false);
    window.localStorage.clear();
  });
});
