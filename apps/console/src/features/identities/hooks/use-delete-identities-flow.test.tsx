import { accessFor, apiPath } from '@ses-console/contract';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNotifications } from '../../../lib/notifications';
import { sessionKeys } from '../../../lib/session-queries';
import { type FakeBff, type FakeRequest, startFakeBff, testSession } from '../../../testing/fake-bff';
import { renderHookInApp } from '../../../testing/render-hook';
import { deleteIdentitiesRoute } from '../api/use-delete-identities';
import type { IdentityRef } from '../model/identity-rows';
import {
  DELETE_FLASH_ID,
  type DeleteFlowOptions,
  useDeleteIdentitiesFlow,
} from './use-delete-identities-flow';

let bff: FakeBff | undefined;
afterEach(async () => {
  await bff?.close();
  bff = undefined;
});

type RegionAnswer = 'deleted' | { status: number; code: string };

/** A BFF whose bulk delete answers per region: every identity deleted, or the whole request fails. */
async function fakeDeletes(answers: Record<string, RegionAnswer>, roles = testSession.roles) {
  bff = await startFakeBff((req: FakeRequest) => {
    if (req.path === '/api/session') return { body: { ...testSession, roles } };
    const region = /^\/api\/regions\/([\w-]+)\/identities\/delete$/.exec(req.path)?.[1];
    if (req.method !== 'POST' || !region) return undefined;
    const answer = answers[region];
    if (answer === undefined) return undefined;
    if (answer !== 'deleted') {
      const error = { ...answer, message: `${answer.code} in ${region}`, requestId: 'r-1' };
      return { status: answer.status, body: { error } };
    }
    const names = (req.body as { identities: string[] }).identities;
    const results = names.map((identity) => ({ identity, outcome: 'deleted' }));
    return { body: { results, deleted: names.length, failed: 0, unknown: 0 } };
  });
  return bff;
}

function renderFlow(options: Partial<DeleteFlowOptions<IdentityRef>> = {}) {
  return renderHookInApp(() => ({
    flow: useDeleteIdentitiesFlow<IdentityRef>({ labelOf: (row) => row.name, ...options }),
    flash: useNotifications().items,
  }));
}

const deleteRequests = () => bff?.requests.filter((r) => r.path.endsWith('/identities/delete')) ?? [];

describe('the delete flow', () => {
  it('when one identity is deleted from its page, then the bulk route whose rule was checked is called and the flow ends', async () => {
    await fakeDeletes({ 'us-east-1': 'deleted' });
    const onAllDeleted = vi.fn();
    const { result } = renderFlow({ onAllDeleted });
    await waitFor(() => expect(result.current.flow.allowed).toBe(true));

    act(() => result.current.flow.open([{ region: 'us-east-1', name: 'shop.example' }]));
    expect(result.current.flow.modal?.identities).toEqual([
      { key: 'us-east-1/shop.example', label: 'shop.example' },
    ]);
    act(() => result.current.flow.modal?.onConfirm());
    await waitFor(() => expect(onAllDeleted).toHaveBeenCalledOnce());

    expect(result.current.flow.modal).toBeNull();
    expect(result.current.flash).toMatchObject([
      { id: DELETE_FLASH_ID, type: 'success', content: 'Successfully deleted shop.example.' },
    ]);
    // The route called is the one whose access rule decides `allowed`, and it is the audited bulk delete.
    expect(deleteRequests().map((r) => [r.method.toLowerCase(), r.path])).toEqual([
      [deleteIdentitiesRoute.method, apiPath(deleteIdentitiesRoute.path, { region: 'us-east-1' })],
    ]);
    expect(accessFor(deleteIdentitiesRoute.method, deleteIdentitiesRoute.path)?.action).toBe(
      'identities.delete',
    );
  });

  it('when the user is not an admin, then deleting is not offered', async () => {
    await fakeDeletes({}, ['viewer', 'operator']);
    const { result, queryClient } = renderFlow();
    await waitFor(() => expect(queryClient.getQueryData(sessionKeys.all)).toBeTruthy());
    expect(result.current.flow.allowed).toBe(false);
  });

  it('when the same name is deleted in two regions and one does not answer, then results are keyed per row and the unanswered row is Not confirmed and stays selected', async () => {
    await fakeDeletes({ 'us-east-1': 'deleted', 'eu-west-1': { status: 504, code: 'RequestTimeout' } });
    const keepSelected = vi.fn();
    const { result } = renderFlow({ labelOf: (row) => `${row.name} (${row.region})`, keepSelected });
    const rows = [
      { region: 'us-east-1', name: 'same.example' },
      { region: 'eu-west-1', name: 'same.example' },
    ];
    act(() => result.current.flow.open(rows));
    act(() => result.current.flow.modal?.onConfirm());
    await waitFor(() => expect(result.current.flow.modal?.phase).toBe('done'));

    const results = [...(result.current.flow.modal?.results ?? [])].sort((a, b) =>
      a.key.localeCompare(b.key),
    );
    expect(results).toEqual([
      {
        key: 'eu-west-1/same.example',
        label: 'same.example (eu-west-1)',
        outcome: 'unknown',
        message: 'RequestTimeout in eu-west-1 (request id r-1)',
      },
      { key: 'us-east-1/same.example', label: 'same.example (us-east-1)', outcome: 'deleted' },
    ]);
    // The very row object of the table, so its selection is kept.
    expect(keepSelected).toHaveBeenLastCalledWith([rows[1]]);
    expect(result.current.flash).toMatchObject([
      {
        id: DELETE_FLASH_ID,
        type: 'warning',
        header:
          'Deleted 1 of 2 identities. 1 was not confirmed (SES did not answer; it may or may not be deleted) and stays selected.',
      },
    ]);
  });

  it('when Retry is chosen after a partial delete, then only the rows left are sent again', async () => {
    const answers: Record<string, RegionAnswer> = {
      'us-east-1': 'deleted',
      'eu-west-1': { status: 503, code: 'ServiceUnavailable' },
    };
    await fakeDeletes(answers);
    const { result } = renderFlow({ keepSelected: () => {} });
    act(() =>
      result.current.flow.open([
        { region: 'us-east-1', name: 'a.example' },
        { region: 'eu-west-1', name: 'b.example' },
      ]),
    );
    act(() => result.current.flow.modal?.onConfirm());
    await waitFor(() => expect(result.current.flash[0]?.type).toBe('warning'));

    answers['eu-west-1'] = 'deleted';
    render(<div>{result.current.flash[0]?.action}</div>);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(result.current.flash[0]?.type).toBe('success'));
    expect(
      deleteRequests()
        .map((r) => [r.path, r.body])
        .slice(-1),
    ).toEqual([['/api/regions/eu-west-1/identities/delete', { identities: ['b.example'] }]]);
    expect(result.current.flash[0]?.content).toBe('Successfully deleted b.example.');
  });

  it('when every region refuses, then nothing is deleted and the dialog asks again with the reason, said once (no flash behind it)', async () => {
    await fakeDeletes({ 'us-east-1': { status: 403, code: 'Forbidden' } });
    const onAllDeleted = vi.fn();
    const keepSelected = vi.fn();
    const { result } = renderFlow({ onAllDeleted, keepSelected });
    act(() => result.current.flow.open([{ region: 'us-east-1', name: 'kept.example' }]));
    act(() => result.current.flow.modal?.onConfirm());
    await waitFor(() =>
      expect(result.current.flow.modal?.error).toBe('Forbidden in us-east-1 (request id r-1)'),
    );

    expect(result.current.flow.modal?.phase).toBe('confirm');
    expect(result.current.flash).toEqual([]);
    expect(onAllDeleted).not.toHaveBeenCalled();
    expect(keepSelected).not.toHaveBeenCalled();
  });
});
