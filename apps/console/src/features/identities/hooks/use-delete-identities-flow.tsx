import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { deleteIdentitiesRoute, useDeleteIdentityRows } from '../api/use-delete-identities';
import type { DeleteIdentitiesModalProps, DeletePhase } from '../components/delete-identities-modal';
import { type DeleteRowResult, deletingMessage, leftReason, summarizeDelete } from '../model/delete-outcome';
import { type IdentityRef, identityRowKey } from '../model/identity-rows';

/** One id for every delete message, so the result replaces the in-progress item. */
export const DELETE_FLASH_ID = 'delete-identities';

export interface DeleteFlowOptions<R extends IdentityRef> {
  /** How a row is named in the dialog and the messages (with its region in the All regions view). */
  labelOf(row: IdentityRef): string;
  /**
   * Where rows are selected (the table): the rows not deleted stay selected for a retry, and the
   * message says so. Called with the remaining rows after every delete.
   */
  keepSelected?(rows: R[]): void;
  /** Every row went (deleted, or already gone): e.g. the identity page goes back to the list. */
  onAllDeleted?(): void;
}

/**
 * Deleting identities, from the table or the identity page: the confirmation dialog's state, the
 * request (one bulk delete per region), whether the user may (the access rule of that same route),
 * progress and result messages, and per-row results keyed by region + name, where a row SES did not
 * confirm is "Not confirmed" and stays.
 */
export function useDeleteIdentitiesFlow<R extends IdentityRef>(options: DeleteFlowOptions<R>) {
  const { labelOf, keepSelected, onAllDeleted } = options;
  const { notify, dismiss } = useNotifications();
  const allowed = useCan(deleteIdentitiesRoute.method, deleteIdentitiesRoute.path);
  const mutation = useDeleteIdentityRows();
  const [targets, setTargets] = useState<R[] | null>(null);
  const [phase, setPhase] = useState<DeletePhase>('confirm');
  const [results, setResults] = useState<DeleteRowResult[]>([]);
  const [error, setError] = useState<string>();

  const open = (rows: readonly R[]) => {
    setTargets([...rows]);
    setPhase('confirm');
    setResults([]);
    setError(undefined);
  };

  const run = async (rows: R[]) => {
    setPhase('deleting');
    setError(undefined);
    // Kept on every page until its result replaces it: the user may go elsewhere while it runs.
    notify({
      id: DELETE_FLASH_ID,
      type: 'in-progress',
      loading: true,
      content: deletingMessage(rows.map(labelOf)),
      dismissible: false,
      lifetime: 'pages',
    });
    let settled: Awaited<ReturnType<typeof mutation.mutateAsync>>;
    try {
      settled = await mutation.mutateAsync(rows);
    } catch (failure) {
      // Every region refused (4xx): nothing was deleted. The dialog, still open, says why; the same
      // words in the Flashbar behind it would say it twice.
      setPhase('confirm');
      setError(describeError(failure));
      dismiss(DELETE_FLASH_ID);
      return;
    }
    const byKey = new Map(rows.map((row) => [identityRowKey(row), row]));
    const rowResults = settled.map((r): DeleteRowResult => {
      const ref = { region: r.region, name: r.identity, account: r.account };
      const key = identityRowKey(ref);
      return {
        key,
        label: labelOf(ref),
        outcome: r.outcome,
        message: r.message,
      };
    });
    setResults(rowResults);
    setPhase('done');
    const summary = summarizeDelete(rowResults, keepSelected !== undefined);
    const remaining = summary.complete
      ? []
      : summary.left.map((r) => byKey.get(r.key)).filter((row): row is R => row !== undefined);
    keepSelected?.(remaining);
    if (summary.complete) {
      // Nothing to review: the dialog closes and the Flashbar says so.
      setTargets(null);
      // With `onAllDeleted` the console leaves this page (the identity is gone): the message is the next page's.
      notify({
        id: DELETE_FLASH_ID,
        type: 'success',
        content: summary.message,
        lifetime: onAllDeleted ? 'next-page' : 'page',
      });
      onAllDeleted?.();
      return;
    }
    notify({
      id: DELETE_FLASH_ID,
      type: summary.type,
      header: summary.header,
      content: (
        <ul>
          {summary.left.map((r) => (
            <li key={r.key}>
              {r.label}: {leftReason(r)}
            </li>
          ))}
        </ul>
      ),
      action: <Button onClick={() => void run(remaining)}>Retry</Button>,
    });
  };

  const modal: DeleteIdentitiesModalProps | null =
    targets === null
      ? null
      : {
          visible: true,
          identities: targets.map((row) => ({ key: identityRowKey(row), label: labelOf(row) })),
          phase,
          results,
          error,
          onDismiss: () => setTargets(null),
          onConfirm: () => void run(targets),
        };

  return {
    /** Whether the signed-in user may call the delete route this flow calls. */
    allowed,
    /** Asks to confirm deleting these rows. */
    open,
    /** The dialog's props while it is open (spread them into `DeleteIdentitiesModal`). */
    modal,
  };
}
